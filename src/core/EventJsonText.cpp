#include "core/EventJsonText.h"

#include "core/JsonTextWriter.h"

using namespace Qt::Literals::StringLiterals;

namespace core {

// Each function writes the keys of the matching EventJson::toJson in QJsonObject order
// (ascending ASCII), with the same presence rules: null strings, empty optionals, negative codes
// and empty JSON text are left out; `type`, `status` and the object's id are always written.

namespace {

void put(JsonTextWriter& w, QLatin1StringView key, const QString& v) {
    if (!v.isNull()) {
        w.string(key, v);
    }
}

void put(JsonTextWriter& w, QLatin1StringView key, const std::optional<bool>& v) {
    if (v) {
        w.boolean(key, *v);
    }
}

void put(JsonTextWriter& w, QLatin1StringView key, const std::optional<int>& v) {
    if (v) {
        w.integer(key, *v);
    }
}

void putCode(JsonTextWriter& w, QLatin1StringView key, int v) {
    if (v >= 0) {
        w.integer(key, v);
    }
}

void putJson(JsonTextWriter& w, QLatin1StringView key, const QByteArray& json) {
    if (!json.isEmpty()) {
        w.json(key, QByteArrayView(json));
    }
}

void putJson(JsonTextWriter& w, QLatin1StringView key, const QString& json) {
    if (!json.isEmpty()) {
        w.json(key, QStringView(json));
    }
}

} // namespace

QByteArray EventJsonText::toJson(const ConnectionStatusEvent& e) {
    JsonTextWriter w;
    put(w, "appKey"_L1, e.appKey);
    putCode(w, "closeCode"_L1, e.closeCode);
    put(w, "info"_L1, e.info);
    put(w, "nodeId"_L1, e.nodeId);
    put(w, "sessionId"_L1, e.sessionId);
    put(w, "sipLogin"_L1, e.sipLogin);
    w.string("status"_L1, e.status.text());
    w.string("type"_L1, u"ConnectionStatusEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const RegistrationStatusEvent& e) {
    JsonTextWriter w;
    put(w, "info"_L1, e.info);
    put(w, "sipLogin"_L1, e.sipLogin);
    putCode(w, "sipStatus"_L1, e.sipStatus);
    w.string("status"_L1, e.status.text());
    w.string("type"_L1, u"RegistrationStatusEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const CallStatusEvent& e) {
    JsonTextWriter w(512);
    put(w, "appKey"_L1, e.appKey);
    w.string("callId"_L1, e.callId);
    put(w, "callee"_L1, e.callee);
    put(w, "caller"_L1, e.caller);
    putJson(w, "custom"_L1, e.custom);
    put(w, "hasAudio"_L1, e.hasAudio);
    put(w, "hasVideo"_L1, e.hasVideo);
    put(w, "holdForTransfer"_L1, e.holdForTransfer);
    put(w, "incoming"_L1, e.incoming);
    if (e.isIncomingCallOffer) {
        w.boolean("incomingCall"_L1, true);
    }
    put(w, "info"_L1, e.info);
    putJson(w, "inviteParameters"_L1, e.inviteParameters);
    put(w, "mediaProvider"_L1, e.mediaProvider);
    put(w, "nodeId"_L1, e.nodeId);
    put(w, "parentCallId"_L1, e.parentCallId);
    put(w, "sessionId"_L1, e.sessionId);
    put(w, "sipMessageRaw"_L1, e.sipMessageRaw);
    putCode(w, "sipStatus"_L1, e.sipStatus);
    w.string("status"_L1, e.status.text());
    put(w, "target"_L1, e.target);
    w.string("type"_L1, u"CallStatusEvent");
    put(w, "visibleName"_L1, e.visibleName);
    return w.take();
}

QByteArray EventJsonText::toJson(const TransferStatusEvent& e) {
    JsonTextWriter w;
    w.string("callId"_L1, e.callId);
    put(w, "info"_L1, e.info);
    putCode(w, "sipStatus"_L1, e.sipStatus);
    w.string("status"_L1, e.status.text());
    put(w, "target"_L1, e.target);
    w.string("type"_L1, u"TransferStatusEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const StreamStatusEvent& e) {
    JsonTextWriter w(512);
    put(w, "appKey"_L1, e.appKey);
    putJson(w, "audioState"_L1, e.audioState);
    put(w, "bitrate"_L1, e.bitrate);
    put(w, "hasAudio"_L1, e.hasAudio);
    put(w, "hasVideo"_L1, e.hasVideo);
    put(w, "height"_L1, e.height);
    put(w, "info"_L1, e.info);
    put(w, "mediaProvider"_L1, e.mediaProvider);
    w.string("mediaSessionId"_L1, e.mediaSessionId);
    put(w, "name"_L1, e.name);
    put(w, "nodeId"_L1, e.nodeId);
    put(w, "published"_L1, e.published);
    put(w, "quality"_L1, e.quality);
    put(w, "record"_L1, e.record);
    put(w, "recordName"_L1, e.recordName);
    put(w, "sessionId"_L1, e.sessionId);
    w.string("status"_L1, e.status.text());
    w.string("type"_L1, u"StreamStatusEvent");
    putJson(w, "videoState"_L1, e.videoState);
    put(w, "width"_L1, e.width);
    return w.take();
}

QByteArray EventJsonText::toJson(const StreamKeepAliveEvent& e) {
    JsonTextWriter w;
    put(w, "appKey"_L1, e.appKey);
    put(w, "mediaProvider"_L1, e.mediaProvider);
    w.string("mediaSessionId"_L1, e.mediaSessionId);
    put(w, "name"_L1, e.name);
    put(w, "nodeId"_L1, e.nodeId);
    put(w, "published"_L1, e.published);
    put(w, "sessionId"_L1, e.sessionId);
    w.string("status"_L1, e.status.text());
    w.string("type"_L1, u"StreamKeepAliveEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const SessionDebugStatusEvent& e) {
    JsonTextWriter w;
    put(w, "file"_L1, e.file);
    w.string("status"_L1, e.status.text());
    w.string("type"_L1, u"SessionDebugStatusEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const DataStatusEvent& e) {
    JsonTextWriter w;
    put(w, "info"_L1, e.info);
    w.string("operationId"_L1, e.operationId);
    w.string("status"_L1, e.status.text());
    w.string("type"_L1, u"DataStatusEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const OnDataEvent& e) {
    JsonTextWriter w(128 + e.payload.size());
    put(w, "operationId"_L1, e.operationId);
    putJson(w, "payload"_L1, e.payload);
    w.string("type"_L1, u"OnDataEvent");
    return w.take();
}

QByteArray EventJsonText::toJson(const ErrorEvent& e) {
    JsonTextWriter w;
    put(w, "apiMethod"_L1, e.apiMethod);
    put(w, "id"_L1, e.id);
    put(w, "info"_L1, e.info);
    put(w, "status"_L1, e.status);
    w.string("type"_L1, u"ErrorEvent");
    return w.take();
}

} // namespace core
