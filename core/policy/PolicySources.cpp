#include "policy/PolicyState.h"

#include <QCoreApplication>

namespace opendo::policy {

QString sourceName(PolicySource source)
{
    switch (source) {
    case PolicySource::Policy:
        return QCoreApplication::translate("opendo::policy", "Policy");
    case PolicySource::Local:
        return QCoreApplication::translate("opendo::policy", "Local setting");
    case PolicySource::Default:
        return QCoreApplication::translate("opendo::policy", "Default");
    }
    return {};
}

} // namespace opendo::policy
