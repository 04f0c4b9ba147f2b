#include "support/PrivateTmpfs.h"

#include <unistd.h>

namespace opendo::test {

namespace {
// Printed by the shell after the mount worked, before the program replaces it.
const QString kMountedMarker = QStringLiteral("opendo-private-tmpfs-mounted");
} // namespace

PrivateTmpfsRun runOnPrivateTmpfs(const QString& mountPoint, int sizeMiB, const QString& program,
                                  const QStringList& arguments, int timeoutMs)
{
    const QString script =
        QStringLiteral("mount -t tmpfs -o size=%1m opendo-test \"$1\" && echo %2 && shift && "
                       "exec \"$@\"")
            .arg(sizeMiB)
            .arg(kMountedMarker);
    const QStringList tail = QStringList{"sh", "-c", script, "sh", mountPoint, program} + arguments;
    QList<QStringList> attempts{QStringList{"-rm"} + tail};
    if (::geteuid() == 0)
        attempts << QStringList{"-m"} + tail;
    PrivateTmpfsRun run;
    for (const QStringList& args : attempts) {
        run.result = runProgram(QStringLiteral("unshare"), args, timeoutMs);
        if (run.result.out.contains(kMountedMarker)) {
            run.mounted = true;
            return run;
        }
        run.why += QStringLiteral("unshare %1: exit %2 %3\n")
                       .arg(args.first())
                       .arg(run.result.exitCode)
                       .arg(run.result.err.trimmed());
    }
    return run;
}

} // namespace opendo::test
