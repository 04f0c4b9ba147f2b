#include "transfer/PiecePicker.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace opendo::transfer {

namespace {
// Endgame duplicates cost bandwidth for every copy but the first to arrive; two extra sources
// are enough to get around one or two stalled peers.
constexpr int kMaxSourcesPerPiece = 3;
} // namespace

PiecePicker::PiecePicker(int pieceCount, quint32 seed)
    : m_pieceCount(std::max(0, pieceCount)), m_present(m_pieceCount, false),
      m_received(m_pieceCount, false), m_availability(m_pieceCount, 0), m_assigned(m_pieceCount),
      m_unassignedMissing(m_pieceCount), m_random(seed)
{}

void PiecePicker::setPresent(int piece)
{
    if (piece < 0 || piece >= m_pieceCount || m_present[piece])
        return;
    m_present[piece] = true;
    ++m_presentCount;
    if (m_assigned[piece].isEmpty() && !m_received[piece])
        --m_unassignedMissing;
    m_received[piece] = false;
    m_assigned[piece].clear();
}

void PiecePicker::setReceived(int piece)
{
    if (piece < 0 || piece >= m_pieceCount || m_present[piece] || m_received[piece])
        return;
    m_received[piece] = true;
    if (m_assigned[piece].isEmpty())
        --m_unassignedMissing;
}

void PiecePicker::clearReceived(int piece)
{
    if (piece < 0 || piece >= m_pieceCount || !m_received[piece])
        return;
    m_received[piece] = false;
    if (m_assigned[piece].isEmpty() && !m_present[piece])
        ++m_unassignedMissing;
}

bool PiecePicker::isPresent(int piece) const
{
    return piece >= 0 && piece < m_pieceCount && m_present[piece];
}

int PiecePicker::missingUnassignedCount() const
{
    return m_unassignedMissing;
}

void PiecePicker::addAvailability(const QBitArray& peerHas)
{
    if (peerHas.size() != m_pieceCount)
        return;
    for (int p = 0; p < m_pieceCount; ++p) {
        if (peerHas.testBit(p))
            ++m_availability[p];
    }
}

void PiecePicker::removeAvailability(const QBitArray& peerHas)
{
    if (peerHas.size() != m_pieceCount)
        return;
    for (int p = 0; p < m_pieceCount; ++p) {
        if (peerHas.testBit(p) && m_availability[p] > 0)
            --m_availability[p];
    }
}

void PiecePicker::addHave(int piece)
{
    if (piece >= 0 && piece < m_pieceCount)
        ++m_availability[piece];
}

void PiecePicker::removeHave(int piece)
{
    if (piece >= 0 && piece < m_pieceCount && m_availability[piece] > 0)
        --m_availability[piece];
}

int PiecePicker::availability(int piece) const
{
    return piece >= 0 && piece < m_pieceCount ? m_availability[piece] : 0;
}

int PiecePicker::pickForPeer(SourceKey source, const QBitArray& peerHas)
{
    const int n = std::min(m_pieceCount, int(peerHas.size()));
    const auto& assigned = std::as_const(m_assigned);
    const auto& availability = std::as_const(m_availability);
    const auto& present = std::as_const(m_present);
    const auto& received = std::as_const(m_received);
    const auto wanted = [&](int p) { return !present[p] && !received[p]; };

    // Two passes (find the best key and count its ties, then take a random one of them) keep
    // the pick uniform among ties with one random draw and no allocation.
    const auto pickBest = [&](auto&& eligible, auto&& rank) {
        int best = std::numeric_limits<int>::max();
        int ties = 0;
        for (int p = 0; p < n; ++p) {
            if (!eligible(p))
                continue;
            const int r = rank(p);
            if (r < best) {
                best = r;
                ties = 1;
            } else if (r == best) {
                ++ties;
            }
        }
        if (ties == 0)
            return -1;
        int nth = std::uniform_int_distribution<int>(0, ties - 1)(m_random);
        for (int p = 0; p < n; ++p) {
            if (eligible(p) && rank(p) == best && nth-- == 0)
                return p;
        }
        return -1; // unreachable: the second pass sees the same ties
    };

    int piece = -1;
    if (m_unassignedMissing > 0) {
        // Availability may lag behind the peer's own bitfield, so 0 is a valid (rarest) rank.
        piece = pickBest(
            [&](int p) { return wanted(p) && assigned[p].isEmpty() && peerHas.testBit(p); },
            [&](int p) { return availability[p]; });
    }
    if (piece < 0) {
        piece = pickBest(
            [&](int p) {
                const QList<SourceKey>& sources = assigned[p];
                return wanted(p) && !sources.isEmpty() && sources.size() < kMaxSourcesPerPiece &&
                       !sources.contains(source) && peerHas.testBit(p);
            },
            [&](int p) { return int(assigned[p].size()); });
    }
    if (piece >= 0)
        assign(piece, source);
    return piece;
}

PiecePicker::Run PiecePicker::pickForHttp(int maxPieces, bool includeAvailable, bool spread,
                                          const std::function<bool(int)>& allowed)
{
    if (maxPieces <= 0)
        return {};
    const auto& present = std::as_const(m_present);
    const auto& received = std::as_const(m_received);
    const auto& assigned = std::as_const(m_assigned);
    const auto& availability = std::as_const(m_availability);
    const auto candidate = [&](int p) {
        return !present[p] && !received[p] && assigned[p].isEmpty() &&
               (includeAvailable || availability[p] == 0) && (!allowed || allowed(p));
    };

    int bestFirst = -1;
    int bestLength = 0;
    for (int p = 0; p < m_pieceCount;) {
        if (!candidate(p)) {
            ++p;
            continue;
        }
        const int first = p;
        while (p < m_pieceCount && candidate(p))
            ++p;
        if (p - first > bestLength) {
            bestFirst = first;
            bestLength = p - first;
        }
    }
    if (bestFirst < 0)
        return {};

    // Starting in the middle of the largest gap means two agents that start at different times
    // fetch different parts of the file from the origin and then each other's part from the
    // peer, so the origin serves the file about once. A run that follows what we already hold
    // or what HTTP is fetching is continued in order instead, so a lone agent streams
    // sequentially.
    int start = bestFirst;
    if (spread && bestLength > maxPieces) {
        const int quarter = bestLength / 4;
        const int span = qMax(1, bestLength / 2);
        start = bestFirst + quarter + int(m_random() % quint32(span));
    } else if (!spread && bestFirst > 0) {
        const int before = bestFirst - 1;
        if (!present[before] && !assigned[before].contains(kHttpSource))
            start = bestFirst + bestLength / 2;
    }
    const int last = std::min(bestFirst + bestLength, start + maxPieces) - 1;
    for (int p = start; p <= last; ++p)
        assign(p, kHttpSource);
    return {start, last};
}

int PiecePicker::firstFreeMissing() const
{
    for (int p = 0; p < m_pieceCount; ++p) {
        if (!m_present[p] && !m_received[p] && m_assigned[p].isEmpty())
            return p;
    }
    return -1;
}

int PiecePicker::pickInFlightForHttp()
{
    const auto& present = std::as_const(m_present);
    const auto& received = std::as_const(m_received);
    const auto& assigned = std::as_const(m_assigned);
    int best = -1;
    qsizetype bestSources = std::numeric_limits<qsizetype>::max();
    for (int p = 0; p < m_pieceCount; ++p) {
        const QList<SourceKey>& sources = assigned[p];
        if (present[p] || received[p] || sources.isEmpty() || sources.size() >= bestSources ||
            sources.contains(kHttpSource))
            continue;
        best = p;
        bestSources = sources.size();
    }
    if (best >= 0)
        assign(best, kHttpSource);
    return best;
}

void PiecePicker::assign(int piece, SourceKey source)
{
    if (piece < 0 || piece >= m_pieceCount || m_present[piece])
        return;
    QList<SourceKey>& sources = m_assigned[piece];
    if (sources.contains(source))
        return;
    if (sources.isEmpty() && !m_received[piece])
        --m_unassignedMissing;
    sources.append(source);
}

bool PiecePicker::release(int piece, SourceKey source)
{
    if (piece < 0 || piece >= m_pieceCount)
        return false;
    QList<SourceKey>& sources = m_assigned[piece];
    if (!sources.removeOne(source))
        return false;
    if (sources.isEmpty() && !m_present[piece] && !m_received[piece])
        ++m_unassignedMissing;
    return true;
}

QList<int> PiecePicker::releaseAll(SourceKey source)
{
    QList<int> released;
    for (int p = 0; p < m_pieceCount; ++p) {
        if (std::as_const(m_assigned)[p].contains(source) && release(p, source))
            released.append(p);
    }
    return released;
}

bool PiecePicker::isAssigned(int piece) const
{
    return piece >= 0 && piece < m_pieceCount && !m_assigned[piece].isEmpty();
}

bool PiecePicker::isAssignedTo(int piece, SourceKey source) const
{
    return piece >= 0 && piece < m_pieceCount && m_assigned[piece].contains(source);
}

QList<PiecePicker::SourceKey> PiecePicker::sourcesOf(int piece) const
{
    return piece >= 0 && piece < m_pieceCount ? m_assigned[piece] : QList<SourceKey>{};
}

} // namespace opendo::transfer
