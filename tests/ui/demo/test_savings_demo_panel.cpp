// The peer-savings demo panel, offscreen, running a real two-device demo: the buttons follow
// the demo's phase, the device table passes the model checks, and the chart and the headline
// show the transfer's own counts.

#include "panels/demo/DemoDeviceModel.h"
#include "panels/demo/SavingsDemoPanel.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace opendo;
using namespace opendo::ui;

class SavingsDemoPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsADemoAndShowsItsFigures();
};

void SavingsDemoPanelTest::runsADemoAndShowsItsFigures()
{
    constexpr int kSizeMiB = 4;
    constexpr double kSize = kSizeMiB * 1024.0 * 1024.0;
    SavingsDemoPanel panel;
    QAbstractItemModelTester tester(&panel.devicesModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.findChild<QSpinBox*>("demoDevices")->setValue(2);
    panel.findChild<QSpinBox*>("demoFileSize")->setValue(kSizeMiB);
    auto* start = panel.findChild<QPushButton*>("demoStart");
    auto* stop = panel.findChild<QPushButton*>("demoStop");
    QVERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel.demo().snapshot().phase == demo::DemoPhase::Finished ||
                                 panel.demo().snapshot().phase == demo::DemoPhase::Failed,
                             60000);
    QVERIFY2(panel.demo().snapshot().phase == demo::DemoPhase::Finished,
             qPrintable(panel.demo().snapshot().error));
    QVERIFY2(panel.headline().startsWith("Peers saved 50.0 %") ||
                 panel.headline().startsWith("Peers saved 4"),
             qPrintable(panel.headline()));
    QCOMPARE(panel.devicesModel().rowCount(), 2);
    QCOMPARE(panel.devicesModel().index(1, DemoDeviceModel::Progress).data().toString(),
             QString("100.0 %"));
    QCOMPARE(panel.chartedHttpBytes().value(0), kSize);
    QVERIFY(panel.chartedPeerBytes().value(1) >= kSize / 2);
    QVERIFY(start->isEnabled());

    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(panel.headline(), QString("Demo stopped."));
    QVERIFY(!stop->isEnabled());
}

QTEST_MAIN(SavingsDemoPanelTest)
#include "test_savings_demo_panel.moc"
