#pragma once

// Commands that make content peerable without an agent: `doctl create-metainfo` writes a
// .torrent with web seeds; `doctl publish` also registers it with a discovery service, so that
// agents asked to download the web seed's URL find it and fetch verifiable, shareable pieces.

#include "CliArguments.h"

#include <QTextStream>

namespace opendo::cli {

int runCreateMetainfoCommand(CliArguments& args, QTextStream& out, QTextStream& err);
int runPublishCommand(CliArguments& args, QTextStream& out, QTextStream& err);

} // namespace opendo::cli
