// WebRtcEndpoint: RFC 4733 DTMF. Sending: rtpdtmfsrc -> rtpdtmfmux (priority pad) next to the
// encoder, in front of webrtcbin's sink pad, so events share the voice stream's SSRC. Receiving:
// webrtcbin's telephone-event src pad -> rtpdtmfdepay, whose "dtmf-event" bus messages become
// dtmfReceived(). The SDP side is in WebRtcEndpointPromises.cpp (SdpEditor::withTelephoneEvents).
#include "media/WebRtcEndpoint.h"

#include "media/Logging.h"
#include "media/SdpInspector.h"

#define GST_USE_UNSTABLE_API
#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

#include <algorithm>

namespace media {

namespace {

/// RFC 4733 §3.2: DTMF digits are events 0-9, * 10, # 11, A-D 12-15.
const char kEvents[] = "0123456789*#ABCD";

/// RFC 4733 §2.5.2.2 volume: the power level of the tone as -dBm0 (0..63); 10 as most phones.
constexpr int kEventVolume = 10;

/// Each start and end of an event is sent this many times (RFC 4733 §2.5.1.4 advises three
/// end packets against loss).
constexpr guint kPacketRedundancy = 3;

int eventOf(QChar tone) {
    const QChar upper = tone.toUpper();
    for (int i = 0; kEvents[i] != 0; ++i) {
        if (upper == QLatin1Char(kEvents[i]))
            return i;
    }
    return -1;
}

bool isTelephoneEventCaps(GstCaps* caps) {
    if (!caps || gst_caps_is_empty(caps) || gst_caps_is_any(caps))
        return false;
    const gchar* name = gst_structure_get_string(gst_caps_get_structure(caps, 0), "encoding-name");
    return name && g_ascii_strcasecmp(name, "TELEPHONE-EVENT") == 0;
}

/// rtpmux re-sends the caps of whichever input it forwards. webrtcbin keeps the last caps it
/// saw as the caps of its transceiver and builds later offers and answers from them, so the
/// telephone-event caps must not reach it; its RTP session does not need them to send.
GstPadProbeReturn dropTelephoneEventCaps(GstPad*, GstPadProbeInfo* info, gpointer) {
    GstEvent* event = GST_PAD_PROBE_INFO_EVENT(info);
    if (GST_EVENT_TYPE(event) != GST_EVENT_CAPS)
        return GST_PAD_PROBE_OK;
    GstCaps* caps = nullptr;
    gst_event_parse_caps(event, &caps);
    return isTelephoneEventCaps(caps) ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
}

void sendDtmfEvent(GstElement* source, std::optional<int> start) {
    GstStructure* s = gst_structure_new("dtmf-event", "type", G_TYPE_INT, 1, "start",
                                        G_TYPE_BOOLEAN, gboolean(start.has_value()), nullptr);
    if (start)
        gst_structure_set(s, "number", G_TYPE_INT, *start, "volume", G_TYPE_INT, kEventVolume,
                          nullptr);
    GstPad* pad = gst_element_get_static_pad(source, "src");
    gst_pad_send_event(pad, gst_event_new_custom(GST_EVENT_CUSTOM_UPSTREAM, s));
    gst_object_unref(pad);
}

} // namespace

bool WebRtcEndpoint::linkSendMux(GstElement* encoderBin) {
    GstElement* mux = gst_element_factory_make("rtpdtmfmux", "sendmux");
    if (!mux)
        return false;
    gst_bin_add(GST_BIN(m_pipeline), mux);
    GstPad* muxSrc = gst_element_get_static_pad(mux, "src");
    gst_pad_add_probe(muxSrc, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, dropTelephoneEventCaps, nullptr,
                      nullptr);
    const GstPadLinkReturn toWebrtc = gst_pad_link(muxSrc, static_cast<GstPad*>(m_sinkPad));
    gst_object_unref(muxSrc);
    GstPad* muxSink = gst_element_request_pad_simple(mux, "sink_%u");
    GstPad* encoderSrc = gst_element_get_static_pad(encoderBin, "src");
    const GstPadLinkReturn fromEncoder = gst_pad_link(encoderSrc, muxSink);
    gst_object_unref(encoderSrc);
    gst_object_unref(muxSink);
    gst_element_sync_state_with_parent(mux);
    m_sendMux = mux;
    return toWebrtc == GST_PAD_LINK_OK && fromEncoder == GST_PAD_LINK_OK;
}

bool WebRtcEndpoint::ensureDtmfSource() {
    if (!m_pipeline || !m_sendMux || !m_dtmfPayloadType)
        return false;
    // webrtcbin's sink pad answers caps queries from the codec preferences: they must list the
    // event format, or rtpdtmfsrc cannot negotiate.
    AudioCodec event = *AudioCodec::find(QStringLiteral("TELEPHONE-EVENT"), m_dtmfClockRate);
    event.payloadType = *m_dtmfPayloadType;
    GstCaps* wanted = gst_caps_from_string(event.rtpCaps().toUtf8().constData());
    GstCaps* preferences = nullptr;
    g_object_get(m_transceiver, "codec-preferences", &preferences, nullptr);
    if (preferences && !gst_caps_can_intersect(preferences, wanted)) {
        GstCaps* extended = gst_caps_merge(preferences, gst_caps_ref(wanted));
        g_object_set(m_transceiver, "codec-preferences", extended, nullptr);
        gst_caps_unref(extended);
    } else if (preferences) {
        gst_caps_unref(preferences);
    }
    gst_caps_unref(wanted);
    if (m_dtmfSource) {
        g_object_set(m_dtmfSource, "pt", guint(*m_dtmfPayloadType), "clock-rate",
                     guint(m_dtmfClockRate), nullptr);
        return true;
    }
    GstElement* source = gst_element_factory_make("rtpdtmfsrc", "dtmfsrc");
    if (!source)
        return false;
    g_object_set(source, "pt", guint(*m_dtmfPayloadType), "clock-rate", guint(m_dtmfClockRate),
                 "packet-redundancy", kPacketRedundancy, nullptr);
    gst_bin_add(GST_BIN(m_pipeline), source);
    GstPad* sourceSrc = gst_element_get_static_pad(source, "src");
    GstPad* muxSink = gst_element_request_pad_simple(m_sendMux, "priority_sink_%u");
    const GstPadLinkReturn linked = gst_pad_link(sourceSrc, muxSink);
    gst_object_unref(muxSink);
    gst_object_unref(sourceSrc);
    if (linked != GST_PAD_LINK_OK || !gst_element_sync_state_with_parent(source)) {
        gst_element_set_state(source, GST_STATE_NULL);
        gst_bin_remove(GST_BIN(m_pipeline), source);
        qCWarning(lcMedia) << "endpoint" << m_id << "cannot start rtpdtmfsrc, link" << int(linked);
        return false;
    }
    m_dtmfSource = source;
    return true;
}

bool WebRtcEndpoint::sendDtmf(const QString& tones, int durationMs, int gapMs) {
    if (tones.isEmpty() || durationMs < 40 || durationMs > 5000 || gapMs < 40 || gapMs > 5000)
        return false;
    QList<DtmfTone> parsed;
    for (const QChar c : tones) {
        const int event = eventOf(c);
        if (event < 0) {
            qCWarning(lcMedia) << "endpoint" << m_id << "sendDtmf: not a DTMF event:" << c;
            return false;
        }
        parsed.append({event, durationMs, gapMs});
    }
    if (!m_negotiatedDirection || !sends(*m_negotiatedDirection) || !ensureDtmfSource()) {
        qCWarning(lcMedia) << "endpoint" << m_id << "sendDtmf: no telephone-event to send on";
        return false;
    }
    qCInfo(lcMedia) << "endpoint" << m_id << "sends DTMF" << tones << "on pt" << *m_dtmfPayloadType;
    m_dtmfQueue += parsed;
    if (!m_dtmfTimer.isActive())
        sendNextDtmfStep();
    return true;
}

void WebRtcEndpoint::sendNextDtmfStep() {
    if (!m_dtmfSource) {
        m_dtmfQueue.clear();
        m_dtmfToneOn = false;
        return;
    }
    if (m_dtmfToneOn) {
        sendDtmfEvent(m_dtmfSource, std::nullopt);
        m_dtmfToneOn = false;
        m_dtmfTimer.start(m_dtmfQueue.takeFirst().gapMs);
        return;
    }
    if (m_dtmfQueue.isEmpty())
        return;
    sendDtmfEvent(m_dtmfSource, m_dtmfQueue.first().event);
    m_dtmfToneOn = true;
    m_dtmfTimer.start(m_dtmfQueue.first().durationMs);
}

void WebRtcEndpoint::updateDtmfPayloadType(const QString& answer) {
    const std::optional<int> before = m_dtmfPayloadType;
    m_dtmfPayloadType.reset();
    if (!m_sendCodec)
        return;
    const int rate = m_sendCodec->clockRate;
    const bool supported = std::any_of(m_codecs.begin(), m_codecs.end(), [rate](const auto& c) {
        return c.isTelephoneEvent() && c.clockRate == rate;
    });
    for (const SdpInspector::RtpMap& map : SdpInspector(answer).audioRtpMaps()) {
        if (supported && map.clockRate == rate &&
            map.encodingName.compare(QLatin1String("telephone-event"), Qt::CaseInsensitive) == 0) {
            m_dtmfPayloadType = map.payloadType;
            m_dtmfClockRate = rate;
            break;
        }
    }
    if (m_dtmfPayloadType != before)
        qCInfo(lcMedia) << "endpoint" << m_id << "telephone-event"
                        << (m_dtmfPayloadType ? QString::number(*m_dtmfPayloadType)
                                              : QStringLiteral("not negotiated"));
    if (m_dtmfPayloadType && m_dtmfSource)
        ensureDtmfSource(); // a renegotiated payload number
}

QList<std::pair<int, int>> WebRtcEndpoint::telephoneEventsFor(SdpType type) const {
    QList<std::pair<int, int>> events;
    for (const AudioCodec& c : m_codecs) {
        if (!c.isTelephoneEvent())
            continue;
        if (type == SdpType::Answer) {
            for (const auto& offered : m_remoteTelephoneEvents) {
                if (offered.second == c.clockRate)
                    events << offered;
            }
        } else if (m_dtmfPayloadType && m_dtmfClockRate == c.clockRate) {
            events.append({*m_dtmfPayloadType, c.clockRate}); // keep the number (RFC 3264 §8)
        } else {
            events.append({c.payloadType, c.clockRate});
        }
    }
    return events;
}

void WebRtcEndpoint::handleDtmfEvent(int event) {
    if (event < 0 || event >= int(qstrlen(kEvents)))
        return; // not a DTMF digit (e.g. flash, RFC 4733 §3.2 event 16)
    const QChar tone = QLatin1Char(kEvents[event]);
    qCInfo(lcMedia) << "endpoint" << m_id << "received DTMF" << tone;
    Q_EMIT dtmfReceived(tone);
}

void WebRtcEndpoint::linkDtmfReceiver(GstElement* pipeline, GstPad* pad) {
    GError* error = nullptr;
    GstElement* bin = gst_parse_bin_from_description(
        "rtpdtmfdepay ! fakesink sync=false async=false", TRUE, &error);
    if (error) {
        qCWarning(lcMedia) << "telephone-event receiver:" << error->message;
        g_error_free(error);
        if (bin)
            gst_object_unref(bin);
        return;
    }
    gst_bin_add(GST_BIN(pipeline), bin);
    gst_element_sync_state_with_parent(bin);
    GstPad* sink = gst_element_get_static_pad(bin, "sink");
    const GstPadLinkReturn linked = gst_pad_link(pad, sink);
    gst_object_unref(sink);
    qCInfo(lcMedia) << "receiving telephone-event on" << GST_PAD_NAME(pad) << "link" << int(linked);
}

} // namespace media
