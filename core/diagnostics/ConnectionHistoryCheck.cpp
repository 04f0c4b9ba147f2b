// "Peer connections that ended": the connections of the last day from the agent's journal —
// how many brought bytes, how many took bytes, which ended because the peer broke the protocol,
// and, for those that moved nothing either way, why they ended. Reachable peers that still give
// nothing leave their reasons here ("not admitted", a handshake timeout, a refusal).

#include "diagnostics/CheckSupport.h"

#include <QMap>
#include <algorithm>

namespace opendo::diagnostics {

namespace {

constexpr int kWindowHours = 24;
constexpr int kMaxLines = 10;

// The connections one address ended by breaking the protocol: how often, and the latest.
struct Offender
{
    int times = 0;
    const stats::ConnectionRecord* latest = nullptr;
};

QString addressOf(const QString& endpoint)
{
    return splitEndpoint(endpoint).first;
}

CheckResult connectionHistory(const InstantCheck& c, const DiagnosticInputs& in)
{
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-kWindowHours * 3600);
    int count = 0;
    int idle = 0; // moved nothing either way
    int brought = 0;
    int took = 0;
    qint64 received = 0;
    qint64 sent = 0;
    QMap<QString, Offender> offenders; // by address: a peer reconnects from new ports
    QMap<QString, int> idleReasons;    // connections that moved nothing, by why they ended
    for (const stats::ConnectionRecord& r : in.endedConnections) {
        if (r.endedAt < since)
            continue;
        ++count;
        brought += r.bytesReceived > 0 ? 1 : 0;
        took += r.bytesSent > 0 ? 1 : 0;
        received += r.bytesReceived;
        sent += r.bytesSent;
        if (r.violation) {
            Offender& o = offenders[addressOf(r.endpoint)];
            ++o.times;
            if (!o.latest || o.latest->endedAt <= r.endedAt)
                o.latest = &r;
        } else if (r.bytesReceived == 0 && r.bytesSent == 0) {
            ++idle;
            ++idleReasons[r.endReason];
        }
    }
    if (count == 0)
        return c.result(
            Verdict::NotApplicable,
            Diag::tr("No peer connection ended in the last %1 hours.").arg(kWindowHours));

    CheckResult r = c.result(Verdict::Pass, Diag::tr("%1 peer connection(s) ended in the last %2 "
                                                     "hours; %3 brought bytes, %4 took bytes.")
                                                .arg(count)
                                                .arg(kWindowHours)
                                                .arg(brought)
                                                .arg(took));
    r.evidence << Diag::tr("Received %1 from peers, sent %2 to peers over those connections")
                      .arg(mbText(received), mbText(sent));
    // The most common reasons first.
    QList<QPair<int, QString>> reasons;
    for (auto it = idleReasons.cbegin(); it != idleReasons.cend(); ++it)
        reasons.append({it.value(), it.key()});
    std::sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [times, reason] : reasons.mid(0, kMaxLines))
        r.evidence << Diag::tr("moved nothing, %1 ×: %2").arg(times).arg(reason);
    QList<Offender> byLatest = offenders.values();
    std::sort(byLatest.begin(), byLatest.end(), [](const Offender& a, const Offender& b) {
        return a.latest->endedAt > b.latest->endedAt;
    });
    for (const Offender& o : byLatest.mid(0, kMaxLines))
        r.evidence << Diag::tr("broke the protocol: %1, %2 ×, last %3 (content %4): %5")
                          .arg(addressOf(o.latest->endpoint))
                          .arg(o.times)
                          .arg(o.latest->endedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                               o.latest->contentId.left(12), o.latest->endReason);

    if (!offenders.isEmpty()) {
        r.verdict = Verdict::Warn;
        r.summary = Diag::tr("%n peer address(es) broke the protocol or sent data that failed "
                             "verification.",
                             nullptr, int(offenders.size()));
        r.remedy = Diag::tr("Check the devices named above: a peer that sends bad data is banned "
                            "for that content (see Refused and banned peers); one that breaks the "
                            "protocol is not a compatible client, or its software or disk is "
                            "faulty.");
    } else if (idle == count) {
        r.verdict = Verdict::Warn;
        r.summary = Diag::tr("%n peer connection(s) ended in the last %1 hours without moving a "
                             "byte either way.",
                             nullptr, count)
                        .arg(kWindowHours);
        r.remedy = Diag::tr(
            "The reasons above say why. \"not admitted\": one side could not prove the swarm "
            "key, so the devices are in different LAN/group scopes (compare DODownloadMode and "
            "DOGroupId on "
            "both). \"timed out during handshake\": something drops TCP to the peer port on the "
            "way. A peer that closes at once may not have the content or may have its upload "
            "gates closed: run the troubleshooter there (the Hardware group, the VPN check).");
    }
    return r;
}

} // namespace

CheckFactory connectionHistoryCheck()
{
    return instantCheck(QStringLiteral("peers.connection_history"), CheckGroup::Peers,
                        Diag::tr("Peer connections that ended"), connectionHistory);
}

} // namespace opendo::diagnostics
