// WebRtcEndpoint: webrtcbin actions that answer through a GstPromise (create-offer,
// create-answer, set-local-description, set-remote-description, get-stats). The change
// functions run on webrtcbin's task thread and post their result to the Qt thread.
#include "media/WebRtcEndpoint.h"

#include "media/GstRelay.h"
#include "media/Logging.h"
#include "media/SdpEditor.h"

#define GST_USE_UNSTABLE_API
#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

#include <QDateTime>

namespace media {

namespace {

/// User data of one promise: who to tell, which webrtcbin, which description type, and the
/// telephone-event formats a created description must list (SdpEditor::withTelephoneEvents).
struct PromiseContext {
    std::shared_ptr<GstRelay> relay;
    GstElement* webrtc = nullptr; ///< ref held
    SdpType type = SdpType::Offer;
    QList<std::pair<int, int>> telephoneEvents;

    static PromiseContext* create(const std::shared_ptr<GstRelay>& relay, GstElement* webrtc,
                                  SdpType type, QList<std::pair<int, int>> telephoneEvents = {}) {
        return new PromiseContext{relay, GST_ELEMENT(gst_object_ref(webrtc)), type,
                                  std::move(telephoneEvents)};
    }
    static void destroy(gpointer data) {
        auto* context = static_cast<PromiseContext*>(data);
        gst_object_unref(context->webrtc);
        delete context;
    }
};

/// The reply of a finished promise (nullptr when interrupted, expired or empty) and the text of
/// its `error` field, if any.
const GstStructure* replyOf(GstPromise* promise, QString* error) {
    if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED) {
        *error = QStringLiteral("interrupted");
        return nullptr;
    }
    const GstStructure* reply = gst_promise_get_reply(promise);
    GError* gerror = nullptr;
    if (reply && gst_structure_has_field(reply, "error") &&
        gst_structure_get(reply, "error", G_TYPE_ERROR, &gerror, nullptr) && gerror) {
        *error = QString::fromUtf8(gerror->message);
        g_error_free(gerror);
    }
    return reply;
}

/// `description` with the telephone-event formats webrtcbin 1.22 leaves out (see
/// WebRtcEndpoint: single-codec answers, re-offers narrowed to the flowing codec). Takes
/// ownership of `description` and returns it or its replacement.
GstWebRTCSessionDescription* withTelephoneEvents(GstWebRTCSessionDescription* description,
                                                 const QList<std::pair<int, int>>& events) {
    if (events.isEmpty())
        return description;
    gchar* text = gst_sdp_message_as_text(description->sdp);
    const QString before = QString::fromUtf8(text);
    g_free(text);
    const QString after = SdpEditor::withTelephoneEvents(before, events);
    if (after == before)
        return description;
    GstSDPMessage* message = nullptr;
    if (gst_sdp_message_new_from_text(after.toUtf8().constData(), &message) != GST_SDP_OK ||
        !message) {
        if (message)
            gst_sdp_message_free(message);
        qCWarning(lcMedia) << "cannot add telephone-event to the local description";
        return description;
    }
    GstWebRTCSessionDescription* edited =
        gst_webrtc_session_description_new(description->type, message);
    gst_webrtc_session_description_free(description);
    return edited;
}

} // namespace

struct WebRtcEndpoint::Promises {
    template <typename Work> static void post(PromiseContext* context, Work&& work) {
        context->relay->post<WebRtcEndpoint>(std::forward<Work>(work));
    }

    static void failed(PromiseContext* context, const char* step, const QString& error) {
        const QString what = QString::fromLatin1(step);
        post(context,
             [what, error](WebRtcEndpoint* self) { self->onDescriptionFailed(what, error); });
    }

    static void descriptionCreated(GstPromise* promise, gpointer data) {
        auto* context = static_cast<PromiseContext*>(data);
        const bool offer = context->type == SdpType::Offer;
        QString error;
        const GstStructure* reply = replyOf(promise, &error);
        GstWebRTCSessionDescription* description = nullptr;
        if (reply && error.isEmpty())
            gst_structure_get(reply, offer ? "offer" : "answer",
                              GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &description, nullptr);
        gst_promise_unref(promise);
        if (!description) {
            failed(context, offer ? "createOffer" : "createAnswer",
                   error.isEmpty() ? QStringLiteral("no description") : error);
            return;
        }
        description = withTelephoneEvents(description, context->telephoneEvents);
        auto* next = PromiseContext::create(context->relay, context->webrtc, context->type);
        GstPromise* set =
            gst_promise_new_with_change_func(localDescriptionSet, next, PromiseContext::destroy);
        g_signal_emit_by_name(context->webrtc, "set-local-description", description, set);
        gst_webrtc_session_description_free(description);
    }

    static void localDescriptionSet(GstPromise* promise, gpointer data) {
        auto* context = static_cast<PromiseContext*>(data);
        QString error;
        replyOf(promise, &error);
        gst_promise_unref(promise);
        if (!error.isEmpty()) {
            failed(context, "setLocalDescription", error);
            return;
        }
        const SdpType type = context->type;
        post(context, [type](WebRtcEndpoint* self) { self->onLocalDescriptionSet(type); });
    }

    static void remoteDescriptionSet(GstPromise* promise, gpointer data) {
        auto* context = static_cast<PromiseContext*>(data);
        QString error;
        replyOf(promise, &error);
        gst_promise_unref(promise);
        if (!error.isEmpty()) {
            failed(context, "setRemoteDescription", error);
            return;
        }
        const SdpType type = context->type;
        post(context, [type](WebRtcEndpoint* self) { self->onRemoteDescriptionSet(type); });
    }

    static void statsReceived(GstPromise* promise, gpointer data) {
        auto* context = static_cast<PromiseContext*>(data);
        QString error;
        const GstStructure* reply = replyOf(promise, &error);
        const MediaStats stats =
            MediaStats::fromWebRtcStats(reply, QDateTime::currentMSecsSinceEpoch());
        gst_promise_unref(promise);
        if (!error.isEmpty()) {
            qCWarning(lcMedia) << "get-stats failed:" << error;
            return;
        }
        post(context, [stats](WebRtcEndpoint* self) { self->onStats(stats); });
    }
};

void WebRtcEndpoint::startCreateDescription(SdpType type) {
    auto* context = PromiseContext::create(m_relay, m_webrtc, type, telephoneEventsFor(type));
    GstPromise* promise = gst_promise_new_with_change_func(Promises::descriptionCreated, context,
                                                           PromiseContext::destroy);
    g_signal_emit_by_name(m_webrtc, type == SdpType::Offer ? "create-offer" : "create-answer",
                          nullptr, promise);
}

void WebRtcEndpoint::startSetRemoteDescription(void* sdpMessage, SdpType type) {
    GstWebRTCSessionDescription* description = gst_webrtc_session_description_new(
        type == SdpType::Offer ? GST_WEBRTC_SDP_TYPE_OFFER : GST_WEBRTC_SDP_TYPE_ANSWER,
        static_cast<GstSDPMessage*>(sdpMessage));
    auto* context = PromiseContext::create(m_relay, m_webrtc, type);
    GstPromise* promise = gst_promise_new_with_change_func(Promises::remoteDescriptionSet, context,
                                                           PromiseContext::destroy);
    g_signal_emit_by_name(m_webrtc, "set-remote-description", description, promise);
    gst_webrtc_session_description_free(description);
}

void WebRtcEndpoint::startGetStats() {
    auto* context = PromiseContext::create(m_relay, m_webrtc, SdpType::Offer);
    GstPromise* promise =
        gst_promise_new_with_change_func(Promises::statsReceived, context, PromiseContext::destroy);
    g_signal_emit_by_name(m_webrtc, "get-stats", nullptr, promise);
}

} // namespace media
