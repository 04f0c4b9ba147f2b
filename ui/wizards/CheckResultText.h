#pragma once

// Rich text for the troubleshooter's findings, shared by the wizards and the panel: one check
// (summary, evidence, remedy), the conclusion of a report and a download's trace.

#include "diagnostics/CheckResult.h"

#include <QCoreApplication>
#include <QString>

namespace opendo::ui {

class CheckResultText
{
    Q_DECLARE_TR_FUNCTIONS(CheckResultText)
public:
    // The most likely cause (DiagnosticReport::mostLikelyCause): the first failing check, else
    // the first warning one, in the order they ran — a symptom giving way to the check it
    // follows from; nullptr when nothing is wrong.
    static const diagnostics::CheckResult*
    conclusionOf(const diagnostics::DiagnosticReport& report);

    static QString checkResultHtml(const diagnostics::CheckResult& result);
    static QString conclusionHtml(const diagnostics::DiagnosticReport& report);
    // Every check of the report in one line each: verdict, title, summary.
    static QString overviewHtml(const diagnostics::DiagnosticReport& report);
    static QString traceHtml(const diagnostics::DownloadTrace& trace);
};

} // namespace opendo::ui
