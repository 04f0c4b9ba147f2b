#pragma once

// The peer-savings demo: a handful of real agents on this machine, each on its own loopback
// address, fetch the same file from a local origin one after another. The first device on the
// "LAN" pays for the file on the origin link; the others get it mostly from their peers. What
// the origin actually sent against what the devices received is the saving DO brings to a
// site. Everything runs in this process on threads of its own, under a temporary folder that
// goes away with the demo.

#include "common/ByteUnits.h"
#include "demo/SavingsDemoSnapshot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

class QTemporaryDir;

namespace opendo::agent {
class Agent;
}

namespace opendo::demo {

class DemoOrigin;

struct SavingsDemoOptions
{
    int devices = 4;              // 2 … 8
    qint64 fileBytes = 64 * kMiB; // 1 MiB … 512 MiB
    int staggerMs = 1500;         // between one device's start and the next one's
    QString workRoot{};           // where the temporary folder goes ("" = system temp)
};

class SavingsDemo : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinDevices = 2;
    static constexpr int kMaxDevices = 8;

    explicit SavingsDemo(QObject* parent = nullptr);
    ~SavingsDemo() override;

    // Stops a running demo first. Progress and the result arrive through snapshotChanged.
    void start(const SavingsDemoOptions& options);
    // Shuts the demo's agents and origin down and removes its folder.
    void stop();
    const SavingsDemoSnapshot& snapshot() const { return m_snapshot; }

    struct Prepared; // the demo's file and metainfo, made off the caller's thread

Q_SIGNALS:
    void snapshotChanged(const opendo::demo::SavingsDemoSnapshot& snapshot);

private:
    struct Device;
    void release(); // devices, origin and folder go; the snapshot stays
    void fail(const QString& error);
    void onPrepared(const Prepared& prepared);
    void startDevice(int index);
    void startDownload(int index);
    void poll();
    void publish();

    SavingsDemoOptions m_options;
    SavingsDemoSnapshot m_snapshot;
    std::shared_ptr<QTemporaryDir> m_dir; // shared with the preparing worker
    std::unique_ptr<DemoOrigin> m_origin;
    std::vector<std::unique_ptr<Device>> m_devices;
    QString m_torrentPath;
    QTimer m_poll;
    QElapsedTimer m_clock;
    int m_generation = 0; // results of an earlier run that arrive late are dropped
};

} // namespace opendo::demo
