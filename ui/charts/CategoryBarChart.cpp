#include "charts/CategoryBarChart.h"

#include "charts/QCustomPlotCompat.h"

namespace opendo::ui {

void styleCategoryBarChart(QCustomPlot* plot, Qt::Alignment legendAlignment)
{
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->setTickLength(0, 0);
    plot->yAxis->grid()->setVisible(false);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, legendAlignment);
}

} // namespace opendo::ui
