#pragma once

#include <QtGlobal>

#include <functional>

namespace wcs {

/// Exponential reconnect back-off between a minimum and a maximum delay (milliseconds):
/// attempt 1 waits `minMs`, each further attempt doubles it, never beyond `maxMs`. An optional
/// jitter spreads each delay by up to +-`jitterPercent` so that many clients do not reconnect
/// in step; the random source is injected (returns a value in [0, 1)) for deterministic tests.
class ReconnectBackoff {
public:
    using Random = std::function<double()>;

    ReconnectBackoff(int minMs, int maxMs, int jitterPercent = 0, Random random = {});

    /// Delay before attempt `attempt` (1-based) in milliseconds; attempt < 1 counts as 1.
    int delayMs(int attempt) const;

    int minMs() const { return m_minMs; }
    int maxMs() const { return m_maxMs; }

private:
    int m_minMs;
    int m_maxMs;
    int m_jitterPercent;
    Random m_random;
};

} // namespace wcs
