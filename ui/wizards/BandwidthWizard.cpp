#include "wizards/BandwidthWizard.h"

#include "wizards/DiagnosticsPages.h"

namespace opendo::ui {

BandwidthWizard::BandwidthWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent)
    : CheckSetWizard(agent, std::move(stageFix), diagnostics::CheckSet::Bandwidth, parent)
{
    setWindowTitle(tr("Downloads are slow or use too much bandwidth"));
    introPage().setTitle(tr("Slow downloads or too much bandwidth"));
    introPage().setText(
        tr("<p>These checks look at what limits a download's speed and what lets it use more "
           "than it should: the foreground and background bandwidth limits, business hours, "
           "the delays before falling back to HTTP, the upload cap and the rates seen "
           "recently.</p><p>Where a policy setting is the cause, the summary offers the change "
           "that cures it; it is staged in the policy editor for you to review.</p>"));
}

} // namespace opendo::ui
