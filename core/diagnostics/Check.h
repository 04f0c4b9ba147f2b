#pragma once

// One troubleshooter check: it runs asynchronously on the agent's thread and reports exactly one
// CheckResult through `done` (the runner enforces the timeout and ignores late reports).

#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"

#include <QObject>
#include <functional>
#include <memory>

namespace opendo::diagnostics {

class Check : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(CheckResult)>;

    Check(QString id, CheckGroup group, QString title)
        : m_id(std::move(id)), m_group(group), m_title(std::move(title))
    {}

    const QString& id() const { return m_id; }
    CheckGroup group() const { return m_group; }
    const QString& title() const { return m_title; }

    // `inputs` outlives the check. Call `done` once, now or later from the event loop.
    virtual void start(const DiagnosticInputs& inputs, Done done) = 0;

protected:
    // A result pre-filled with this check's id, group and title.
    CheckResult result(Verdict verdict, const QString& summary) const;

private:
    QString m_id;
    CheckGroup m_group;
    QString m_title;
};

// A check decided from the gathered facts alone.
class InstantCheck : public Check
{
    Q_OBJECT
public:
    using Evaluate = std::function<CheckResult(const InstantCheck&, const DiagnosticInputs&)>;
    InstantCheck(QString id, CheckGroup group, QString title, Evaluate evaluate)
        : Check(std::move(id), group, std::move(title)), m_evaluate(std::move(evaluate))
    {}
    void start(const DiagnosticInputs& inputs, Done done) override
    {
        done(m_evaluate(*this, inputs));
    }
    using Check::result;

private:
    Evaluate m_evaluate;
};

} // namespace opendo::diagnostics
