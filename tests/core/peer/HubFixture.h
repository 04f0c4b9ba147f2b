#pragma once

#include "cache/PieceStore.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "persistence/Database.h"
#include "policy/PolicyState.h"
#include "support/TestFiles.h"
#include "transfer/PeerHub.h"
#include "transfer/Swarm.h"
#include "transfer/WorkerPool.h"

#include <QBitArray>
#include <QFile>
#include <QTemporaryDir>
#include <memory>

namespace opendo::test::peerwire {

constexpr qint64 kHubPiece = 16384; // one block per piece keeps the bookkeeping readable
constexpr int kHubPieces = 40;      // more than an allowed-fast set (10): a set is a real subset
constexpr qint64 kHubFileSize = kHubPieces * kHubPiece - 1000;

// A PeerHub listening on 127.0.0.1 with one swarm for a small content. The download mode is
// Internet unless a test says otherwise, so a peer that dials in from any loopback address is
// admitted.
struct HubFixture
{
    QString downloadMode = QStringLiteral("3");
    QMap<QString, QString> extraPolicies; // added to the lab's, e.g. a VPN keyword
    bool requireUploads = true;           // open() fails when a gate closes uploads
    // DORestrictPeerSelectionBy 2: what local discovery found (empty = no restriction).
    std::function<bool(const QHostAddress&)> localPeers;
    QTemporaryDir dir;
    persistence::Database db;
    std::unique_ptr<cache::PieceStore> store;
    transfer::WorkerPool workers{2};
    std::unique_ptr<transfer::PeerHub> hub;
    std::shared_ptr<const content::Metainfo> metainfo;
    QByteArray fileBytes;
    QString dataPath;
    transfer::Swarm* swarm = nullptr;

    ~HubFixture()
    {
        hub.reset(); // connections first, while the store still exists
        workers.waitForDone();
    }

    // The content is the same every time (seeded), so is its info hash.
    QString open(const QBitArray& have, const QString& dataFile)
    {
        QString error;
        if (!dir.isValid() || !db.open(dir.path(), &error))
            return QStringLiteral("database: ") + error;
        store = std::make_unique<cache::PieceStore>(db.handle(), dir.filePath(QStringLiteral("c")));
        const QString source = dir.filePath(QStringLiteral("source.bin"));
        if (!test::writeRandomFile(source, kHubFileSize, 6))
            return QStringLiteral("cannot write the source file");
        QFile f(source);
        if (!f.open(QIODevice::ReadOnly))
            return f.errorString();
        fileBytes = f.readAll();
        content::MetainfoWriterOptions options;
        options.pieceLength = kHubPiece;
        const auto written = content::MetainfoWriter::create(source, options);
        if (!written.ok)
            return written.error;
        auto parsed = content::Metainfo::parse(written.torrent);
        if (!parsed.ok() || parsed.metainfo->pieceCount() != kHubPieces)
            return QStringLiteral("metainfo: ") + parsed.error;
        metainfo = std::make_shared<const content::Metainfo>(*parsed.metainfo);

        hub = std::make_unique<transfer::PeerHub>(*store, workers, nullptr);
        applyPolicies();
        hub->setLocalPeerRestriction(localPeers);
        if (requireUploads && !hub->uploadAllowed())
            return QStringLiteral("uploads are off here: ") + hub->peeringBlockedReason();
        if (!hub->listen(QHostAddress::LocalHost, 0, &error))
            return error;
        dataPath = dataFile.isEmpty() ? source : dataFile;
        swarm = hub->joinSwarm(metainfo, dataPath, have);
        return swarm ? QString() : QStringLiteral("no swarm");
    }

    // The lab's policies plus extraPolicies, applied to the hub (again, after a test changed
    // extraPolicies).
    void applyPolicies()
    {
        policy::PolicyState state;
        state.policy = {{QStringLiteral("DODownloadMode"), downloadMode},
                        {QStringLiteral("DOMinRAMAllowedToPeer"), QStringLiteral("1")},
                        {QStringLiteral("DOMinDiskSizeAllowedToPeer"), QStringLiteral("1")},
                        {QStringLiteral("DOMinFileSizeToCache"), QStringLiteral("0")}};
        state.policy.insert(extraPolicies);
        hub->setPolicies(policy::resolveEffective(state));
    }

    QByteArray pieceBytes(quint32 index) const
    {
        return fileBytes.mid(qint64(index) * kHubPiece, kHubPiece);
    }
};

} // namespace opendo::test::peerwire
