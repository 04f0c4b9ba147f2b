#pragma once

// The peer-savings demo for presenters: choose how many devices and how large a file, press
// Start, and watch real agents on this machine share it — the chart and the headline show what
// the origin had to send against what the devices received.

#include "demo/SavingsDemo.h"

#include <QWidget>

class QCPBars;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace opendo::ui {

class DemoDeviceModel;

class SavingsDemoPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SavingsDemoPanel(QWidget* parent = nullptr);

    demo::SavingsDemo& demo() { return m_demo; }
    DemoDeviceModel& devicesModel() { return *m_model; }
    QString headline() const; // the sentence above the chart
    // The chart's data: bytes from the origin and from peers, one entry per device.
    QList<double> chartedHttpBytes() const;
    QList<double> chartedPeerBytes() const;

private:
    void startDemo();
    void show(const demo::SavingsDemoSnapshot& snapshot);
    void updateChart(const demo::SavingsDemoSnapshot& snapshot);

    demo::SavingsDemo m_demo;
    DemoDeviceModel* m_model = nullptr;
    QSpinBox* m_devices = nullptr;
    QSpinBox* m_sizeMiB = nullptr;
    QDoubleSpinBox* m_stagger = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_detail = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBars* m_httpBars = nullptr;
    QCPBars* m_peerBars = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace opendo::ui
