#pragma once

// How a check's verdict looks: a colour and a round icon of that colour.

#include "diagnostics/CheckResult.h"

#include <QColor>
#include <QIcon>

namespace opendo::ui {

QColor verdictColor(diagnostics::Verdict verdict);
QIcon verdictIcon(diagnostics::Verdict verdict);

} // namespace opendo::ui
