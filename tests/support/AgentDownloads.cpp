#include "support/AgentDownloads.h"

namespace opendo::test {

transfer::JobStatus downloadIntoCache(agent::Agent& agent, const QUrl& url)
{
    const transfer::AddDownloadResult added =
        agent.addDownload({url.toString(), {}, true}).result();
    if (added.jobId.isEmpty()) {
        transfer::JobStatus refused;
        refused.state = transfer::JobState::Failed;
        refused.error = added.error;
        return refused;
    }
    return agent.waitForJob(added.jobId).result();
}

transfer::JobStatus latestStatus(const agent::Agent& agent, const QString& jobId)
{
    for (const transfer::JobStatus& s : agent.jobs())
        if (s.jobId == jobId)
            return s;
    return {};
}

} // namespace opendo::test
