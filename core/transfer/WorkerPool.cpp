#include "transfer/WorkerPool.h"

namespace opendo::transfer {

WorkerPool::WorkerPool(int maxThreads, QObject* parent) : QObject(parent)
{
    m_threads.setMaxThreadCount(maxThreads);
}

WorkerPool::~WorkerPool()
{
    // Every task posts its result to this object, so none may outlive it.
    m_threads.waitForDone();
}

} // namespace opendo::transfer
