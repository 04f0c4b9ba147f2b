#pragma once

// Bencode (BEP 3) values, a strict decoder that accepts only canonical input, and the encoder.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

namespace opendo::content {

class BencodeValue
{
public:
    enum class Type
    {
        Integer,
        String,
        List,
        Dict
    };
    struct Entry;
    using List = std::vector<BencodeValue>;
    // Kept sorted by raw key bytes so that encoding is canonical by construction.
    using Dict = std::vector<Entry>;

    // Defined below Entry: clang needs Entry complete wherever the members' destructors are used.
    BencodeValue(); // the integer 0
    explicit BencodeValue(qint64 integer);
    explicit BencodeValue(QByteArray bytes);
    static BencodeValue list();
    static BencodeValue dict();

    Type type() const { return m_type; }
    bool isInteger() const { return m_type == Type::Integer; }
    bool isString() const { return m_type == Type::String; }
    bool isList() const { return m_type == Type::List; }
    bool isDict() const { return m_type == Type::Dict; }

    qint64 toInteger() const { return m_integer; }
    const QByteArray& toBytes() const { return m_bytes; }
    const List& toList() const { return m_list; }
    const Dict& toDict() const { return m_dict; }

    // List only.
    void append(BencodeValue value);
    // Dict only: returns nullptr when the key is absent or this is not a dict.
    const BencodeValue* find(QByteArrayView key) const;
    BencodeValue* find(QByteArrayView key);
    // Dict only: replaces an existing value with the same key.
    void insert(QByteArray key, BencodeValue value);
    bool remove(QByteArrayView key);

    friend bool operator==(const BencodeValue& a, const BencodeValue& b);

private:
    explicit BencodeValue(Type type);

    Type m_type = Type::Integer;
    qint64 m_integer = 0;
    QByteArray m_bytes;
    List m_list;
    Dict m_dict;
};

struct BencodeValue::Entry
{
    QByteArray key;
    BencodeValue value;
    friend bool operator==(const Entry& a, const Entry& b) = default;
};

inline BencodeValue::BencodeValue() = default;
inline BencodeValue::BencodeValue(qint64 integer) : m_integer(integer) {}
inline BencodeValue::BencodeValue(QByteArray bytes)
    : m_type(Type::String), m_bytes(std::move(bytes))
{}
inline BencodeValue::BencodeValue(Type type) : m_type(type) {}
inline BencodeValue BencodeValue::list()
{
    return BencodeValue(Type::List);
}
inline BencodeValue BencodeValue::dict()
{
    return BencodeValue(Type::Dict);
}

// Where a value's encoding sits in the decoded input.
struct BencodeSpan
{
    qsizetype offset = 0;
    qsizetype length = 0;
};

struct BencodeDecodeResult
{
    bool ok = false;
    BencodeValue value;
    qsizetype errorOffset = -1; // byte offset of the first byte that is wrong
    QString error;              // translated; names errorOffset

    // For a top-level dict: where each value was in the input, so that a hash can cover the
    // bytes exactly as they were received (the info dict of a .torrent).
    std::vector<std::pair<QByteArray, BencodeSpan>> topLevelSpans;
    std::optional<BencodeSpan> spanOf(QByteArrayView key) const;
};

// Nesting beyond this is refused; it bounds the decoder's recursion on hostile input.
inline constexpr int kBencodeMaxDepth = 64;
// So is a document of more values than this: each decoded value takes far more memory than its
// two or three encoded bytes. Metainfo needs a few dozen; its hashes are single strings.
inline constexpr qsizetype kBencodeMaxValues = 1000000;

// The order of keys in a bencoded dictionary: raw bytes, unsigned, shorter prefix first.
int compareBencodeKeys(QByteArrayView a, QByteArrayView b);

BencodeDecodeResult decodeBencode(QByteArrayView data);
QByteArray encodeBencode(const BencodeValue& value);

} // namespace opendo::content
