#include "wcs/ReconnectBackoff.h"

#include <algorithm>
#include <cmath>

namespace wcs {

ReconnectBackoff::ReconnectBackoff(int minMs, int maxMs, int jitterPercent, Random random)
    : m_minMs(std::max(1, minMs))
    , m_maxMs(std::max(std::max(1, minMs), maxMs))
    , m_jitterPercent(std::clamp(jitterPercent, 0, 100))
    , m_random(std::move(random)) {}

int ReconnectBackoff::delayMs(int attempt) const {
    const int n = std::max(1, attempt);
    // min * 2^(n-1), computed in double so that large attempts saturate instead of overflowing
    const double base = std::min(static_cast<double>(m_maxMs),
                                 static_cast<double>(m_minMs) * std::pow(2.0, std::min(n - 1, 40)));
    double delay = base;
    if (m_jitterPercent > 0 && m_random) {
        const double spread = base * m_jitterPercent / 100.0;
        const double r = m_random();
        // a NaN from a broken source must not reach the int conversion below: use the middle
        const double u = std::isnan(r) ? 0.5 : std::clamp(r, 0.0, 1.0);
        delay = base - spread + 2.0 * spread * u;
    }
    return static_cast<int>(
        std::clamp(delay, static_cast<double>(m_minMs), static_cast<double>(m_maxMs)));
}

} // namespace wcs
