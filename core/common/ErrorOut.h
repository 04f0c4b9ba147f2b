#pragma once

// For functions that report failure as `false` plus an optional message out-parameter.

#include <QString>

namespace opendo {

inline bool failWith(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace opendo
