#pragma once

#include <QtGlobal>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace bench {

/// CLOCK_MONOTONIC in ns: one clock for both processes of the latency bench.
inline qint64 monoNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

/// Nearest-rank percentile `p` (0..1) of `sorted` (ascending, not empty).
inline double percentile(const std::vector<double>& sorted, double p) {
    const auto i = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return sorted[i];
}

/// Prints "<what>: p50 .. p90 .. p99 .. max .. ms (n)" for latencies in ms.
inline void printLatency(const char* what, std::vector<double> ms) {
    if (ms.empty()) {
        std::printf("  %-34s no samples\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-34s p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms  (n=%zu)\n", what,
                percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), ms.back(),
                ms.size());
}

} // namespace bench
