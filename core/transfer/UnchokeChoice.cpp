#include "transfer/UnchokeChoice.h"

#include <algorithm>

namespace opendo::transfer {

QList<int> chooseUnchoked(QList<UnchokeCandidate> candidates, bool downloading, int slots,
                          const std::function<int(int)>& pickOptimistic)
{
    if (slots <= 0 || candidates.isEmpty())
        return {};
    // Best first: most received from it while downloading, least sent to it as a seed.
    auto merit = [downloading](const UnchokeCandidate& c) {
        return downloading ? c.downloadedFromIt : -c.uploadedToIt;
    };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&merit](const UnchokeCandidate& a, const UnchokeCandidate& b) {
                         return merit(a) > merit(b);
                     });
    const int count = int(candidates.size());
    const int regular = std::min(count, slots - 1);
    QList<int> chosen;
    for (int i = 0; i < regular; ++i)
        chosen << candidates[i].key;
    if (count > regular) {
        const int rest = count - regular;
        const int pick = std::clamp(pickOptimistic(rest), 0, rest - 1);
        chosen << candidates[regular + pick].key;
    }
    return chosen;
}

} // namespace opendo::transfer
