#include "transfer/DialFailures.h"

#include <algorithm>

namespace opendo::transfer {

namespace {

auto sameDial(const QString& contentId, const QString& endpoint)
{
    return [&](const DialFailure& f) { return f.contentId == contentId && f.endpoint == endpoint; };
}

} // namespace

void DialFailures::failed(const QString& contentId, const QString& endpoint, SourceClass cls,
                          const QString& error, const QDateTime& at)
{
    DialFailure entry{contentId, endpoint, cls, 0, at, at, error};
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), sameDial(contentId, endpoint));
    if (it != m_entries.end()) {
        // A stale streak starts over, so "attempts" always counts within the window shown.
        if (it->lastAt.secsTo(at) <= kKeepSeconds) {
            entry.attempts = it->attempts;
            entry.firstAt = it->firstAt;
        }
        m_entries.erase(it);
    }
    ++entry.attempts;
    ++m_generation;
    m_entries.append(entry);
    if (m_entries.size() > kMaxEntries)
        m_entries.removeFirst();
}

void DialFailures::connected(const QString& contentId, const QString& endpoint)
{
    if (m_entries.removeIf(sameDial(contentId, endpoint)) > 0)
        ++m_generation;
}

void DialFailures::restore(QList<DialFailure> saved)
{
    std::stable_sort(saved.begin(), saved.end(), [](const DialFailure& a, const DialFailure& b) {
        return a.lastAt < b.lastAt;
    });
    if (saved.size() > kMaxEntries)
        saved.erase(saved.begin(), saved.end() - kMaxEntries);
    m_entries = std::move(saved);
    ++m_generation;
}

QList<DialFailure> DialFailures::recent(const QDateTime& now) const
{
    QList<DialFailure> out;
    for (const DialFailure& f : m_entries) {
        if (f.lastAt.secsTo(now) <= kKeepSeconds)
            out.append(f);
    }
    return out;
}

} // namespace opendo::transfer
