#include "content/Sha.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <utility>

namespace opendo::content {
namespace {

// OpenSSL 3 looks an algorithm up in its provider tables on every init unless it is fetched
// once; the lookup costs more than hashing the 64 bytes of a merkle node.
const EVP_MD* digestOf(Sha::Algorithm algorithm)
{
#if OPENSSL_VERSION_MAJOR >= 3
    static EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm == Sha::Algorithm::Sha1 ? sha1 : sha256;
#else
    return algorithm == Sha::Algorithm::Sha1 ? EVP_sha1() : EVP_sha256();
#endif
}

// One-shot hashing runs millions of times while building merkle trees; reusing a context per
// thread saves an allocation each time.
struct ThreadContext
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ThreadContext() = default;
    ThreadContext(const ThreadContext&) = delete;
    ThreadContext& operator=(const ThreadContext&) = delete;
    ~ThreadContext() { EVP_MD_CTX_free(context); }
};

} // namespace

Sha::Sha(Algorithm algorithm) : m_algorithm(algorithm), m_context(EVP_MD_CTX_new())
{
    reset();
}

Sha::~Sha()
{
    EVP_MD_CTX_free(m_context);
}

Sha::Sha(Sha&& other) noexcept
    : m_algorithm(other.m_algorithm), m_context(std::exchange(other.m_context, nullptr)),
      m_failed(other.m_failed)
{}

Sha& Sha::operator=(Sha&& other) noexcept
{
    if (this != &other) {
        EVP_MD_CTX_free(m_context);
        m_algorithm = other.m_algorithm;
        m_context = std::exchange(other.m_context, nullptr);
        m_failed = other.m_failed;
    }
    return *this;
}

void Sha::reset()
{
    const EVP_MD* md = digestOf(m_algorithm);
    m_failed = !m_context || !md || EVP_DigestInit_ex(m_context, md, nullptr) != 1;
}

void Sha::addData(QByteArrayView data)
{
    if (m_failed || data.isEmpty())
        return;
    m_failed = EVP_DigestUpdate(m_context, data.data(), size_t(data.size())) != 1;
}

QByteArray Sha::result()
{
    QByteArray digest;
    if (!m_failed) {
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (EVP_DigestFinal_ex(m_context, out, &length) == 1)
            digest = QByteArray(reinterpret_cast<const char*>(out), qsizetype(length));
    }
    reset();
    return digest;
}

qsizetype Sha::digestSize(Algorithm algorithm)
{
    return algorithm == Algorithm::Sha1 ? 20 : 32;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()),
              reinterpret_cast<const unsigned char*>(message.data()), size_t(message.size()), out,
              &length) ||
        length != 32)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), qsizetype(length));
}

QByteArray Sha::hash(QByteArrayView data, Algorithm algorithm)
{
    thread_local ThreadContext local;
    const EVP_MD* md = digestOf(algorithm);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!local.context || !md || EVP_DigestInit_ex(local.context, md, nullptr) != 1 ||
        EVP_DigestUpdate(local.context, data.data(), size_t(data.size())) != 1 ||
        EVP_DigestFinal_ex(local.context, out, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), qsizetype(length));
}

} // namespace opendo::content
