#include "sip/RecoveryBackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace sip {

RecoveryBackoff::RecoveryBackoff(int minSeconds, int maxSeconds, Random random)
    : m_min(std::max(1, minSeconds))
    , m_max(std::max(m_min, maxSeconds))
    , m_random(std::move(random)) {
    if (!m_random) {
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
    }
}

int RecoveryBackoff::delaySeconds(int attempts) const {
    const int a = std::clamp(attempts, 1, 30); // 2^30 s is far beyond any sane max
    const double r = std::clamp(m_random(), 0.0, 0.999999999);
    const double k = std::floor(r * std::ldexp(1.0, a) + 1.0);
    return static_cast<int>(std::clamp(k, static_cast<double>(m_min), static_cast<double>(m_max)));
}

} // namespace sip
