// Single-value and combination rules of the policy engine, case by case for every type.

#include "policy/PolicyCatalog.h"
#include "policy/PolicyValidation.h"

#include <QTest>

using namespace opendo::policy;

class PolicyValidationTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkValue_data();
    void checkValue();
    void compositeHasNoValueOfItsOwn();
    void businessHoursWindow_data();
    void businessHoursWindow();
};

void PolicyValidationTest::checkValue_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QStringList>("messageMentions"); // what the error must name

    const QStringList none;
    // Integer with a range and a unit
    QTest::addRow("int in range") << "DOMaxCacheSize"
                                  << "50" << true << "50" << none;
    QTest::addRow("int trimmed") << "DOMaxCacheSize"
                                 << " 20 " << true << "20" << none;
    QTest::addRow("int lower bound") << "DOMaxCacheSize"
                                     << "1" << true << "1" << none;
    QTest::addRow("percent over 100")
        << "DOMaxCacheSize"
        << "150" << false << "" << QStringList{"DOMaxCacheSize", "150", "1", "100"};
    QTest::addRow("int below min") << "DOMaxCacheSize"
                                   << "0" << false << "" << QStringList{"DOMaxCacheSize", "0"};
    QTest::addRow("negative") << "DOMaxCacheAge"
                              << "-1" << false << "" << QStringList{"-1"};
    QTest::addRow("not a number") << "DOMaxCacheAge"
                                  << "3 days" << false << ""
                                  << QStringList{"DOMaxCacheAge", "3 days"};
    QTest::addRow("dword max") << "DOMaxCacheAge"
                               << "4294967295" << true << "4294967295" << none;
    QTest::addRow("beyond dword") << "DOMaxCacheAge"
                                  << "4294967296" << false << ""
                                  << QStringList{"4294967296", "4294967295"};
    QTest::addRow("upload cap limit") << "DOMaxUploadBandwidth"
                                      << "4000001" << false << "" << QStringList{"4000000"};
    QTest::addRow("hour 23") << "DOSetHoursToLimitBackgroundDownloadBandwidth_From"
                             << "23" << true << "23" << none;
    QTest::addRow("hour 24") << "DOSetHoursToLimitBackgroundDownloadBandwidth_From"
                             << "24" << false << "" << QStringList{"24", "23"};
    QTest::addRow("empty number") << "DOMinRAMAllowedToPeer"
                                  << "" << false << "" << none;
    // Enumeration
    QTest::addRow("mode LAN") << "DODownloadMode"
                              << "1" << true << "1" << none;
    QTest::addRow("mode simple") << "DODownloadMode"
                                 << "99" << true << "99" << none;
    QTest::addRow("mode bypass") << "DODownloadMode"
                                 << "100" << true << "100" << none;
    QTest::addRow("mode gap") << "DODownloadMode"
                              << "4" << false << "" << QStringList{"DODownloadMode", "4", "99"};
    QTest::addRow("group source 6") << "DOGroupIdSource"
                                    << "6" << false << "" << QStringList{"6"};
    // Boolean
    QTest::addRow("bool 1") << "DOAllowVPNPeerCaching"
                            << "1" << true << "1" << none;
    QTest::addRow("bool true") << "DOAllowVPNPeerCaching"
                               << "true" << true << "1" << none;
    QTest::addRow("bool false") << "DOAllowVPNPeerCaching"
                                << "FALSE" << true << "0" << none;
    QTest::addRow("bool 2") << "DOAllowVPNPeerCaching"
                            << "2" << false << "" << QStringList{"2"};
    // GUID
    QTest::addRow("guid") << "DOGroupId"
                          << "1f2e3d4c-5b6a-4789-8123-456789abcdef" << true
                          << "1f2e3d4c-5b6a-4789-8123-456789abcdef" << none;
    QTest::addRow("guid braces upper") << "DOGroupId"
                                       << "{1F2E3D4C-5B6A-4789-8123-456789ABCDEF}" << true
                                       << "1f2e3d4c-5b6a-4789-8123-456789abcdef" << none;
    QTest::addRow("guid unbalanced")
        << "DOGroupId"
        << "{1f2e3d4c-5b6a-4789-8123-456789abcdef" << false << "" << QStringList{"GUID"};
    QTest::addRow("not a guid") << "DOGroupId"
                                << "branch-office-7" << false << ""
                                << QStringList{"DOGroupId", "branch-office-7", "GUID"};
    QTest::addRow("guid too short")
        << "DOGroupId"
        << "1f2e3d4c-5b6a-4789-8123-456789abcde" << false << "" << QStringList{"GUID"};
    // Path
    QTest::addRow("drive") << "DOModifyCacheDrive"
                           << "D:\\" << true << "D:\\" << none;
    QTest::addRow("folder") << "DOModifyCacheDrive"
                            << "/var/cache/opendo" << true << "/var/cache/opendo" << none;
    QTest::addRow("empty path") << "DOModifyCacheDrive"
                                << "  " << false << "" << QStringList{"empty"};
    QTest::addRow("oversize path") << "DOModifyCacheDrive" << QString(5000, QLatin1Char('a'))
                                   << false << "" << QStringList{"5000", "4096"};
    QTest::addRow("control char") << "DOModifyCacheDrive" << QStringLiteral("C:\\a\nb") << false
                                  << "" << QStringList{"control"};
    // List
    QTest::addRow("list normalised")
        << "DOVpnKeywords"
        << "VPN, Secure ,WireGuard" << true << "VPN,Secure,WireGuard" << none;
    QTest::addRow("list empty item")
        << "DOVpnKeywords"
        << "VPN,,Secure" << false << "" << QStringList{"DOVpnKeywords", "empty item"};
    QTest::addRow("cache hosts") << "DOCacheHost"
                                 << "host1.example.com,10.10.1.7" << true
                                 << "host1.example.com,10.10.1.7" << none;
}

void PolicyValidationTest::checkValue()
{
    QFETCH(QString, key);
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(QString, canonical);
    QFETCH(QStringList, messageMentions);

    const PolicyDefinition* def = PolicyCatalog::find(key);
    QVERIFY2(def, qPrintable(key));
    const ValueCheck result = opendo::policy::checkValue(*def, input);
    QCOMPARE(result.ok, ok);
    if (ok) {
        QCOMPARE(result.canonical, canonical);
        QVERIFY(result.error.isEmpty());
    } else {
        QVERIFY(!result.error.isEmpty());
        for (const QString& mention : messageMentions)
            QVERIFY2(result.error.contains(mention, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, result.error)));
    }
}

void PolicyValidationTest::compositeHasNoValueOfItsOwn()
{
    const PolicyDefinition* def =
        PolicyCatalog::find(QStringLiteral("DOSetHoursToLimitForegroundDownloadBandwidth"));
    QVERIFY(def && def->isComposite());
    QVERIFY(!opendo::policy::checkValue(*def, QStringLiteral("8")).ok);
}

void PolicyValidationTest::businessHoursWindow_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("ok");
    QTest::addRow("office hours") << "8"
                                  << "17" << true;
    QTest::addRow("wraps midnight") << "22"
                                    << "6" << true;
    QTest::addRow("end equals start") << "9"
                                      << "9" << false;
    QTest::addRow("only from, equals default end") << "17"
                                                   << "" << false;
    QTest::addRow("nothing configured") << ""
                                        << "" << true;
}

void PolicyValidationTest::businessHoursWindow()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, ok);
    PolicyState state;
    if (!from.isEmpty())
        state.policy.insert(QStringLiteral("DOSetHoursToLimitBackgroundDownloadBandwidth_From"),
                            from);
    if (!to.isEmpty())
        state.local.insert(QStringLiteral("DOSetHoursToLimitBackgroundDownloadBandwidth_To"), to);
    const QList<PolicyIssue> issues = checkCombination(state);
    QCOMPARE(issues.isEmpty(), ok);
    if (!ok) {
        QCOMPARE(issues.front().key,
                 QStringLiteral("DOSetHoursToLimitBackgroundDownloadBandwidth_To"));
        QVERIFY(issues.front().message.contains(
            QLatin1String("DOSetHoursToLimitBackgroundDownloadBandwidth")));
    }
}

QTEST_GUILESS_MAIN(PolicyValidationTest)
#include "test_policy_validation.moc"
