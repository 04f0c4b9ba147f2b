#pragma once

// Runs a program in a private mount namespace with a small tmpfs mounted for it: a second
// drive (or a full one) that only the child sees and that vanishes when it exits. Unprivileged
// user namespaces are tried first (unshare -r), then plain root.

#include "support/ProcessRunner.h"

namespace opendo::test {

struct PrivateTmpfsRun
{
    bool mounted = false; // false: the namespace or the mount could not be made (see why)
    QString why;
    ProcessResult result; // of the program, when mounted
};

PrivateTmpfsRun runOnPrivateTmpfs(const QString& mountPoint, int sizeMiB, const QString& program,
                                  const QStringList& arguments, int timeoutMs);

} // namespace opendo::test
