#pragma once

// SHA-1 and SHA-256, incremental and one-shot, through OpenSSL libcrypto (EVP).

#include <QByteArray>
#include <QByteArrayView>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace opendo::content {

// Not QCryptographicHash: on this hardware it is ~14x slower for SHA-256, too slow to verify a
// 1 Gbit/s download on one core.
class Sha
{
public:
    enum class Algorithm
    {
        Sha1,
        Sha256
    };

    explicit Sha(Algorithm algorithm);
    ~Sha();
    Sha(const Sha&) = delete;
    Sha& operator=(const Sha&) = delete;
    Sha(Sha&& other) noexcept;
    Sha& operator=(Sha&& other) noexcept;

    void addData(QByteArrayView data);
    // The digest of everything added since construction or the last result()/reset(); the
    // object then starts over. Empty if libcrypto failed, which can never match a real digest,
    // so a verification that uses it fails closed.
    QByteArray result();
    void reset();

    Algorithm algorithm() const { return m_algorithm; }
    static qsizetype digestSize(Algorithm algorithm);
    static QByteArray hash(QByteArrayView data, Algorithm algorithm);

private:
    Algorithm m_algorithm;
    EVP_MD_CTX* m_context = nullptr;
    bool m_failed = false;
};

// HMAC-SHA256 of `message` under `key` (32 bytes); empty if libcrypto failed, which never
// equals a real MAC, so checks built on it fail closed.
QByteArray hmacSha256(QByteArrayView key, QByteArrayView message);

inline QByteArray sha1(QByteArrayView data)
{
    return Sha::hash(data, Sha::Algorithm::Sha1);
}

inline QByteArray sha256(QByteArrayView data)
{
    return Sha::hash(data, Sha::Algorithm::Sha256);
}

} // namespace opendo::content
