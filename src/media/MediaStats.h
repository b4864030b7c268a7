#pragma once

#include <QMetaType>
#include <QString>

typedef struct _GstStructure GstStructure;

namespace media {

/// One snapshot of the audio stream statistics of a WebRtcEndpoint, read from webrtcbin's
/// `get-stats` (W3C webrtc-stats: RTCInboundRtpStreamStats, RTCOutboundRtpStreamStats,
/// RTCRemoteInboundRtpStreamStats). Counters are cumulative since the stream started; a value
/// webrtcbin did not report stays at its default (0, or -1 where marked "unknown").
struct MediaStats {
    qint64 timestampMs = 0;         ///< when the snapshot was taken, ms since the Unix epoch
    quint64 packetsSent = 0;        ///< outbound-rtp `packets-sent`
    quint64 bytesSent = 0;          ///< outbound-rtp `bytes-sent` (RTP payload + headers)
    quint64 packetsReceived = 0;    ///< inbound-rtp `packets-received`
    quint64 bytesReceived = 0;      ///< inbound-rtp `bytes-received`
    qint64 packetsLost = 0;         ///< inbound-rtp `packets-lost` (what we missed; may be < 0)
    qint64 remotePacketsLost = 0;   ///< remote-inbound-rtp `packets-lost` (peer's RTCP report)
    double jitterMs = 0;            ///< inbound-rtp `jitter` (RFC 3550 §6.4.1), milliseconds
    double roundTripTimeMs = -1;    ///< remote-inbound-rtp `round-trip-time`, ms; -1 unknown
    double sendBitrateKbps = -1;    ///< from bytesSent between two snapshots; -1 unknown
    double receiveBitrateKbps = -1; ///< from bytesReceived between two snapshots; -1 unknown

    /// Sums every inbound-rtp, outbound-rtp and remote-inbound-rtp entry of a `get-stats`
    /// reply (the GstStructure of the GstPromise); jitter and round-trip time take the largest
    /// entry. Other entry types (codec, transport, candidate-pair...) are ignored.
    static MediaStats fromWebRtcStats(const GstStructure* reply, qint64 timestampMs);
    /// This snapshot with sendBitrateKbps/receiveBitrateKbps computed against an earlier
    /// `previous` (kbit/s = bytes * 8 / ms); unchanged when `previous` is not older.
    MediaStats withBitratesSince(const MediaStats& previous) const;
    /// One line for logs: "sent 250 pkt, received 248 pkt, lost 0, jitter 1.2 ms, rtt 3 ms".
    QString toString() const;
};

} // namespace media

Q_DECLARE_METATYPE(media::MediaStats)
