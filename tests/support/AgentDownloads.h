#pragma once

// Downloading on an in-process test agent in one line.

#include "agent/Agent.h"

#include <QUrl>

namespace opendo::test {

// Downloads `url` into the agent's cache only (foreground) and waits until the job settles; a
// refused job comes back as Failed with the agent's reason.
transfer::JobStatus downloadIntoCache(agent::Agent& agent, const QUrl& url);
// The job's latest snapshot; an empty status while the agent has not published it.
transfer::JobStatus latestStatus(const agent::Agent& agent, const QString& jobId);

} // namespace opendo::test
