#include "diagnostics/Check.h"

namespace opendo::diagnostics {

CheckResult Check::result(Verdict verdict, const QString& summary) const
{
    CheckResult r;
    r.id = m_id;
    r.group = m_group;
    r.title = m_title;
    r.verdict = verdict;
    r.summary = summary;
    return r;
}

} // namespace opendo::diagnostics
