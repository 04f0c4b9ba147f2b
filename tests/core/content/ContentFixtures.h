#pragma once

// Reproducible random content on disk for the content tests.

#include <QByteArray>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <cstring>

namespace opendo::test {

inline QByteArray randomContent(qint64 size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    qsizetype i = 0;
    for (; i + 4 <= data.size(); i += 4) {
        const quint32 word = generator.generate();
        std::memcpy(data.data() + i, &word, 4);
    }
    for (; i < data.size(); ++i)
        data[i] = char(generator.bounded(256));
    return data;
}

inline bool writeContent(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(data) == data.size() && file.flush();
}

} // namespace opendo::test
