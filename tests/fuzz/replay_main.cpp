// Runs the fuzz entry point without libFuzzer: over the seed corpus, then over a fixed number of
// mutations of it drawn from a fixed seed, so a CTest run is repeatable and still reaches past
// the hand-written inputs. Usage: test_fuzz_announce_replay [CORPUS_DIR [ITERATIONS]]

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void run(const QByteArray& input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()),
                           size_t(input.size()));
}

// std::mt19937's sequence is fixed by the standard; the distributions are not, so only its raw
// output is used.
class Mutator
{
public:
    explicit Mutator(const std::vector<QByteArray>& corpus) : m_corpus(corpus), m_random(20240611)
    {}

    QByteArray next()
    {
        QByteArray data = m_corpus[below(m_corpus.size())];
        const size_t steps = 1 + below(4);
        for (size_t i = 0; i < steps; ++i)
            mutate(data);
        return data;
    }

private:
    size_t below(size_t n) { return n == 0 ? 0 : size_t(m_random() % n); }

    char interestingByte()
    {
        static const char bytes[] = {'%', '&', '=', 'e', 'i', 'd', 'l', ':',  '0',    '1',
                                     '9', '-', '/', '.', 'f', 'F', 'g', '\0', '\xff', '\x80'};
        return bytes[below(sizeof bytes)];
    }

    void mutate(QByteArray& data)
    {
        const auto size = size_t(data.size());
        switch (below(8)) {
        case 0: // flip one bit
            if (size > 0)
                data[qsizetype(below(size))] ^= char(1 << below(8));
            break;
        case 1: // truncate
            data.truncate(qsizetype(below(size + 1)));
            break;
        case 2: { // insert random bytes
            QByteArray bytes;
            for (size_t n = 1 + below(8); n > 0; --n)
                bytes += char(m_random());
            data.insert(qsizetype(below(size + 1)), bytes);
            break;
        }
        case 3: // insert a byte the grammars care about
            data.insert(qsizetype(below(size + 1)), interestingByte());
            break;
        case 4: // overwrite with one
            if (size > 0)
                data[qsizetype(below(size))] = interestingByte();
            break;
        case 5: { // splice with another corpus entry
            const QByteArray& other = m_corpus[below(m_corpus.size())];
            const auto cut = qsizetype(below(size + 1));
            const auto from = qsizetype(below(size_t(other.size()) + 1));
            data = data.left(cut) + other.mid(from);
            break;
        }
        case 6: { // duplicate a chunk
            if (size == 0)
                break;
            const auto at = qsizetype(below(size));
            const auto length = qsizetype(1 + below(std::min<size_t>(size - size_t(at), 32)));
            data.insert(at, data.mid(at, length));
            break;
        }
        default: { // delete a chunk
            if (size == 0)
                break;
            const auto at = qsizetype(below(size));
            data.remove(at, qsizetype(1 + below(std::min<size_t>(size - size_t(at), 16))));
            break;
        }
        }
    }

    const std::vector<QByteArray>& m_corpus;
    std::mt19937 m_random;
};

} // namespace

int main(int argc, char** argv)
{
    const QString corpusDir =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(OPENDO_FUZZ_CORPUS);
    const long iterations = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 20000;

    std::vector<QByteArray> corpus;
    const QFileInfoList files = QDir(corpusDir).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo& info : files) {
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(info.filePath()));
            return 1;
        }
        corpus.push_back(file.readAll());
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "no seed inputs in %s\n", qPrintable(corpusDir));
        return 1;
    }
    for (const QByteArray& input : corpus)
        run(input);

    Mutator mutator(corpus);
    for (long i = 0; i < iterations; ++i)
        run(mutator.next());
    std::printf("fuzz replay: %zu seeds, %ld mutations, no failures\n", corpus.size(), iterations);
    return 0;
}
