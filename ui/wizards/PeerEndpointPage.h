#pragma once

// Where the peer to test is: an IPv4/IPv6 address or a host name, and a port (1–65535).

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace opendo::ui {

class PeerEndpointPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PeerEndpointPage(QWidget* parent = nullptr);

    void setEndpoint(const QString& host, int port);
    QString host() const;
    int port() const;
    QString endpoint() const; // "ADDR:PORT", "[v6]:PORT"
    bool isComplete() const override;

    static bool isValidHost(const QString& host); // an IP literal or a host name
    static QString endpointText(const QString& host, int port);

private:
    void showValidity();

    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace opendo::ui
