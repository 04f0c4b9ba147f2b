// Request book-keeping for one peer connection.

#include "peer/BlockRequests.h"

#include <algorithm>
#include <utility>

namespace opendo::peer {

namespace {

bool eraseFirst(std::deque<BlockRequest>& requests, const BlockRequest& block)
{
    const auto it = std::find(requests.begin(), requests.end(), block);
    if (it == requests.end())
        return false;
    requests.erase(it);
    return true;
}

} // namespace

bool OutgoingRequests::contains(const BlockRequest& block) const
{
    return std::find(m_outstanding.begin(), m_outstanding.end(), block) != m_outstanding.end();
}

void OutgoingRequests::add(const BlockRequest& block)
{
    m_outstanding.push_back(block);
}

bool OutgoingRequests::cancel(const BlockRequest& block)
{
    if (!takeOutstanding(block))
        return false;
    m_recentlyCancelled.push_back(block);
    if (m_recentlyCancelled.size() > kRememberedCancels)
        m_recentlyCancelled.pop_front();
    return true;
}

OutgoingRequests::Match OutgoingRequests::settleByBlock(const BlockRequest& block)
{
    if (takeOutstanding(block))
        return Match::Outstanding;
    return takeCancelled(block) ? Match::Cancelled : Match::Unrequested;
}

OutgoingRequests::Match OutgoingRequests::settleByReject(const BlockRequest& block)
{
    if (takeCancelled(block))
        return Match::Cancelled;
    return takeOutstanding(block) ? Match::Outstanding : Match::Unrequested;
}

std::deque<BlockRequest> OutgoingRequests::takeAll()
{
    return std::exchange(m_outstanding, {});
}

bool OutgoingRequests::takeOutstanding(const BlockRequest& block)
{
    return eraseFirst(m_outstanding, block);
}

bool OutgoingRequests::takeCancelled(const BlockRequest& block)
{
    return eraseFirst(m_recentlyCancelled, block);
}

bool IncomingRequests::contains(const BlockRequest& block) const
{
    return std::find(m_queued.begin(), m_queued.end(), block) != m_queued.end();
}

void IncomingRequests::add(const BlockRequest& block)
{
    m_queued.push_back(block);
}

bool IncomingRequests::remove(const BlockRequest& block)
{
    return eraseFirst(m_queued, block);
}

std::deque<BlockRequest> IncomingRequests::takeAll()
{
    return std::exchange(m_queued, {});
}

std::deque<BlockRequest>
IncomingRequests::takeAllBut(const std::function<bool(quint32 index)>& keep)
{
    const auto firstTaken = std::stable_partition(
        m_queued.begin(), m_queued.end(), [&keep](const BlockRequest& b) { return keep(b.index); });
    std::deque<BlockRequest> taken(firstTaken, m_queued.end());
    m_queued.erase(firstTaken, m_queued.end());
    return taken;
}

} // namespace opendo::peer
