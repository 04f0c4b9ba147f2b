#pragma once

// Reading and writing policy sets in the formats IT pros exchange: .reg, Registry.pol,
// MDM SyncML and JSON.

#include "policy/PolicyState.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <optional>

namespace opendo::policy {

enum class PolicyFormat
{
    Reg,
    Pol,
    SyncMl,
    Json
};

// By file extension: .reg, .pol, .xml (SyncML), .json; nullopt otherwise.
std::optional<PolicyFormat> formatForPath(const QString& path);
QString formatName(PolicyFormat format);

// Files larger than this are rejected before parsing.
inline constexpr qsizetype kMaxPolicyDocumentBytes = 1024 * 1024;

struct PolicyParseResult
{
    bool ok = false;
    // Catalog keys (canonical spelling) with canonical values (checked with checkValue), or
    // nullopt for an explicit deletion. BusinessHours groups appear as their four sub-values.
    QList<PolicyChange> changes;
    QString error; // names the place: "line 12", "byte offset 0x40", "element <Item> 3" ...
};

PolicyParseResult parsePolicyDocument(PolicyFormat format, const QByteArray& bytes);

// `values` maps catalog keys to canonical values (the configured settings to deploy).
QByteArray writePolicyDocument(PolicyFormat format, const QMap<QString, QString>& values);

} // namespace opendo::policy
