#include "support/LtPeer.h"

#include "support/TestPaths.h"

#include <cstdio>

namespace opendo::test {

QString ltPeerScript()
{
    return testsDir() + QStringLiteral("/integration/lt_peer.py");
}

void dumpLogs(const QString& logs)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(logs));
    std::fflush(stderr);
}

} // namespace opendo::test
