// WebRtcEndpoint: the capture and playback bins, and replacing them in a running pipeline
// (GStreamer "Dynamically changing the pipeline"). Capture: the old source goes to NULL while
// still linked (its streaming thread ends after its last push), then leaves the pipeline; the
// new one is linked before it starts. Playback: the bin hangs off a request pad of
// `tee allow-not-linked=true`, released before the old bin stops, so the mixer never pushes
// into a stopping sink (no FLUSHING that would pause it). Runs on the Qt thread; deviceOf()
// also runs on the bus thread.
#include "media/WebRtcEndpoint.h"

#include "media/Logging.h"

#include <gst/gst.h>

namespace media {

namespace {

const char* const kCapturePrefix = "callboard-capture-";
const char* const kPlaybackPrefix = "callboard-playback-";

/// Sinks added to a playing pipeline must not wait for preroll (the pipeline would lose its
/// state); every element of a playback bin that has an `async` property gets async=false.
void disableAsync(GstElement* bin) {
    GstIterator* it = gst_bin_iterate_recurse(GST_BIN(bin));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto* element = GST_ELEMENT(g_value_get_object(&item));
        if (GST_OBJECT_FLAG_IS_SET(element, GST_ELEMENT_FLAG_SINK) &&
            g_object_class_find_property(G_OBJECT_GET_CLASS(element), "async"))
            g_object_set(element, "async", FALSE, nullptr);
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
}

/// The fallbacks after `description` for a role, most wanted first: the system default, then
/// an element that cannot fail (silence / discard).
QStringList fallbacksAfter(bool capture, const QString& description) {
    const QStringList chain =
        capture ? QStringList{QStringLiteral("autoaudiosrc"),
                              QStringLiteral("audiotestsrc is-live=true wave=silence")}
                : QStringList{QStringLiteral("autoaudiosink"),
                              QStringLiteral("fakesink sync=false async=false")};
    const qsizetype at = chain.indexOf(description);
    return at < 0 ? chain : chain.mid(at + 1);
}

} // namespace

bool WebRtcEndpoint::insertDevice(DeviceRole role, const QString& description, QString* error) {
    const bool capture = role == DeviceRole::Capture;
    GError* parseError = nullptr;
    GstElement* bin =
        gst_parse_bin_from_description(description.toUtf8().constData(), TRUE, &parseError);
    if (parseError) {
        *error = QStringLiteral("%1: %2").arg(description, QString::fromUtf8(parseError->message));
        g_error_free(parseError);
        if (bin)
            gst_object_unref(bin);
        return false;
    }
    const int generation = capture ? ++m_captureGeneration : ++m_playbackGeneration;
    const QByteArray name =
        QByteArray(capture ? kCapturePrefix : kPlaybackPrefix) + QByteArray::number(generation);
    gst_object_set_name(GST_OBJECT(bin), name.constData());
    if (!capture)
        disableAsync(bin);
    gst_bin_add(GST_BIN(m_pipeline), bin);
    const gboolean linked =
        capture ? gst_element_link(bin, m_captureHead) : gst_element_link(m_playbackTail, bin);
    if (!linked) {
        *error = QStringLiteral("%1: cannot link it (%2)")
                     .arg(description, capture ? QStringLiteral("it must produce raw audio")
                                               : QStringLiteral("it must take raw audio"));
        gst_bin_remove(GST_BIN(m_pipeline), bin);
        return false;
    }
    (capture ? m_capture : m_playback) = bin;
    GstState pipelineState = GST_STATE_NULL;
    gst_element_get_state(m_pipeline, &pipelineState, nullptr, 0);
    if (pipelineState != GST_STATE_NULL) {
        // READY first: autoaudiosink picks (and creates) its real sink there.
        bool started = gst_element_set_state(bin, GST_STATE_READY) != GST_STATE_CHANGE_FAILURE;
        if (started && !capture)
            disableAsync(bin);
        started = started && gst_element_sync_state_with_parent(bin);
        if (!started) {
            *error = QStringLiteral("%1: the element did not start").arg(description);
            removeDevice(role);
            return false;
        }
    }
    (capture ? m_config.sourceDescription : m_config.sinkDescription) = description;
    return true;
}

void WebRtcEndpoint::removeDevice(DeviceRole role) {
    GstElement*& bin = role == DeviceRole::Capture ? m_capture : m_playback;
    if (!bin)
        return;
    gst_object_ref(bin);
    gst_element_set_locked_state(bin, TRUE);
    if (role == DeviceRole::Capture) {
        gst_element_set_state(bin, GST_STATE_NULL);
        gst_bin_remove(GST_BIN(m_pipeline), bin);
    } else {
        GstPad* sink = gst_element_get_static_pad(bin, "sink");
        if (GstPad* teePad = gst_pad_get_peer(sink)) {
            gst_pad_unlink(teePad, sink);
            gst_element_release_request_pad(m_playbackTail, teePad);
            gst_object_unref(teePad);
        }
        gst_object_unref(sink);
        // Out of the pipeline before it stops: a sink going to PAUSED may post async-start,
        // which would make the pipeline lose its state.
        gst_bin_remove(GST_BIN(m_pipeline), bin);
        gst_element_set_state(bin, GST_STATE_NULL);
    }
    gst_object_unref(bin);
    bin = nullptr;
}

bool WebRtcEndpoint::switchDevice(DeviceRole role, const QString& description,
                                  const QString& failure) {
    const bool capture = role == DeviceRole::Capture;
    QStringList reasons;
    if (!failure.isEmpty())
        reasons << failure;
    bool requestedStarted = false;
    QString inUse;
    removeDevice(role);
    QStringList candidates{description};
    candidates += fallbacksAfter(capture, description);
    for (const QString& candidate : candidates) {
        QString error;
        if (insertDevice(role, candidate, &error)) {
            inUse = candidate;
            requestedStarted = candidate == description;
            break;
        }
        reasons << error;
    }
    if (!reasons.isEmpty()) {
        const QString reason = reasons.join(QStringLiteral("; "));
        qCWarning(lcMedia).noquote() << "endpoint" << m_id << (capture ? "capture" : "playback")
                                     << "failed:" << reason << "- now using" << inUse;
        Q_EMIT deviceFailed(reason);
    }
    if (inUse.isEmpty()) {
        fail(QStringLiteral("no %1 element could start")
                 .arg(capture ? QStringLiteral("capture") : QStringLiteral("playback")));
        return false;
    }
    qCInfo(lcMedia).noquote() << "endpoint" << m_id << (capture ? "captures from" : "plays to")
                              << inUse;
    if (capture)
        Q_EMIT sourceChanged(inUse);
    else
        Q_EMIT sinkChanged(inUse);
    return requestedStarted;
}

bool WebRtcEndpoint::setSourceDescription(const QString& description) {
    if (!m_pipeline) {
        m_config.sourceDescription = description;
        return true;
    }
    return switchDevice(DeviceRole::Capture, description, QString());
}

bool WebRtcEndpoint::setSinkDescription(const QString& description) {
    if (!m_pipeline) {
        m_config.sinkDescription = description;
        return true;
    }
    return switchDevice(DeviceRole::Playback, description, QString());
}

void WebRtcEndpoint::handleDeviceError(DeviceRole role, int generation, const QString& reason) {
    const bool capture = role == DeviceRole::Capture;
    if (!m_pipeline || generation != (capture ? m_captureGeneration : m_playbackGeneration))
        return; // a bin that was already replaced
    const QString failed = capture ? m_config.sourceDescription : m_config.sinkDescription;
    const QStringList next = fallbacksAfter(capture, failed);
    if (next.isEmpty()) {
        fail(reason);
        return;
    }
    switchDevice(role, next.first(), QStringLiteral("%1: %2").arg(failed, reason));
}

std::optional<std::pair<WebRtcEndpoint::DeviceRole, int>> WebRtcEndpoint::deviceOf(void* object) {
    auto* current = GST_OBJECT(gst_object_ref(static_cast<GstObject*>(object)));
    std::optional<std::pair<DeviceRole, int>> result;
    while (current && !result) {
        gchar* name = gst_object_get_name(current);
        const QByteArray text(name ? name : "");
        g_free(name);
        if (text.startsWith(kCapturePrefix))
            result = {DeviceRole::Capture, text.mid(qstrlen(kCapturePrefix)).toInt()};
        else if (text.startsWith(kPlaybackPrefix))
            result = {DeviceRole::Playback, text.mid(qstrlen(kPlaybackPrefix)).toInt()};
        GstObject* parent = gst_object_get_parent(current);
        gst_object_unref(current);
        current = parent;
    }
    if (current)
        gst_object_unref(current);
    return result;
}

} // namespace media
