#include "transfer/SpanAssembler.h"

#include <utility>

namespace opendo::transfer {

void SpanAssembler::open(quint64 tag, int first, int last)
{
    auto span = std::make_shared<Span>();
    span->current = first;
    span->last = last;
    m_spans.insert(tag, std::move(span));
}

bool SpanAssembler::append(quint64 tag, const QByteArray& chunk, const PieceReady& ready)
{
    const std::shared_ptr<Span> span = m_spans.value(tag);
    if (!span)
        return false;
    // Bytes go straight into the piece they belong to, so a finished piece is handed on as it
    // is, not copied out of a larger buffer that then shifts its remainder down.
    qsizetype used = 0;
    while (used < chunk.size() && span->current <= span->last) {
        const qint64 size = m_pieceSize(span->current);
        if (span->piece.isEmpty())
            span->piece.reserve(size);
        const qsizetype take = qMin<qsizetype>(chunk.size() - used, size - span->piece.size());
        span->piece.append(chunk.constData() + used, take);
        used += take;
        if (span->piece.size() < size)
            break;
        ready(span->current++, std::exchange(span->piece, QByteArray()));
        if (!m_spans.contains(tag))
            break; // closed by `ready`: its remaining bytes are nobody's
    }
    return true;
}

QList<int> SpanAssembler::close(quint64 tag)
{
    const std::shared_ptr<Span> span = m_spans.take(tag);
    QList<int> owed;
    if (span) {
        for (int p = span->current; p <= span->last; ++p)
            owed.append(p);
    }
    return owed;
}

} // namespace opendo::transfer
