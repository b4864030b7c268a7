#include "media/MediaStats.h"

#define GST_USE_UNSTABLE_API
#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

#include <algorithm>
#include <optional>

namespace media {

namespace {

std::optional<double> numberField(const GstStructure* s, const char* name) {
    const GValue* value = gst_structure_get_value(s, name);
    if (!value)
        return std::nullopt;
    GValue asDouble = G_VALUE_INIT;
    g_value_init(&asDouble, G_TYPE_DOUBLE);
    std::optional<double> result;
    if (g_value_transform(value, &asDouble))
        result = g_value_get_double(&asDouble);
    g_value_unset(&asDouble);
    return result;
}

quint64 counter(const GstStructure* s, const char* name) {
    const double v = numberField(s, name).value_or(0);
    return v > 0 ? static_cast<quint64>(v) : 0;
}

struct Accumulator {
    MediaStats* stats;

    void add(const GstStructure* entry) {
        GstWebRTCStatsType type{};
        if (!gst_structure_get(entry, "type", GST_TYPE_WEBRTC_STATS_TYPE, &type, nullptr))
            return;
        switch (type) {
        case GST_WEBRTC_STATS_INBOUND_RTP:
            stats->packetsReceived += counter(entry, "packets-received");
            stats->bytesReceived += counter(entry, "bytes-received");
            stats->packetsLost +=
                static_cast<qint64>(numberField(entry, "packets-lost").value_or(0));
            stats->jitterMs =
                std::max(stats->jitterMs, numberField(entry, "jitter").value_or(0) * 1000.0);
            break;
        case GST_WEBRTC_STATS_OUTBOUND_RTP:
            stats->packetsSent += counter(entry, "packets-sent");
            stats->bytesSent += counter(entry, "bytes-sent");
            break;
        case GST_WEBRTC_STATS_REMOTE_INBOUND_RTP:
            stats->remotePacketsLost +=
                static_cast<qint64>(numberField(entry, "packets-lost").value_or(0));
            if (const auto rtt = numberField(entry, "round-trip-time"))
                stats->roundTripTimeMs = std::max(stats->roundTripTimeMs, *rtt * 1000.0);
            break;
        default:
            break;
        }
    }
};

gboolean addEntry(GQuark, const GValue* value, gpointer user) {
    if (G_VALUE_HOLDS(value, GST_TYPE_STRUCTURE))
        static_cast<Accumulator*>(user)->add(gst_value_get_structure(value));
    return TRUE;
}

} // namespace

MediaStats MediaStats::fromWebRtcStats(const GstStructure* reply, qint64 timestampMs) {
    MediaStats stats;
    stats.timestampMs = timestampMs;
    if (!reply)
        return stats;
    Accumulator accumulator{&stats};
    gst_structure_foreach(reply, addEntry, &accumulator);
    return stats;
}

MediaStats MediaStats::withBitratesSince(const MediaStats& previous) const {
    MediaStats result = *this;
    const qint64 elapsedMs = timestampMs - previous.timestampMs;
    if (elapsedMs <= 0)
        return result;
    const auto rate = [elapsedMs](quint64 now, quint64 before) {
        return now >= before
                   ? static_cast<double>(now - before) * 8.0 / static_cast<double>(elapsedMs)
                   : -1.0;
    };
    result.sendBitrateKbps = rate(bytesSent, previous.bytesSent);
    result.receiveBitrateKbps = rate(bytesReceived, previous.bytesReceived);
    return result;
}

QString MediaStats::toString() const {
    return QStringLiteral("sent %1 pkt, received %2 pkt, lost %3 (peer lost %4), jitter %5 ms, "
                          "rtt %6 ms, send %7 kbit/s, receive %8 kbit/s")
        .arg(packetsSent)
        .arg(packetsReceived)
        .arg(packetsLost)
        .arg(remotePacketsLost)
        .arg(jitterMs, 0, 'f', 1)
        .arg(roundTripTimeMs, 0, 'f', 1)
        .arg(sendBitrateKbps, 0, 'f', 1)
        .arg(receiveBitrateKbps, 0, 'f', 1);
}

} // namespace media
