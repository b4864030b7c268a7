#pragma once

#include "media/MediaStats.h"
#include "services/CallQualitySummary.h"

#include <QtGlobal>

namespace services {

/// The audio quality of one call, folded from the media::MediaStats snapshots that
/// services::MediaEngine reports every few seconds (webrtcbin `get-stats`, W3C webrtc-stats).
/// Keeps the figures of the latest snapshot (what the call row shows) and running figures over
/// the call (what the history keeps, summary()). Every figure is -1 while unknown.
///
/// Packet loss is computed from the cumulative inbound-rtp counters:
/// lost / (received + lost) * 100, over the last interval (lossPercent()) and over the call
/// (totalLossPercent()). Counters that go backwards (a new media endpoint for the same call)
/// start a new segment; the totals add up the segments.
class CallQuality {
public:
    /// Folds one snapshot in. Snapshots must come in time order.
    void add(const media::MediaStats& stats);

    /// Snapshots folded in so far.
    int samples() const { return m_samples; }
    /// True once a snapshot was folded in.
    bool isKnown() const { return m_samples > 0; }

    // --- latest snapshot ---
    /// Round-trip time of the latest snapshot (RTCP), ms.
    double rttMs() const { return m_rttMs; }
    /// Interarrival jitter of the latest snapshot, ms (unknown before the first packet).
    double jitterMs() const { return m_jitterMs; }
    /// Packets lost since the previous snapshot, percent of those expected (0..100).
    double lossPercent() const { return m_lossPercent; }
    /// Sending bitrate of the latest snapshot, kbit/s.
    double sendKbps() const { return m_sendKbps; }
    /// Receiving bitrate of the latest snapshot, kbit/s.
    double receiveKbps() const { return m_receiveKbps; }
    /// Estimated listening quality now (mosOf() of the latest RTT, jitter and loss), 1..4.5.
    double mos() const { return m_mos; }

    // --- over the call ---
    /// Mean of the known round-trip times, ms.
    double averageRttMs() const;
    /// Largest jitter seen, ms.
    double maxJitterMs() const { return m_maxJitterMs; }
    /// Mean of the known jitters, ms.
    double averageJitterMs() const;
    /// Packets lost over the whole call, percent of those expected (0..100).
    double totalLossPercent() const;
    /// Mean of the known sending bitrates, kbit/s.
    double averageSendKbps() const;
    /// Mean of the known receiving bitrates, kbit/s.
    double averageReceiveKbps() const;
    /// What the call history keeps; its MOS is mosOf(average RTT, average jitter, total loss).
    CallQualitySummary summary() const;

    /// Loss in percent (0..100) of `lost` packets among `received + lost` expected ones; a
    /// negative `lost` (duplicates, RFC 3550 §6.4.1) counts as 0. -1 when nothing was expected.
    static double lossPercentOf(qint64 lost, quint64 received);

    /// A mean opinion score estimate (1 = bad .. 4.5 = best narrowband) from network figures,
    /// with the ITU-T G.107 E-model simplified as in R. G. Cole and J. H. Rosenbluth, "Voice over
    /// IP performance monitoring", ACM SIGCOMM CCR 31(2), 2001:
    ///
    ///   d      = rttMs / 2 + 2 * jitterMs + 20   one-way delay, ms (jitter buffer, 20 ms frames)
    ///   Id     = 0.024 d + 0.11 (d - 177.3) H(d - 177.3)
    ///   Ie,eff = 95 Ppl / (Ppl + 25.1)          G.107 eq. (7-29), Ie = 0, BurstR = 1 and
    ///                                           Bpl = 25.1 (G.711 with PLC, ITU-T G.113 App. I)
    ///   R      = 93.2 - Id - Ie,eff
    ///   MOS    = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R), 1 for R < 0, 4.5 for R > 100
    ///            (G.107 Annex B, eq. B-4)
    ///
    /// An unknown (negative) RTT or jitter counts as 0; -1 when the loss is unknown (negative).
    static double mosOf(double rttMs, double jitterMs, double lossPercent);

private:
    int m_samples = 0;
    double m_rttMs = -1;
    double m_jitterMs = -1;
    double m_lossPercent = -1;
    double m_sendKbps = -1;
    double m_receiveKbps = -1;
    double m_mos = -1;

    double m_rttSum = 0;
    int m_rttCount = 0;
    double m_jitterSum = 0;
    int m_jitterCount = 0;
    double m_maxJitterMs = -1;
    double m_sendSum = 0;
    int m_sendCount = 0;
    double m_receiveSum = 0;
    int m_receiveCount = 0;

    quint64 m_received = 0;     ///< inbound packets-received of the latest snapshot
    qint64 m_lost = 0;          ///< inbound packets-lost of the latest snapshot (>= 0)
    quint64 m_doneReceived = 0; ///< received packets of earlier segments
    qint64 m_doneLost = 0;      ///< lost packets of earlier segments
};

} // namespace services
