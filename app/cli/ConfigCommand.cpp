#include "ConfigCommand.h"

#include "CliText.h"
#include "agent/Agent.h"
#include "agent/AgentSettings.h"
#include "policy/PolicyCatalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace opendo::cli {

using namespace opendo::policy;

namespace {

const char* const kConfigUsage = QT_TRANSLATE_NOOP(
    "doctl",
    "usage: doctl [--data-dir DIR] config list [--json]\n"
    "       doctl [--data-dir DIR] config get KEY [--json]\n"
    "       doctl [--data-dir DIR] config set KEY VALUE [--policy]\n"
    "       doctl [--data-dir DIR] config reset KEY [--policy|--local]\n"
    "       doctl [--data-dir DIR] config import FILE [--local]\n"
    "       doctl [--data-dir DIR] config export FILE\n"
    "FILE formats by extension: .reg, .pol (Registry.pol), .xml (MDM SyncML), .json.\n"
    "set writes the local layer unless --policy; import writes the policy layer unless --local.\n"
    "A business-hours group is set as \"FROM-TO in=PERCENT out=PERCENT\", e.g. \"8-17 in=20 "
    "out=90\".\n");

QString usage()
{
    return QCoreApplication::translate("doctl", kConfigUsage);
}

QString sourceKeyword(PolicySource s)
{
    switch (s) {
    case PolicySource::Policy:
        return QStringLiteral("policy");
    case PolicySource::Local:
        return QStringLiteral("local");
    case PolicySource::Default:
        break;
    }
    return QStringLiteral("default");
}

QJsonValue typedValue(const PolicyDefinition& def, const QString& value)
{
    if (value.isEmpty())
        return QJsonValue::Null;
    if (def.isNumeric())
        return QJsonValue(value.toLongLong());
    return value;
}

QJsonObject settingJson(const PolicyDefinition& def, const EffectivePolicy& e)
{
    QJsonObject o;
    o[QStringLiteral("key")] = e.key;
    o[QStringLiteral("value")] = typedValue(def, e.value);
    o[QStringLiteral("source")] = sourceKeyword(e.source);
    o[QStringLiteral("default")] = def.defaultNumber
                                       ? QJsonValue(*def.defaultNumber)
                                       : typedValue(def, QString::fromUtf8(def.defaultText));
    o[QStringLiteral("min")] = def.isNumeric() ? QJsonValue(def.minimum) : QJsonValue::Null;
    o[QStringLiteral("max")] = def.isNumeric() ? QJsonValue(def.maximum) : QJsonValue::Null;
    o[QStringLiteral("unit")] = QString::fromUtf8(def.unit);
    o[QStringLiteral("type")] = PolicyCatalog::typeName(def.type);
    o[QStringLiteral("category")] = PolicyCatalog::categoryName(def.category);
    o[QStringLiteral("registryValue")] = QString::fromLatin1(def.registryValue);
    o[QStringLiteral("policyValue")] =
        e.policyValue ? typedValue(def, *e.policyValue) : QJsonValue::Null;
    o[QStringLiteral("localValue")] =
        e.localValue ? typedValue(def, *e.localValue) : QJsonValue::Null;
    o[QStringLiteral("deprecated")] = def.isDeprecated();
    return o;
}

int printIssues(const PolicyApplyResult& result, QTextStream& err)
{
    if (result.ok)
        return 0;
    for (const PolicyIssue& issue : result.issues)
        err << errorLine(issue.message);
    err << QCoreApplication::translate("doctl", "nothing was changed") << '\n';
    return 1;
}

// Business-hours groups are set as one value and stored as their four sub-values.
std::optional<QList<PolicyChange>> expandComposite(const PolicyDefinition& def,
                                                   const QString& value, QTextStream& err)
{
    static const QRegularExpression form(QStringLiteral(
        "^\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s+in=(\\d{1,3})\\s+out=(\\d{1,3})\\s*$"));
    const auto match = form.match(value);
    if (!match.hasMatch()) {
        err << errorLine(QCoreApplication::translate(
                             "doctl", "%1: \"%2\" is not a business-hours window; write FROM-TO "
                                      "in=PERCENT out=PERCENT, e.g. \"8-17 in=20 out=90\"")
                             .arg(QString::fromLatin1(def.key), value));
        return std::nullopt;
    }
    const QStringList children = PolicyCatalog::childrenOf(QString::fromLatin1(def.key));
    QList<PolicyChange> changes;
    for (int i = 0; i < children.size(); ++i)
        changes << PolicyChange{children[i], match.captured(i + 1)};
    return changes;
}

int list(agent::Agent& agent, CliArguments& args, QTextStream& out)
{
    const bool json = args.takeFlag(QStringLiteral("json"));
    const PolicySnapshot snapshot = agent.policySnapshot();
    QJsonArray rows;
    for (const EffectivePolicy& e : snapshot.settings) {
        const PolicyDefinition* def = PolicyCatalog::find(e.key);
        if (json)
            rows << settingJson(*def, e);
        else
            out << qSetFieldWidth(50) << Qt::left << e.key << qSetFieldWidth(0) << ' '
                << qSetFieldWidth(38) << (e.value.isEmpty() ? QStringLiteral("-") : e.value)
                << qSetFieldWidth(0) << ' ' << sourceKeyword(e.source) << '\n';
    }
    // OpenDO's own settings after the DO policies.
    const QMap<QString, QString> own = agent.agentSettings().result();
    for (const QString& name : agent::agentSettingNames()) {
        const QString value = own.value(name);
        if (json)
            rows << QJsonObject{
                {QStringLiteral("key"), name},
                {QStringLiteral("value"), value},
                {QStringLiteral("default"), QString()},
                {QStringLiteral("min"), QJsonValue()},
                {QStringLiteral("max"), QJsonValue()},
                {QStringLiteral("source"),
                 value.isEmpty() ? QStringLiteral("default") : QStringLiteral("local")},
                {QStringLiteral("description"), agent::agentSettingDescription(name)}};
        else
            out << qSetFieldWidth(50) << Qt::left << name << qSetFieldWidth(0) << ' '
                << qSetFieldWidth(38) << (value.isEmpty() ? QStringLiteral("-") : value)
                << qSetFieldWidth(0) << ' ' << (value.isEmpty() ? "default" : "local") << '\n';
    }
    if (json)
        out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return 0;
}

// `config get/set/reset` of an OpenDO agent setting (not a DO policy).
int agentSettingCommand(agent::Agent& agent, const QString& verb, const QString& name,
                        CliArguments& args, QTextStream& out, QTextStream& err)
{
    if (verb == QLatin1String("get")) {
        out << agent.agentSettings().result().value(name) << '\n';
        return 0;
    }
    std::optional<QString> value;
    if (verb == QLatin1String("set")) {
        value = args.takePositional();
        if (!value) {
            err << errorLine(
                QCoreApplication::translate("doctl", "config set %1 needs a value").arg(name));
            return 2;
        }
    } else if (verb != QLatin1String("reset")) {
        err << errorLine(QCoreApplication::translate("doctl", "%1 cannot be used with config %2")
                             .arg(name, verb));
        return 2;
    }
    const QString error = agent.setAgentSetting(name, value).result();
    if (!error.isEmpty()) {
        err << errorLine(error);
        return 1;
    }
    out << name << " = " << value.value_or(QString()) << '\n';
    return 0;
}

} // namespace

int runConfigCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err)
{
    const auto verb = args.takePositional();
    if (!verb) {
        err << usage();
        return 2;
    }
    if (*verb == QLatin1String("list"))
        return list(agent, args, out);
    static const QStringList verbs{QStringLiteral("get"), QStringLiteral("set"),
                                   QStringLiteral("reset"), QStringLiteral("import"),
                                   QStringLiteral("export")};
    if (!verbs.contains(*verb)) {
        err << errorLine(
                   QCoreApplication::translate("doctl", "unknown config verb \"%1\"").arg(*verb))
            << usage();
        return 2;
    }

    const auto operand = args.takePositional();
    if (!operand) {
        err << errorLine(
                   QCoreApplication::translate("doctl", "config %1 needs an argument").arg(*verb))
            << usage();
        return 2;
    }
    if (*verb == QLatin1String("import")) {
        const PolicyLayer layer =
            args.takeFlag(QStringLiteral("local")) ? PolicyLayer::Local : PolicyLayer::Policy;
        const PolicyApplyResult result = agent.importPolicyFile(*operand, layer).result();
        if (result.ok)
            out << QCoreApplication::translate("doctl", "imported %1").arg(*operand) << '\n';
        return printIssues(result, err);
    }
    if (*verb == QLatin1String("export")) {
        const QString error = agent.exportPolicyFile(*operand).result();
        if (!error.isEmpty()) {
            err << errorLine(error);
            return 1;
        }
        out << QCoreApplication::translate("doctl", "exported %1").arg(*operand) << '\n';
        return 0;
    }

    if (agent::isAgentSetting(*operand))
        return agentSettingCommand(agent, *verb, *operand, args, out, err);
    const PolicyDefinition* def = PolicyCatalog::find(*operand);
    if (!def) {
        err << errorLine(QCoreApplication::translate(
                             "doctl", "%1 is not a Delivery Optimization setting (see: doctl "
                                      "config list)")
                             .arg(*operand));
        return 1;
    }
    const QString key = QString::fromLatin1(def->key);
    if (*verb == QLatin1String("get")) {
        const EffectivePolicy* e = agent.policySnapshot().find(key);
        if (args.takeFlag(QStringLiteral("json")))
            out << QJsonDocument(settingJson(*def, *e)).toJson(QJsonDocument::Indented);
        else
            out << e->value << '\n';
        return 0;
    }
    if (*verb == QLatin1String("set")) {
        const PolicyLayer layer =
            args.takeFlag(QStringLiteral("policy")) ? PolicyLayer::Policy : PolicyLayer::Local;
        const auto value = args.takePositional();
        if (!value) {
            err << errorLine(
                QCoreApplication::translate("doctl", "config set %1 needs a value").arg(key));
            return 2;
        }
        QList<PolicyChange> changes{PolicyChange{key, *value}};
        if (def->isComposite()) {
            const auto expanded = expandComposite(*def, *value, err);
            if (!expanded)
                return 1;
            changes = *expanded;
        }
        const int rc = printIssues(agent.applyPolicyChanges({layer, changes}).result(), err);
        if (rc == 0)
            out << key << " = " << agent.policySnapshot().find(key)->value << '\n';
        return rc;
    }
    if (*verb == QLatin1String("reset")) {
        const bool policyOnly = args.takeFlag(QStringLiteral("policy"));
        const bool localOnly = args.takeFlag(QStringLiteral("local"));
        for (PolicyLayer layer : {PolicyLayer::Policy, PolicyLayer::Local}) {
            if ((layer == PolicyLayer::Policy && localOnly) ||
                (layer == PolicyLayer::Local && policyOnly))
                continue;
            const int rc = printIssues(
                agent.applyPolicyChanges({layer, {PolicyChange{key, std::nullopt}}}).result(), err);
            if (rc != 0)
                return rc;
        }
        const EffectivePolicy* e = agent.policySnapshot().find(key);
        out << key << " = " << e->value << " (" << sourceKeyword(e->source) << ")\n";
        return 0;
    }
    return 2; // every verb was handled above
}

} // namespace opendo::cli
