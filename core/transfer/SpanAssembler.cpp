#include "transfer/SpanAssembler.h"

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
    if (span->current > span->last)
        return true;
    span->buffer.append(chunk);
    while (span->current <= span->last) {
        const int piece = span->current;
        const qint64 size = m_pieceSize(piece);
        if (span->buffer.size() < size)
            break;
        QByteArray data = span->buffer.left(size);
        span->buffer.remove(0, size);
        ++span->current;
        ready(piece, std::move(data));
        if (!m_spans.contains(tag))
            break; // closed by `ready`: its remaining bytes are nobody's
    }
    if (span->current > span->last)
        span->buffer.clear();
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
