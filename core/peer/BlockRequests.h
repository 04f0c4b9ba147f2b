#pragma once

// The block requests of one peer connection, both ways. Kept apart from the connection so the
// rules about answers can be read (and tested) without sockets: BEP 3 lets a peer answer a
// request we cancelled, BEP 6 makes every request end in exactly one piece or reject, and the
// order of those answers decides which request an answer belongs to.

#include <QtGlobal>
#include <deque>
#include <functional>

namespace opendo::peer {

// A block request in either direction.
struct BlockRequest
{
    quint32 index = 0;
    quint32 begin = 0;
    quint32 length = 0;
    friend bool operator==(const BlockRequest&, const BlockRequest&) = default;
};

// Our requests to the peer: the outstanding ones in the order sent, and a bounded memory of
// recently cancelled ones whose answers may still be on the way.
class OutgoingRequests
{
public:
    // What an answer from the peer belongs to.
    enum class Match
    {
        Outstanding, // a request still open: it is settled now
        Cancelled,   // a request we cancelled: the peer answered before our cancel arrived
        Unrequested, // nothing we asked for: a protocol violation
    };

    // A peer that honours a cancel late still sends the block (or, with Fast, a reject). A few
    // times the request depth any owner keeps is remembered, so such stragglers are not taken
    // for violations after a burst of cancels (a choke, an endgame).
    static constexpr std::size_t kRememberedCancels = 512;

    bool contains(const BlockRequest& block) const;
    int size() const { return int(m_outstanding.size()); }
    void add(const BlockRequest& block);
    // Returns false when the block is not outstanding (nothing to cancel).
    bool cancel(const BlockRequest& block);
    // A piece arrived. An open request takes precedence over a cancelled copy of it: the block
    // carries the data we still want.
    Match settleByBlock(const BlockRequest& block);
    // A reject arrived. The cancelled copy goes first: if the block was requested again since,
    // the peer answers the old request before the new one.
    Match settleByReject(const BlockRequest& block);
    // Everything outstanding, in the order sent, leaving nothing (a choke without Fast).
    std::deque<BlockRequest> takeAll();

private:
    bool takeOutstanding(const BlockRequest& block);
    bool takeCancelled(const BlockRequest& block);

    std::deque<BlockRequest> m_outstanding;
    std::deque<BlockRequest> m_recentlyCancelled;
};

// The peer's requests to us that are not yet served, rejected or cancelled.
class IncomingRequests
{
public:
    bool contains(const BlockRequest& block) const;
    int size() const { return int(m_queued.size()); }
    void add(const BlockRequest& block);
    // Returns false when the request is not queued (already answered or cancelled).
    bool remove(const BlockRequest& block);
    std::deque<BlockRequest> takeAll();
    // Takes the requests whose piece `keep` refuses, in their order; the rest stay queued.
    std::deque<BlockRequest> takeAllBut(const std::function<bool(quint32 index)>& keep);

private:
    std::deque<BlockRequest> m_queued;
};

} // namespace opendo::peer
