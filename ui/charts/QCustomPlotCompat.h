#pragma once

// QCustomPlot's header spells `signals` and `foreach`, which the project's QT_NO_KEYWORDS
// removes; it is mapped to the Q_ macros for this one include and undone afterwards, so no
// file of ours can start relying on the keywords.

#include <QtGlobal>

#if defined(QT_NO_KEYWORDS) && !defined(signals)
#define signals Q_SIGNALS
#define OPENDO_UNDEF_SIGNALS
#endif
#if defined(QT_NO_KEYWORDS) && !defined(foreach)
#define foreach Q_FOREACH
#define OPENDO_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef OPENDO_UNDEF_SIGNALS
#undef signals
#undef OPENDO_UNDEF_SIGNALS
#endif
#ifdef OPENDO_UNDEF_FOREACH
#undef foreach
#undef OPENDO_UNDEF_FOREACH
#endif
