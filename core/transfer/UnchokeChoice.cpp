#include "transfer/UnchokeChoice.h"

#include <algorithm>

namespace opendo::transfer {

QList<int> chooseUnchoked(QList<UnchokeCandidate> candidates, bool downloading, int slots,
                          const std::function<int(int)>& pickOptimistic)
{
    if (slots <= 0 || candidates.isEmpty())
        return {};
    if (downloading) {
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const UnchokeCandidate& a, const UnchokeCandidate& b) {
                             return a.downloadedFromIt > b.downloadedFromIt;
                         });
    } else {
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const UnchokeCandidate& a, const UnchokeCandidate& b) {
                             return a.uploadedToIt < b.uploadedToIt;
                         });
    }
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
