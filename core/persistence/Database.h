#pragma once

// The agent's one SQLite database (WAL) in its data directory, with schema migrations.

#include <QSqlDatabase>
#include <QString>

namespace opendo::persistence {

class Database
{
public:
    Database() = default;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating if needed) <dataDir>/opendo.sqlite on the calling thread — Qt SQL
    // connections belong to the thread that opened them.
    bool open(const QString& dataDir, QString* error);
    void close();
    bool isOpen() const;
    QSqlDatabase handle() const;
    QString filePath() const { return m_path; }

    // SQLite bumps this whenever another connection (e.g. doctl) commits a change.
    qint64 dataVersion() const;

    static QString fileName() { return QStringLiteral("opendo.sqlite"); }

private:
    bool migrate(QString* error);

    QString m_connectionName;
    QString m_path;
};

} // namespace opendo::persistence
