#pragma once

// "Downloads are slow or use too much bandwidth": the bandwidth limits, business hours, HTTP
// delays and rates, with the policy change that cures what is wrong.

#include "wizards/CheckSetWizard.h"

namespace opendo::ui {

class BandwidthWizard : public CheckSetWizard
{
    Q_OBJECT
public:
    BandwidthWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent = nullptr);
};

} // namespace opendo::ui
