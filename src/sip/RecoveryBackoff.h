#pragma once

#include <functional>

namespace sip {

/// Transport recovery delay of JsSIP, as sip-connector configures it (spec §7.2):
/// `k = floor(random * 2^attempts + 1)` whole seconds (uniform over 1 .. 2^attempts), clamped to
/// [minSeconds, maxSeconds]. The random source returns a value in [0, 1) and is injected for
/// deterministic tests; by default QRandomGenerator::global().
class RecoveryBackoff {
public:
    using Random = std::function<double()>;

    /// `minSeconds`/`maxSeconds`: connectionRecoveryMinInterval/MaxInterval (§3.1). A min below
    /// 1 is raised to 1 and a max below the min is raised to the min.
    RecoveryBackoff(int minSeconds, int maxSeconds, Random random = {});

    /// Delay in seconds before recovery attempt `attempts` (1-based; < 1 counts as 1).
    int delaySeconds(int attempts) const;

    int minSeconds() const { return m_min; }
    int maxSeconds() const { return m_max; }

private:
    int m_min;
    int m_max;
    Random m_random;
};

} // namespace sip
