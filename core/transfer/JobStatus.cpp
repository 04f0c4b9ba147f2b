#include "transfer/JobStatus.h"

namespace opendo::transfer {

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("Queued");
    case JobState::Downloading:
        return QStringLiteral("Downloading");
    case JobState::Paused:
        return QStringLiteral("Paused");
    case JobState::Complete:
        return QStringLiteral("Complete");
    case JobState::Caching:
        return QStringLiteral("Caching");
    case JobState::Failed:
        return QStringLiteral("Failed");
    case JobState::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return {};
}

bool hasCompleted(JobState state)
{
    return state == JobState::Complete || state == JobState::Caching;
}

bool isTerminal(JobState state)
{
    return hasCompleted(state) || state == JobState::Failed || state == JobState::Cancelled;
}

} // namespace opendo::transfer
