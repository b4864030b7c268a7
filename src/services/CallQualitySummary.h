#pragma once

namespace services {

/// The quality of one call's audio over the whole call, as the call history keeps it (see
/// services::CallQuality::summary()). Every figure is -1 when it is unknown: the call had no
/// media statistics (samples == 0), or the peer never reported it (e.g. no RTCP, no RTT).
struct CallQualitySummary {
    int samples = 0;                ///< statistics snapshots taken during the call
    double averageRttMs = -1;       ///< mean round-trip time, milliseconds
    double maxJitterMs = -1;        ///< largest interarrival jitter seen (RFC 3550), milliseconds
    double lossPercent = -1;        ///< received packets lost over the call, percent (0..100)
    double averageSendKbps = -1;    ///< mean sending bitrate, kbit/s
    double averageReceiveKbps = -1; ///< mean receiving bitrate, kbit/s
    double mos = -1; ///< estimated listening quality over the call, 1..4.5 (CallQuality::mosOf)

    /// True when at least one statistics snapshot was taken.
    bool isKnown() const { return samples > 0; }

    friend bool operator==(const CallQualitySummary&, const CallQualitySummary&) = default;
};

} // namespace services
