#include "wizards/PeerEndpointPage.h"

#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace opendo::ui {

namespace {

constexpr int kDefaultPort = 7680;

QString unbracketed(QString host)
{
    host = host.trimmed();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    return host;
}

} // namespace

PeerEndpointPage::PeerEndpointPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Which peer?"));
    setSubTitle(tr("The agent opens a peer connection to this address and port and performs the "
                   "handshake, as a download would."));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("peerAddress"));
    m_host->setPlaceholderText(tr("192.168.1.20, fd00::20 or pc-042.example.org"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("peerPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("peerProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Address:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(m_problem);
    connect(m_host, &QLineEdit::textChanged, this, &PeerEndpointPage::showValidity);
    showValidity();
}

void PeerEndpointPage::setEndpoint(const QString& host, int port)
{
    m_host->setText(host);
    m_port->setValue(port);
}

QString PeerEndpointPage::host() const
{
    return unbracketed(m_host->text());
}

int PeerEndpointPage::port() const
{
    return m_port->value();
}

QString PeerEndpointPage::endpoint() const
{
    return endpointText(host(), port());
}

bool PeerEndpointPage::isComplete() const
{
    return isValidHost(host());
}

bool PeerEndpointPage::isValidHost(const QString& host)
{
    const QString bare = unbracketed(host);
    if (bare.isEmpty())
        return false;
    QHostAddress address;
    if (address.setAddress(bare))
        return true;
    static const QRegularExpression name(
        QStringLiteral("^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    // All digits and dots is a mistyped IPv4 address, not a name.
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    return name.match(bare).hasMatch() && !numeric.match(bare).hasMatch();
}

QString PeerEndpointPage::endpointText(const QString& host, int port)
{
    const QString bare = unbracketed(host);
    QHostAddress address;
    const bool ipv6 =
        address.setAddress(bare) && address.protocol() == QAbstractSocket::IPv6Protocol;
    return (ipv6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2")).arg(bare).arg(port);
}

void PeerEndpointPage::showValidity()
{
    const QString text = host();
    m_problem->setText(text.isEmpty() || isValidHost(text)
                           ? QString()
                           : tr("Not an IPv4 or IPv6 address or a host name."));
    Q_EMIT completeChanged();
}

} // namespace opendo::ui
