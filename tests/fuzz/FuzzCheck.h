#pragma once

// The invariant check of every fuzz target: a violation aborts, which libFuzzer and the CTest
// replay both report as a crash, with the invariant's name on stderr.

#include <cstdio>
#include <cstdlib>

namespace opendo::fuzz {

inline void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz target: invariant violated: %s\n", what);
        std::abort();
    }
}

} // namespace opendo::fuzz
