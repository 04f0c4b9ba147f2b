#pragma once

// The look the console's horizontal bar charts share: categories (classes, devices) run down the
// left axis from the top, without ticks or grid lines; values run along the bottom; the legend
// sits inside the plot where the caller says.

#include <Qt>

class QCustomPlot;

namespace opendo::ui {

void styleCategoryBarChart(QCustomPlot* plot, Qt::Alignment legendAlignment);

} // namespace opendo::ui
