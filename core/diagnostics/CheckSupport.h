#pragma once

// Shared by the check implementations: how a check is registered, and the wording of values
// (modes, sizes, policy sources) every check uses the same way.

#include "diagnostics/Check.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <functional>
#include <memory>

namespace opendo::diagnostics {

struct CheckFactory
{
    QString id;
    std::function<std::unique_ptr<Check>()> make;
};

// A factory for a check decided from the gathered facts alone.
CheckFactory instantCheck(const QString& id, CheckGroup group, const QString& title,
                          InstantCheck::Evaluate evaluate);

QList<CheckFactory> deviceChecks();
QList<CheckFactory> hardwareChecks();
QList<CheckFactory> connectionChecks();
QList<CheckFactory> peerChecks();
QList<CheckFactory> contentChecks();
QList<CheckFactory> bandwidthAndCacheChecks();
QList<CheckFactory> cacheServerChecks();
CheckFactory errorsFoundCheck();
CheckFactory connectionHistoryCheck();

// The translation context of every check's text.
class Diag
{
    Q_DECLARE_TR_FUNCTIONS(opendo::diagnostics)
};

QString modeText(int mode);   // "1 (LAN)", "99 (Simple)", …
bool isPeeringMode(int mode); // 1, 2, 3
QString gbText(qint64 bytes); // "12.3 GB" (binary, as DO counts)
QString mbText(qint64 bytes); // "3.2 MB"
// "DODownloadMode = 0 (set by policy)"
QString settingText(const policy::PolicySnapshot& policies, const QString& key);
policy::PolicyChange change(const QString& key, const QString& value);
// Host and port of a "host:port" / "[v6]:port" endpoint; port 0 when malformed.
QPair<QString, quint16> splitEndpoint(const QString& endpoint);
// Peers given statically: --peer on the command line and the StaticPeers setting.
QStringList staticPeers(const DiagnosticInputs& inputs);
// The agent's own address for outgoing connections (null when it listens on the wildcard).
QHostAddress agentBindAddress(const DiagnosticInputs& inputs);
// The address a probe should dial for a listen address: the wildcard means "this machine".
QString dialableHost(const QString& listenHost);

} // namespace opendo::diagnostics
