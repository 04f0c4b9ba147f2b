#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <functional>
#include <memory>

namespace opendo::transfer {

// The origin answers each range request with one stream covering consecutive pieces, in chunks
// of whatever size the network delivers. This cuts each open stream into whole pieces as the
// bytes arrive, so a piece can be verified and stored without waiting for the whole range, and
// tells which pieces a range that ends early still owes.
class SpanAssembler
{
public:
    using PieceSize = std::function<qint64(int piece)>;
    using PieceReady = std::function<void(int piece, QByteArray data)>;

    explicit SpanAssembler(PieceSize pieceSize) : m_pieceSize(std::move(pieceSize)) {}

    void open(quint64 tag, int first, int last);
    // Appends `chunk` to range `tag` and hands every piece it completes to `ready`, in order.
    // Returns false for a range that is not open (cancelled meanwhile). `ready` may close or
    // clear ranges, this one included; bytes past the range's last piece are dropped.
    bool append(quint64 tag, const QByteArray& chunk, const PieceReady& ready);
    // Closes range `tag` and returns the pieces it has not delivered (empty when complete or
    // not open).
    QList<int> close(quint64 tag);
    void clear() { m_spans.clear(); }

    int openCount() const { return int(m_spans.size()); }
    bool isEmpty() const { return m_spans.isEmpty(); }

private:
    struct Span
    {
        int current = 0; // the piece being filled
        int last = 0;
        QByteArray piece; // its bytes so far
    };

    PieceSize m_pieceSize;
    // Shared so a span survives `ready` closing it while append() is still cutting from it.
    QMap<quint64, std::shared_ptr<Span>> m_spans;
};

} // namespace opendo::transfer
