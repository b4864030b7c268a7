#include "services/CallQuality.h"

#include <algorithm>

namespace services {

namespace {

double meanOf(double sum, int count) {
    return count > 0 ? sum / count : -1;
}

} // namespace

void CallQuality::add(const media::MediaStats& s) {
    ++m_samples;
    const qint64 lost = std::max<qint64>(0, s.packetsLost);
    if (s.packetsReceived < m_received || lost < m_lost) {
        // A new endpoint for the same call: its counters start again.
        m_doneReceived += m_received;
        m_doneLost += m_lost;
        m_received = 0;
        m_lost = 0;
    }
    m_lossPercent = lossPercentOf(lost - m_lost, s.packetsReceived - m_received);
    m_received = s.packetsReceived;
    m_lost = lost;

    m_rttMs = s.roundTripTimeMs >= 0 ? s.roundTripTimeMs : -1;
    if (m_rttMs >= 0) {
        m_rttSum += m_rttMs;
        ++m_rttCount;
    }
    // Jitter means nothing before the first packet arrived.
    m_jitterMs = s.packetsReceived > 0 && s.jitterMs >= 0 ? s.jitterMs : -1;
    if (m_jitterMs >= 0) {
        m_jitterSum += m_jitterMs;
        ++m_jitterCount;
        m_maxJitterMs = std::max(m_maxJitterMs, m_jitterMs);
    }
    m_sendKbps = s.sendBitrateKbps >= 0 ? s.sendBitrateKbps : -1;
    if (m_sendKbps >= 0) {
        m_sendSum += m_sendKbps;
        ++m_sendCount;
    }
    m_receiveKbps = s.receiveBitrateKbps >= 0 ? s.receiveBitrateKbps : -1;
    if (m_receiveKbps >= 0) {
        m_receiveSum += m_receiveKbps;
        ++m_receiveCount;
    }
    m_mos = mosOf(m_rttMs, m_jitterMs, m_lossPercent);
}

double CallQuality::averageRttMs() const {
    return meanOf(m_rttSum, m_rttCount);
}

double CallQuality::averageJitterMs() const {
    return meanOf(m_jitterSum, m_jitterCount);
}

double CallQuality::totalLossPercent() const {
    return lossPercentOf(m_doneLost + m_lost, m_doneReceived + m_received);
}

double CallQuality::averageSendKbps() const {
    return meanOf(m_sendSum, m_sendCount);
}

double CallQuality::averageReceiveKbps() const {
    return meanOf(m_receiveSum, m_receiveCount);
}

CallQualitySummary CallQuality::summary() const {
    CallQualitySummary s;
    s.samples = m_samples;
    s.averageRttMs = averageRttMs();
    s.maxJitterMs = m_maxJitterMs;
    s.lossPercent = totalLossPercent();
    s.averageSendKbps = averageSendKbps();
    s.averageReceiveKbps = averageReceiveKbps();
    s.mos = mosOf(s.averageRttMs, averageJitterMs(), s.lossPercent);
    return s;
}

double CallQuality::lossPercentOf(qint64 lost, quint64 received) {
    const double l = static_cast<double>(std::max<qint64>(0, lost));
    const double expected = static_cast<double>(received) + l;
    return expected > 0 ? 100.0 * l / expected : -1;
}

double CallQuality::mosOf(double rttMs, double jitterMs, double lossPercent) {
    if (lossPercent < 0) {
        return -1;
    }
    const double d = std::max(0.0, rttMs) / 2 + 2 * std::max(0.0, jitterMs) + 20;
    const double id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0.0);
    const double ppl = std::min(100.0, lossPercent);
    const double ieEff = 95 * ppl / (ppl + 25.1);
    const double r = 93.2 - id - ieEff;
    if (r <= 0) {
        return 1;
    }
    if (r >= 100) {
        return 4.5;
    }
    return std::clamp(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 1.0, 4.5);
}

} // namespace services
