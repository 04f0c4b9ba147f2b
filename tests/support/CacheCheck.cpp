#include "support/CacheCheck.h"

#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "persistence/Database.h"

namespace opendo::test {

int verifyCachedPieces(const QString& dataDir, const content::Metainfo& meta, QString* problem)
{
    persistence::Database db;
    if (!db.open(dataDir, problem))
        return -1;
    cache::PieceStore store(db.handle(), dataDir + QStringLiteral("/cache"));
    const auto content = store.find(meta.contentId());
    if (!content)
        return 0;
    int present = 0;
    for (int i = 0; i < content->present.size(); ++i) {
        if (!content->present.testBit(i))
            continue;
        ++present;
        const auto bytes =
            cache::PieceFile::read(store.dataPath(meta.contentId()), qint64(i) * meta.pieceLength(),
                                   meta.pieceSize(i), problem);
        if (!bytes || !meta.verifyPiece(i, *bytes)) {
            *problem = QStringLiteral("piece %1 is marked present but its bytes are wrong").arg(i);
            return -1;
        }
    }
    return present;
}

} // namespace opendo::test
