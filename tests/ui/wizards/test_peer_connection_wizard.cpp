// The "Test connection to a peer" wizard: address validation, and the connection.peer_test
// check against a listening loopback server (success) and a port nothing listens on (refused).

#include "agent/Agent.h"
#include "support/FreePort.h"
#include "support/TestAgentOptions.h"
#include "ui/wizards/WizardTestSupport.h"
#include "wizards/PeerConnectionWizard.h"
#include "wizards/PeerEndpointPage.h"
#include "wizards/PeerTestResultPage.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using ui::PeerEndpointPage;

class PeerConnectionWizardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void validatesTheAddress();
    void listeningPeerSucceeds();
    void closedPortIsRefused();

private:
    QString runAgainst(const QString& host, quint16 port, bool* succeeded, const QString& shot);

    QTemporaryDir m_dir;
    std::unique_ptr<agent::Agent> m_agent;
};

void PeerConnectionWizardTest::initTestCase()
{
    m_agent = std::make_unique<agent::Agent>(test::testAgentOptions(m_dir.filePath("data")));
    QCOMPARE(m_agent->start().result(), QString());
}

void PeerConnectionWizardTest::cleanupTestCase()
{
    m_agent.reset();
}

void PeerConnectionWizardTest::validatesTheAddress()
{
    QVERIFY(PeerEndpointPage::isValidHost("192.168.1.20"));
    QVERIFY(PeerEndpointPage::isValidHost("fd00::20"));
    QVERIFY(PeerEndpointPage::isValidHost("[fd00::20]"));
    QVERIFY(PeerEndpointPage::isValidHost("pc-042.example.org"));
    QVERIFY(!PeerEndpointPage::isValidHost(""));
    QVERIFY(!PeerEndpointPage::isValidHost("300.1.1.1"));
    QVERIFY(!PeerEndpointPage::isValidHost("bad host"));
    QVERIFY(!PeerEndpointPage::isValidHost("-x.example"));
    QCOMPARE(PeerEndpointPage::endpointText("127.0.0.1", 7680), QString("127.0.0.1:7680"));
    QCOMPARE(PeerEndpointPage::endpointText("::1", 7680), QString("[::1]:7680"));
    QCOMPARE(PeerEndpointPage::endpointText("[::1]", 80), QString("[::1]:80"));
    QCOMPARE(PeerEndpointPage::endpointText("pc-042", 7680), QString("pc-042:7680"));

    ui::PeerConnectionWizard wizard(*m_agent, {});
    PeerEndpointPage& page = wizard.endpointPage();
    QCOMPARE(page.port(), 7680);
    page.setEndpoint("not a host", 7680);
    QVERIFY(!page.isComplete());
    page.setEndpoint("::1", 9000);
    QVERIFY(page.isComplete());
    QCOMPARE(wizard.request().peerEndpoint, QString("[::1]:9000"));
    QCOMPARE(wizard.request().checkIds, QStringList{"connection.peer_test"});
}

QString PeerConnectionWizardTest::runAgainst(const QString& host, quint16 port, bool* succeeded,
                                             const QString& shot)
{
    ui::PeerConnectionWizard wizard(*m_agent, {});
    wizard.endpointPage().setEndpoint(host, port);
    wizard.show();
    if (!test::walkTo(wizard, &wizard.resultPage()))
        return "the wizard did not reach its result page";
    *succeeded = wizard.resultPage().succeeded();
    test::saveWizardScreenshot(wizard, shot);
    return wizard.resultPage().resultText();
}

void PeerConnectionWizardTest::listeningPeerSucceeds()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QList<QTcpSocket*> accepted;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection())
            accepted << socket;
    });
    bool succeeded = false;
    const QString text = runAgainst("127.0.0.1", server.serverPort(), &succeeded, "peer-test");
    QVERIFY2(succeeded, qPrintable(text));
    QVERIFY2(text.contains("Success"), qPrintable(text));
    QVERIFY(text.contains(QString("127.0.0.1:%1").arg(server.serverPort())));
}

void PeerConnectionWizardTest::closedPortIsRefused()
{
    const quint16 port = test::freePort();
    bool succeeded = true;
    const QString text = runAgainst("127.0.0.1", port, &succeeded, "peer-test-refused");
    QVERIFY2(!succeeded, qPrintable(text));
    QVERIFY2(text.contains("refused", Qt::CaseInsensitive), qPrintable(text));
}

QTEST_MAIN(PeerConnectionWizardTest)
#include "test_peer_connection_wizard.moc"
