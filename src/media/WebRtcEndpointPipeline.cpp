// WebRtcEndpoint: pipeline construction and the GStreamer callbacks. Every callback here runs
// on a GStreamer thread; it only reads what it was given and posts to the Qt thread through
// GstRelay (see WebRtcEndpoint.cpp for the Qt side).
#include "media/WebRtcEndpoint.h"

#include "media/Gst.h"
#include "media/GstRelay.h"
#include "media/Logging.h"

#define GST_USE_UNSTABLE_API
#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

#include <QDateTime>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace media {

namespace {

PeerConnectionState fromGst(GstWebRTCPeerConnectionState s) {
    switch (s) {
    case GST_WEBRTC_PEER_CONNECTION_STATE_NEW:
        return PeerConnectionState::New;
    case GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTING:
        return PeerConnectionState::Connecting;
    case GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED:
        return PeerConnectionState::Connected;
    case GST_WEBRTC_PEER_CONNECTION_STATE_DISCONNECTED:
        return PeerConnectionState::Disconnected;
    case GST_WEBRTC_PEER_CONNECTION_STATE_FAILED:
        return PeerConnectionState::Failed;
    case GST_WEBRTC_PEER_CONNECTION_STATE_CLOSED:
        return PeerConnectionState::Closed;
    }
    return PeerConnectionState::New;
}

void releaseClosureRef(gpointer ref, GClosure*) {
    GstRelay::releaseRef(ref);
}

template <typename Handler>
void connectRelayed(GstElement* element, const char* signal, Handler handler,
                    const std::shared_ptr<GstRelay>& relay) {
    g_signal_connect_data(element, signal, G_CALLBACK(handler), GstRelay::newRef(relay),
                          releaseClosureRef, GConnectFlags(0));
}

QString elementList(const QStringList& names) {
    return names.join(QStringLiteral(", "));
}

std::atomic<int> nextEndpointId{1};

} // namespace

/// The GStreamer-side callbacks; friends of WebRtcEndpoint through the nested declaration.
struct WebRtcEndpoint::Callbacks {
    static void negotiationNeeded(GstElement*, gpointer) {
        // Negotiation is driven explicitly by the owner (createOffer/setDirection).
        qCDebug(lcMedia) << "webrtcbin: on-negotiation-needed (ignored, explicit negotiation)";
    }

    static void gatheringState(GstElement* webrtc, GParamSpec*, gpointer ref) {
        GstWebRTCICEGatheringState state{};
        g_object_get(webrtc, "ice-gathering-state", &state, nullptr);
        qCDebug(lcMedia) << "ICE gathering state" << int(state);
        if (state != GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE)
            return;
        post(ref, [](WebRtcEndpoint* self) { self->onGatheringComplete(); });
    }

    static void connectionState(GstElement* webrtc, GParamSpec*, gpointer ref) {
        GstWebRTCPeerConnectionState state{};
        g_object_get(webrtc, "connection-state", &state, nullptr);
        const PeerConnectionState mapped = fromGst(state);
        post(ref, [mapped](WebRtcEndpoint* self) { self->setConnectionState(mapped); });
    }

    /// webrtcbin src pad (one per received stream): decodebin, linked here on the streaming
    /// thread so that no buffer meets an unlinked pad.
    static void padAdded(GstElement* webrtc, GstPad* pad, gpointer) {
        if (GST_PAD_DIRECTION(pad) != GST_PAD_SRC)
            return;
        GstObject* pipeline = gst_object_get_parent(GST_OBJECT(webrtc));
        if (!pipeline)
            return;
        if (isTelephoneEvent(pad)) {
            linkDtmfReceiver(GST_ELEMENT(pipeline), pad);
            gst_object_unref(pipeline);
            return;
        }
        GstElement* decodebin = gst_element_factory_make("decodebin", nullptr);
        g_signal_connect(decodebin, "pad-added", G_CALLBACK(decodedPadAdded), nullptr);
        gst_bin_add(GST_BIN(pipeline), decodebin);
        gst_element_sync_state_with_parent(decodebin);
        GstPad* sink = gst_element_get_static_pad(decodebin, "sink");
        const GstPadLinkReturn linked = gst_pad_link(pad, sink);
        gst_object_unref(sink);
        gst_object_unref(pipeline);
        qCInfo(lcMedia) << "receiving stream on" << GST_PAD_NAME(pad) << "link" << int(linked);
    }

    /// True when `pad` carries RFC 4733 telephone-event (its own src pad of webrtcbin).
    static bool isTelephoneEvent(GstPad* pad) {
        GstCaps* caps = gst_pad_get_current_caps(pad);
        if (!caps)
            caps = gst_pad_query_caps(pad, nullptr);
        bool result = false;
        if (caps && !gst_caps_is_empty(caps) && !gst_caps_is_any(caps)) {
            const gchar* name =
                gst_structure_get_string(gst_caps_get_structure(caps, 0), "encoding-name");
            result = name && g_ascii_strcasecmp(name, "TELEPHONE-EVENT") == 0;
        }
        if (caps)
            gst_caps_unref(caps);
        return result;
    }

    /// decodebin raw audio pad -> audioconvert ! audioresample -> a new audiomixer pad.
    static void decodedPadAdded(GstElement* decodebin, GstPad* pad, gpointer) {
        GstCaps* caps = gst_pad_get_current_caps(pad);
        const bool audio =
            caps && g_str_has_prefix(gst_structure_get_name(gst_caps_get_structure(caps, 0)),
                                     "audio/x-raw");
        if (caps)
            gst_caps_unref(caps);
        GstObject* pipeline = gst_object_get_parent(GST_OBJECT(decodebin));
        if (!audio || !pipeline) {
            if (pipeline)
                gst_object_unref(pipeline);
            return;
        }
        GError* error = nullptr;
        GstElement* convert =
            gst_parse_bin_from_description("audioconvert ! audioresample", TRUE, &error);
        if (error) {
            qCWarning(lcMedia) << "receive branch:" << error->message;
            g_error_free(error);
            gst_object_unref(pipeline);
            return;
        }
        GstElement* mixer = gst_bin_get_by_name(GST_BIN(pipeline), "playmix");
        gst_bin_add(GST_BIN(pipeline), convert);
        GstPad* convertSink = gst_element_get_static_pad(convert, "sink");
        GstPad* convertSrc = gst_element_get_static_pad(convert, "src");
        GstPad* mixerSink = gst_element_request_pad_simple(mixer, "sink_%u");
        gst_pad_link(convertSrc, mixerSink);
        gst_element_sync_state_with_parent(convert);
        gst_pad_link(pad, convertSink);
        gst_object_unref(mixerSink);
        gst_object_unref(convertSrc);
        gst_object_unref(convertSink);
        gst_object_unref(mixer);
        gst_object_unref(pipeline);
    }

    static GstBusSyncReply busMessage(GstBus*, GstMessage* message, gpointer ref) {
        switch (GST_MESSAGE_TYPE(message)) {
        case GST_MESSAGE_ERROR: {
            GError* error = nullptr;
            gchar* debug = nullptr;
            gst_message_parse_error(message, &error, &debug);
            const QString reason = QStringLiteral("%1: %2").arg(
                QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))),
                QString::fromUtf8(error->message));
            g_error_free(error);
            if (const auto device = deviceOf(GST_MESSAGE_SRC(message))) {
                // A microphone or speaker: the call goes on with a fallback device.
                qCWarning(lcMedia) << "device error:" << reason << debug;
                g_free(debug);
                const DeviceRole role = device->first;
                const int generation = device->second;
                post(ref, [role, generation, reason](WebRtcEndpoint* self) {
                    self->handleDeviceError(role, generation, reason);
                });
                break;
            }
            qCWarning(lcMedia) << "pipeline error:" << reason << debug;
            g_free(debug);
            post(ref, [reason](WebRtcEndpoint* self) { self->handleBusError(reason); });
            break;
        }
        case GST_MESSAGE_WARNING: {
            GError* error = nullptr;
            gchar* debug = nullptr;
            gst_message_parse_warning(message, &error, &debug);
            qCWarning(lcMedia) << "pipeline warning:" << GST_OBJECT_NAME(GST_MESSAGE_SRC(message))
                               << error->message << debug;
            g_error_free(error);
            g_free(debug);
            break;
        }
        case GST_MESSAGE_ELEMENT: {
            const GstStructure* s = gst_message_get_structure(message);
            gint event = -1;
            if (s && gst_structure_has_name(s, "dtmf-event") &&
                gst_structure_get_int(s, "number", &event)) {
                // rtpdtmfdepay: one message when an RFC 4733 event starts.
                post(ref, [event](WebRtcEndpoint* self) { self->handleDtmfEvent(event); });
                break;
            }
            if (!s || !gst_structure_has_name(s, "level"))
                break;
            const QByteArray source(GST_OBJECT_NAME(GST_MESSAGE_SRC(message)));
            const bool input = source == "inlevel";
            if (!input && source != "outlevel")
                break;
            const double dBov = loudestChannel(s);
            post(ref, [input, dBov](WebRtcEndpoint* self) { self->handleLevel(input, dBov); });
            break;
        }
        default:
            break;
        }
        return GST_BUS_DROP;
    }

    /// Largest per-channel `rms` of a level message, clamped to [kSilenceDb, 0].
    static double loudestChannel(const GstStructure* s) {
        double loudest = kSilenceDb;
        const GValue* rms = gst_structure_get_value(s, "rms");
        if (!rms)
            return loudest;
        G_GNUC_BEGIN_IGNORE_DEPRECATIONS
        const GValueArray* channels = static_cast<const GValueArray*>(g_value_get_boxed(rms));
        for (guint i = 0; channels && i < channels->n_values; ++i) {
            const double v = g_value_get_double(&channels->values[i]);
            if (std::isfinite(v))
                loudest = std::max(loudest, v);
        }
        G_GNUC_END_IGNORE_DEPRECATIONS
        return std::min(loudest, 0.0);
    }

    template <typename Work> static void post(gpointer ref, Work&& work) {
        GstRelay::from(ref).post<WebRtcEndpoint>(std::forward<Work>(work));
    }
};

QStringList WebRtcEndpoint::requiredElements(bool voiceProcessing) {
    QStringList required{QStringLiteral("webrtcbin"),     QStringLiteral("nicesrc"),
                         QStringLiteral("dtlssrtpenc"),   QStringLiteral("audioconvert"),
                         QStringLiteral("audioresample"), QStringLiteral("level"),
                         QStringLiteral("volume"),        QStringLiteral("valve"),
                         QStringLiteral("decodebin"),     QStringLiteral("audiomixer"),
                         QStringLiteral("rtpdtmfmux")};
    if (voiceProcessing)
        required << QStringLiteral("webrtcdsp") << QStringLiteral("webrtcechoprobe");
    return required;
}

bool WebRtcEndpoint::buildPipeline() {
    QString error;
    if (!Gst::ensureInitialized(&error)) {
        fail(QStringLiteral("GStreamer unavailable: %1").arg(error));
        return false;
    }
    const QStringList required = requiredElements(m_config.voiceProcessing);
    if (const QStringList missing = Gst::missingElements(required); !missing.isEmpty()) {
        fail(QStringLiteral("missing GStreamer elements: %1 (packaging/install-deps.sh)")
                 .arg(elementList(missing)));
        return false;
    }
    const QList<AudioCodec> available = AudioCodec::available();
    for (const QString& name : m_config.codecs) {
        for (const AudioCodec& c : available) {
            if (c.encodingName.compare(name, Qt::CaseInsensitive) == 0)
                m_codecs << c;
        }
    }
    // telephone-event only at the clock rate of a voice codec (RFC 4733 §7.1.1).
    m_codecs.removeIf([this](const AudioCodec& event) {
        return event.isTelephoneEvent() &&
               std::none_of(m_codecs.begin(), m_codecs.end(), [&event](const AudioCodec& c) {
                   return c.isVoice() && c.clockRate == event.clockRate;
               });
    });
    if (std::none_of(m_codecs.begin(), m_codecs.end(), [](const auto& c) { return c.isVoice(); })) {
        fail(QStringLiteral("no usable voice codec among %1").arg(m_config.codecs.join(u',')));
        return false;
    }

    m_id = nextEndpointId++;
    const QString probe = QStringLiteral("callboardprobe%1").arg(m_id);
    const QString dsp =
        m_config.voiceProcessing ? QStringLiteral("webrtcdsp probe=%1 ! ").arg(probe) : QString();
    const QString echoProbe = m_config.voiceProcessing
                                  ? QStringLiteral(" ! webrtcechoprobe name=%1").arg(probe)
                                  : QString();
    const qint64 intervalNs = qint64(std::max(10, m_config.levelIntervalMs)) * 1000000;
    // The capture and playback bins are added by insertDevice() (WebRtcEndpointDevices.cpp),
    // before `capturehead` and after `playbacktail`, so that they can be replaced in a call.
    const QString description =
        QStringLiteral("webrtcbin name=webrtc bundle-policy=max-bundle "
                       "audioconvert name=capturehead ! audioresample ! "
                       "audio/x-raw,rate=48000,channels=1 ! %1"
                       "level name=inlevel post-messages=true interval=%2 ! volume name=mute ! "
                       "valve name=sendgate drop=true "
                       "audiomixer name=playmix ! audio/x-raw,rate=48000,channels=1,format=S16LE ! "
                       "level name=outlevel post-messages=true interval=%2%3 ! "
                       "tee name=playbacktail allow-not-linked=true")
            .arg(dsp)
            .arg(intervalNs)
            .arg(echoProbe);
    GError* parseError = nullptr;
    GstElement* pipeline = gst_parse_launch(description.toUtf8().constData(), &parseError);
    if (parseError) {
        fail(QStringLiteral("cannot build the pipeline: %1")
                 .arg(QString::fromUtf8(parseError->message)));
        g_error_free(parseError);
        if (pipeline)
            gst_object_unref(pipeline);
        return false;
    }
    m_pipeline = pipeline;
    m_webrtc = gst_bin_get_by_name(GST_BIN(pipeline), "webrtc");
    m_valve = gst_bin_get_by_name(GST_BIN(pipeline), "sendgate");
    m_volume = gst_bin_get_by_name(GST_BIN(pipeline), "mute");
    m_captureHead = gst_bin_get_by_name(GST_BIN(pipeline), "capturehead");
    m_playbackTail = gst_bin_get_by_name(GST_BIN(pipeline), "playbacktail");
    g_object_set(m_volume, "mute", gboolean(m_muted), nullptr);
    QString deviceError;
    if (!insertDevice(DeviceRole::Capture, m_config.sourceDescription, &deviceError) ||
        !insertDevice(DeviceRole::Playback, m_config.sinkDescription, &deviceError)) {
        fail(QStringLiteral("cannot build the pipeline: %1").arg(deviceError));
        teardownPipeline();
        return false;
    }

    if (!m_config.stunServer.isEmpty())
        g_object_set(m_webrtc, "stun-server", m_config.stunServer.toUtf8().constData(), nullptr);
    for (const QString& turn : m_config.turnServers) {
        gboolean added = FALSE;
        g_signal_emit_by_name(m_webrtc, "add-turn-server", turn.toUtf8().constData(), &added);
        if (!added)
            qCWarning(lcMedia) << "webrtcbin rejected TURN server" // no password in the log
                               << QUrl(turn).toString(QUrl::RemoveUserInfo);
    }

    GstPad* sinkPad = gst_element_request_pad_simple(m_webrtc, "sink_%u");
    GstWebRTCRTPTransceiver* transceiver = nullptr;
    g_object_get(sinkPad, "transceiver", &transceiver, nullptr);
    m_sinkPad = sinkPad;
    m_transceiver = transceiver;
    QList<int> payloadTypes;
    for (const AudioCodec& c : m_codecs)
        payloadTypes << c.payloadType;
    setCodecPreferences(m_codecs, payloadTypes);
    // Always sendrecv for webrtcbin; the negotiated direction is applied by the send valve and
    // the SDP rewrite (WebRtcEndpoint.cpp), see setRemoteDescription().
    g_object_set(m_transceiver, "direction", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDRECV,
                 nullptr);

    connectRelayed(m_webrtc, "on-negotiation-needed", Callbacks::negotiationNeeded, m_relay);
    connectRelayed(m_webrtc, "notify::ice-gathering-state", Callbacks::gatheringState, m_relay);
    connectRelayed(m_webrtc, "notify::connection-state", Callbacks::connectionState, m_relay);
    connectRelayed(m_webrtc, "pad-added", Callbacks::padAdded, m_relay);
    GstBus* bus = gst_element_get_bus(pipeline);
    gst_bus_set_sync_handler(bus, Callbacks::busMessage, GstRelay::newRef(m_relay),
                             GstRelay::releaseRef);
    gst_object_unref(bus);

    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        fail(QStringLiteral("the pipeline refused to start (source: %1, sink: %2)")
                 .arg(m_config.sourceDescription, m_config.sinkDescription));
        teardownPipeline();
        return false;
    }
    qCInfo(lcMedia) << "endpoint" << m_id << "started; offering" << [this] {
        QStringList names;
        for (const AudioCodec& c : m_codecs)
            names << c.encodingName;
        return names;
    }();
    return true;
}

void WebRtcEndpoint::teardownPipeline() {
    if (!m_pipeline)
        return;
    gst_element_set_state(m_pipeline, GST_STATE_NULL);
    GstBus* bus = gst_element_get_bus(m_pipeline);
    gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
    gst_object_unref(bus);
    if (m_transceiver)
        gst_object_unref(m_transceiver);
    if (m_sinkPad)
        gst_object_unref(m_sinkPad);
    gst_object_unref(m_playbackTail);
    gst_object_unref(m_captureHead);
    gst_object_unref(m_volume);
    gst_object_unref(m_valve);
    gst_object_unref(m_webrtc);
    gst_object_unref(m_pipeline);
    m_transceiver = m_sinkPad = nullptr;
    m_volume = m_valve = m_webrtc = m_pipeline = nullptr;
    m_captureHead = m_playbackTail = m_capture = m_playback = nullptr;
    m_sendMux = m_dtmfSource = nullptr;
}

void WebRtcEndpoint::setCodecPreferences(const QList<AudioCodec>& codecs,
                                         const QList<int>& payloadTypes) {
    GstCaps* caps = gst_caps_new_empty();
    for (qsizetype i = 0; i < codecs.size(); ++i) {
        AudioCodec c = codecs[i];
        c.payloadType = payloadTypes.value(i, c.payloadType);
        gst_caps_append(caps, gst_caps_from_string(c.rtpCaps().toUtf8().constData()));
    }
    g_object_set(m_transceiver, "codec-preferences", caps, nullptr);
    gst_caps_unref(caps);
}

bool WebRtcEndpoint::linkSendCodec(const AudioCodec& codec, int payloadType) {
    QString encoder = codec.encoder;
    if (codec.encodingName == QLatin1String("OPUS"))
        encoder += QStringLiteral(" bitrate=%1 audio-type=voice frame-size=%2 complexity=%3")
                       .arg(m_config.opusBitrate)
                       .arg(m_config.opusFrameMs)
                       .arg(m_config.opusComplexity);
    const QString description = QStringLiteral("audioconvert ! audioresample ! %1 ! %2 pt=%3")
                                    .arg(encoder, codec.payloader)
                                    .arg(payloadType);
    GError* error = nullptr;
    GstElement* bin =
        gst_parse_bin_from_description(description.toUtf8().constData(), TRUE, &error);
    if (error) {
        fail(QStringLiteral("cannot build the %1 encoder: %2")
                 .arg(codec.encodingName, QString::fromUtf8(error->message)));
        g_error_free(error);
        return false;
    }
    gst_bin_add(GST_BIN(m_pipeline), bin);
    GstPad* binSink = gst_element_get_static_pad(bin, "sink");
    GstPad* valveSrc = gst_element_get_static_pad(m_valve, "src");
    const bool toWebrtc = linkSendMux(bin);
    const GstPadLinkReturn fromValve = gst_pad_link(valveSrc, binSink);
    gst_object_unref(valveSrc);
    gst_object_unref(binSink);
    if (!toWebrtc || fromValve != GST_PAD_LINK_OK) {
        fail(QStringLiteral("cannot link the %1 encoder (%2/%3)")
                 .arg(codec.encodingName)
                 .arg(int(fromValve))
                 .arg(toWebrtc));
        return false;
    }
    gst_element_sync_state_with_parent(bin);
    qCInfo(lcMedia) << "endpoint" << m_id << "sends" << codec.encodingName << "pt" << payloadType;
    return true;
}

void WebRtcEndpoint::setSendGateOpen(bool open) {
    if (m_valve)
        g_object_set(m_valve, "drop", gboolean(!open), nullptr);
}

} // namespace media
