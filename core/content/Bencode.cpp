#include "content/Bencode.h"

#include <algorithm>
#include <cstring>

namespace opendo::content {
namespace {

void encodeInto(const BencodeValue& value, QByteArray& out)
{
    switch (value.type()) {
    case BencodeValue::Type::Integer:
        out += 'i';
        out += QByteArray::number(value.toInteger());
        out += 'e';
        return;
    case BencodeValue::Type::String:
        out += QByteArray::number(value.toBytes().size());
        out += ':';
        out += value.toBytes();
        return;
    case BencodeValue::Type::List:
        out += 'l';
        for (const BencodeValue& item : value.toList())
            encodeInto(item, out);
        out += 'e';
        return;
    case BencodeValue::Type::Dict:
        out += 'd';
        for (const BencodeValue::Entry& entry : value.toDict()) {
            out += QByteArray::number(entry.key.size());
            out += ':';
            out += entry.key;
            encodeInto(entry.value, out);
        }
        out += 'e';
        return;
    }
}

} // namespace

// Spelled out so the order never depends on a locale or on signed-char comparisons.
int compareBencodeKeys(QByteArrayView a, QByteArrayView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    if (common > 0) {
        const int c = std::memcmp(a.data(), b.data(), size_t(common));
        if (c != 0)
            return c;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

void BencodeValue::append(BencodeValue value)
{
    Q_ASSERT(m_type == Type::List);
    m_list.push_back(std::move(value));
}

const BencodeValue* BencodeValue::find(QByteArrayView key) const
{
    if (m_type != Type::Dict)
        return nullptr;
    const auto it =
        std::lower_bound(m_dict.begin(), m_dict.end(), key, [](const Entry& e, QByteArrayView k) {
            return compareBencodeKeys(e.key, k) < 0;
        });
    return it != m_dict.end() && compareBencodeKeys(it->key, key) == 0 ? &it->value : nullptr;
}

BencodeValue* BencodeValue::find(QByteArrayView key)
{
    return const_cast<BencodeValue*>(std::as_const(*this).find(key));
}

void BencodeValue::insert(QByteArray key, BencodeValue value)
{
    Q_ASSERT(m_type == Type::Dict);
    const auto it = std::lower_bound(
        m_dict.begin(), m_dict.end(), key,
        [](const Entry& e, const QByteArray& k) { return compareBencodeKeys(e.key, k) < 0; });
    if (it != m_dict.end() && compareBencodeKeys(it->key, key) == 0)
        it->value = std::move(value);
    else
        m_dict.insert(it, Entry{std::move(key), std::move(value)});
}

bool BencodeValue::remove(QByteArrayView key)
{
    const auto it = std::find_if(m_dict.begin(), m_dict.end(), [&](const Entry& e) {
        return compareBencodeKeys(e.key, key) == 0;
    });
    if (it == m_dict.end())
        return false;
    m_dict.erase(it);
    return true;
}

bool operator==(const BencodeValue& a, const BencodeValue& b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case BencodeValue::Type::Integer:
        return a.m_integer == b.m_integer;
    case BencodeValue::Type::String:
        return a.m_bytes == b.m_bytes;
    case BencodeValue::Type::List:
        return a.m_list == b.m_list;
    case BencodeValue::Type::Dict:
        return a.m_dict == b.m_dict;
    }
    return false;
}

QByteArray encodeBencode(const BencodeValue& value)
{
    QByteArray out;
    encodeInto(value, out);
    return out;
}

} // namespace opendo::content
