#pragma once

// Where tests find their fixtures and the project's binaries.

#include <QString>

namespace opendo::test {

QString sourceDir();                     // repository root
QString testsDir();                      // tests/
QString binaryDir();                     // the CMake build tree
QString executable(const QString& name); // e.g. "doctl" -> <build>/app/cli/doctl

} // namespace opendo::test
