#pragma once

// A small argument cursor for doctl's verb-style command line.

#include <QStringList>
#include <optional>

namespace opendo::cli {

class CliArguments
{
public:
    explicit CliArguments(QStringList args) : m_args(std::move(args)) {}

    // Removes "--name" and reports whether it was present.
    bool takeFlag(const QString& name);
    // Removes "--name VALUE" (or "--name=VALUE"); nullopt when absent, error when VALUE missing.
    std::optional<QString> takeOption(const QString& name, QString* error);
    std::optional<QString> takePositional(); // the next argument that is not an option
    QStringList remaining() const { return m_args; }

private:
    QStringList m_args;
};

} // namespace opendo::cli
