// Hardware: the gates DO applies before a device may take part in peer caching — RAM, cache
// drive size, battery and the monthly upload cap — judged with the same evaluation the agent
// enforces, so the troubleshooter can never disagree with what the agent does.

#include "common/ByteUnits.h"
#include "diagnostics/CheckSupport.h"

namespace opendo::diagnostics {

namespace {

const transfer::GateVerdict* gate(const transfer::PeeringGates& gates, const QString& key)
{
    for (const transfer::GateVerdict& v : gates.verdicts)
        if (v.policyKey == key)
            return &v;
    return nullptr;
}

// A gate check: Pass when the gate allows, Fail with the gate's reason otherwise. `fixValue`
// proposes a value of the gate's setting that this device meets ("" = no fix to offer).
CheckResult gateResult(const InstantCheck& c, const DiagnosticInputs& in, const QString& key,
                       const QString& passText, const std::function<QString()>& fixValue)
{
    const transfer::PeeringGates gates =
        transfer::evaluatePeeringGates(in.policies, in.system, in.uploadedThisMonthInternet);
    const transfer::GateVerdict* v = gate(gates, key);
    if (!v)
        return c.result(Verdict::NotApplicable, Diag::tr("%1 is not evaluated.").arg(key));
    CheckResult r =
        c.result(v->allowed ? Verdict::Pass : Verdict::Fail, v->allowed ? passText : v->reason);
    r.evidence << v->evidence << settingText(in.policies, key);
    if (!v->allowed) {
        r.remedy = v->reason;
        if (const QString value = fixValue(); !value.isEmpty())
            r.fix << change(key, value);
    }
    return r;
}

CheckResult ram(const InstantCheck& c, const DiagnosticInputs& in)
{
    if (in.system.totalRamBytes < 0)
        return c.result(Verdict::NotApplicable, Diag::tr("The amount of RAM cannot be read."));
    return gateResult(
        c, in, QStringLiteral("DOMinRAMAllowedToPeer"),
        Diag::tr("This device has enough RAM to share with peers."),
        [&in] { return QString::number(std::max<qint64>(1, in.system.totalRamBytes / kGiB)); });
}

CheckResult disk(const InstantCheck& c, const DiagnosticInputs& in)
{
    if (in.system.cacheDriveTotalBytes < 0)
        return c.result(Verdict::NotApplicable,
                        Diag::tr("The size of the cache drive cannot be read."));
    return gateResult(c, in, QStringLiteral("DOMinDiskSizeAllowedToPeer"),
                      Diag::tr("The cache drive is large enough to share with peers."), [&in] {
                          return QString::number(
                              std::max<qint64>(1, in.system.cacheDriveTotalBytes / kGiB));
                      });
}

CheckResult battery(const InstantCheck& c, const DiagnosticInputs& in)
{
    if (!in.system.batteryPercent && !in.system.onBattery)
        return c.result(Verdict::NotApplicable,
                        Diag::tr("This device has no battery; it always runs on external power."));
    // Connecting power is the cure; lowering the minimum is the user's call, not ours.
    return gateResult(c, in, QStringLiteral("DOMinBatteryPercentageAllowedToUpload"),
                      Diag::tr("Battery level allows uploads to peers."), [] { return QString(); });
}

CheckResult uploadCap(const InstantCheck& c, const DiagnosticInputs& in)
{
    const qint64 capGb = in.policies.number(QStringLiteral("DOMonthlyUploadDataCap"), 20);
    CheckResult r = gateResult(c, in, QStringLiteral("DOMonthlyUploadDataCap"),
                               Diag::tr("The monthly upload cap is not reached."),
                               [capGb] { return QString::number(std::max<qint64>(capGb * 2, 1)); });
    if (r.verdict == Verdict::Fail)
        r.remedy += QLatin1Char(' ') +
                    Diag::tr("The cap counts uploads to Internet peers and resets on the first "
                             "day of the month; 0 removes it.");
    return r;
}

} // namespace

QList<CheckFactory> hardwareChecks()
{
    return {
        instantCheck(QStringLiteral("hardware.ram"), CheckGroup::Hardware, Diag::tr("RAM"), ram),
        instantCheck(QStringLiteral("hardware.disk"), CheckGroup::Hardware,
                     Diag::tr("Cache drive size"), disk),
        instantCheck(QStringLiteral("hardware.battery"), CheckGroup::Hardware, Diag::tr("Power"),
                     battery),
        instantCheck(QStringLiteral("hardware.upload_cap"), CheckGroup::Hardware,
                     Diag::tr("Monthly upload cap"), uploadCap),
    };
}

} // namespace opendo::diagnostics
