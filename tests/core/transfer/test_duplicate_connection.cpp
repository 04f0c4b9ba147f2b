// Two agents dial each other at once: whatever order each side sees the two connections become
// ready in, both sides close the same one, so exactly one connection is left between them.

#include "transfer/DuplicateConnection.h"

#include <QTest>

using namespace opendo::transfer;

namespace {

// The two physical connections: 0 was opened by A (outgoing at A), 1 by B.
struct Side
{
    QByteArray ownId;
    QByteArray remoteId;
    int openedHere; // the connection this side dialled
};

// The connection this side closes when `first` became ready before `second`.
int closedBy(const Side& side, int first, int second)
{
    const KeptConnection kept = keepOnDuplicate(
        side.ownId, side.remoteId, second == side.openedHere, first == side.openedHere);
    return kept == KeptConnection::Existing ? second : first;
}

} // namespace

class DuplicateConnectionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bothSidesCloseTheSameConnection_data();
    void bothSidesCloseTheSameConnection();
    void twoDialsFromHereKeepTheFirst();
};

void DuplicateConnectionTest::bothSidesCloseTheSameConnection_data()
{
    QTest::addColumn<QByteArray>("idA");
    QTest::addColumn<QByteArray>("idB");
    QTest::addColumn<bool>("aSeesItsOwnFirst");
    QTest::addColumn<bool>("bSeesItsOwnFirst");
    const QByteArray low = QByteArray("-OD0100-") + QByteArray(12, 'a');
    const QByteArray high = QByteArray("-OD0100-") + QByteArray(12, 'b');
    for (const bool aLower : {true, false}) {
        for (const bool aOwn : {true, false}) {
            for (const bool bOwn : {true, false}) {
                const QString name = QString("A %1, A sees %2 first, B sees %3 first")
                                         .arg(aLower ? "lower" : "higher", aOwn ? "own" : "B's",
                                              bOwn ? "own" : "A's");
                QTest::newRow(qPrintable(name))
                    << (aLower ? low : high) << (aLower ? high : low) << aOwn << bOwn;
            }
        }
    }
}

void DuplicateConnectionTest::bothSidesCloseTheSameConnection()
{
    QFETCH(QByteArray, idA);
    QFETCH(QByteArray, idB);
    QFETCH(bool, aSeesItsOwnFirst);
    QFETCH(bool, bSeesItsOwnFirst);
    const Side a{idA, idB, 0};
    const Side b{idB, idA, 1};
    const int closedAtA = aSeesItsOwnFirst ? closedBy(a, 0, 1) : closedBy(a, 1, 0);
    const int closedAtB = bSeesItsOwnFirst ? closedBy(b, 1, 0) : closedBy(b, 0, 1);
    QCOMPARE(closedAtA, closedAtB);
    // The one left is the one the lower id opened.
    const int kept = 1 - closedAtA;
    QCOMPARE(kept, idA < idB ? 0 : 1);
}

void DuplicateConnectionTest::twoDialsFromHereKeepTheFirst()
{
    const QByteArray us(20, 'a');
    const QByteArray them(20, 'b');
    QCOMPARE(keepOnDuplicate(us, them, true, true), KeptConnection::Existing);
    QCOMPARE(keepOnDuplicate(them, us, true, true), KeptConnection::Existing);
    QCOMPARE(keepOnDuplicate(us, them, false, false), KeptConnection::Existing);
}

QTEST_GUILESS_MAIN(DuplicateConnectionTest)
#include "test_duplicate_connection.moc"
