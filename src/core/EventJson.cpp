#include "core/EventJson.h"

#include "core/JsonText.h"

namespace core {

namespace {

void put(QJsonObject& o, QLatin1StringView key, const QString& v) {
    if (!v.isNull()) {
        o.insert(key, v);
    }
}

template <typename T> void put(QJsonObject& o, QLatin1StringView key, const std::optional<T>& v) {
    if (v) {
        o.insert(key, *v);
    }
}

void putCode(QJsonObject& o, QLatin1StringView key, int v) {
    if (v >= 0) {
        o.insert(key, v);
    }
}

/// Embeds JSON text as a value; invalid text is kept as a string so nothing is lost.
void putJson(QJsonObject& o, QLatin1StringView key, const QByteArray& json) {
    if (json.isEmpty()) {
        return;
    }
    o.insert(key, JsonText::parse(json).value_or(QJsonValue(QString::fromUtf8(json))));
}

template <typename E> QJsonObject typed(QLatin1StringView type, const WireValue<E>& status) {
    QJsonObject o;
    o.insert(QLatin1StringView("type"), QString(type));
    o.insert(QLatin1StringView("status"), status.text());
    return o;
}

} // namespace

QJsonObject EventJson::toJson(const ConnectionStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("ConnectionStatusEvent"), e.status);
    put(o, QLatin1StringView("info"), e.info);
    put(o, QLatin1StringView("sessionId"), e.sessionId);
    put(o, QLatin1StringView("appKey"), e.appKey);
    put(o, QLatin1StringView("nodeId"), e.nodeId);
    put(o, QLatin1StringView("sipLogin"), e.sipLogin);
    putCode(o, QLatin1StringView("closeCode"), e.closeCode);
    return o;
}

QJsonObject EventJson::toJson(const RegistrationStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("RegistrationStatusEvent"), e.status);
    put(o, QLatin1StringView("info"), e.info);
    put(o, QLatin1StringView("sipLogin"), e.sipLogin);
    putCode(o, QLatin1StringView("sipStatus"), e.sipStatus);
    return o;
}

QJsonObject EventJson::toJson(const CallStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("CallStatusEvent"), e.status);
    o.insert(QLatin1StringView("callId"), e.callId);
    putCode(o, QLatin1StringView("sipStatus"), e.sipStatus);
    put(o, QLatin1StringView("info"), e.info);
    put(o, QLatin1StringView("caller"), e.caller);
    put(o, QLatin1StringView("callee"), e.callee);
    put(o, QLatin1StringView("visibleName"), e.visibleName);
    put(o, QLatin1StringView("incoming"), e.incoming);
    put(o, QLatin1StringView("hasAudio"), e.hasAudio);
    put(o, QLatin1StringView("hasVideo"), e.hasVideo);
    put(o, QLatin1StringView("mediaProvider"), e.mediaProvider);
    put(o, QLatin1StringView("sipMessageRaw"), e.sipMessageRaw);
    put(o, QLatin1StringView("parentCallId"), e.parentCallId);
    put(o, QLatin1StringView("target"), e.target);
    put(o, QLatin1StringView("holdForTransfer"), e.holdForTransfer);
    putJson(o, QLatin1StringView("custom"), e.custom);
    putJson(o, QLatin1StringView("inviteParameters"), e.inviteParameters);
    put(o, QLatin1StringView("nodeId"), e.nodeId);
    put(o, QLatin1StringView("appKey"), e.appKey);
    put(o, QLatin1StringView("sessionId"), e.sessionId);
    if (e.isIncomingCallOffer) {
        o.insert(QLatin1StringView("incomingCall"), true);
    }
    return o;
}

QJsonObject EventJson::toJson(const TransferStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("TransferStatusEvent"), e.status);
    o.insert(QLatin1StringView("callId"), e.callId);
    put(o, QLatin1StringView("target"), e.target);
    put(o, QLatin1StringView("info"), e.info);
    putCode(o, QLatin1StringView("sipStatus"), e.sipStatus);
    return o;
}

QJsonObject EventJson::toJson(const StreamStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("StreamStatusEvent"), e.status);
    o.insert(QLatin1StringView("mediaSessionId"), e.mediaSessionId);
    put(o, QLatin1StringView("name"), e.name);
    put(o, QLatin1StringView("info"), e.info);
    put(o, QLatin1StringView("published"), e.published);
    put(o, QLatin1StringView("hasAudio"), e.hasAudio);
    put(o, QLatin1StringView("hasVideo"), e.hasVideo);
    put(o, QLatin1StringView("record"), e.record);
    put(o, QLatin1StringView("recordName"), e.recordName);
    put(o, QLatin1StringView("width"), e.width);
    put(o, QLatin1StringView("height"), e.height);
    put(o, QLatin1StringView("bitrate"), e.bitrate);
    put(o, QLatin1StringView("quality"), e.quality);
    put(o, QLatin1StringView("mediaProvider"), e.mediaProvider);
    putJson(o, QLatin1StringView("audioState"), e.audioState.toUtf8());
    putJson(o, QLatin1StringView("videoState"), e.videoState.toUtf8());
    put(o, QLatin1StringView("nodeId"), e.nodeId);
    put(o, QLatin1StringView("appKey"), e.appKey);
    put(o, QLatin1StringView("sessionId"), e.sessionId);
    return o;
}

QJsonObject EventJson::toJson(const StreamKeepAliveEvent& e) {
    QJsonObject o = typed(QLatin1StringView("StreamKeepAliveEvent"), e.status);
    o.insert(QLatin1StringView("mediaSessionId"), e.mediaSessionId);
    put(o, QLatin1StringView("name"), e.name);
    put(o, QLatin1StringView("published"), e.published);
    put(o, QLatin1StringView("mediaProvider"), e.mediaProvider);
    put(o, QLatin1StringView("nodeId"), e.nodeId);
    put(o, QLatin1StringView("appKey"), e.appKey);
    put(o, QLatin1StringView("sessionId"), e.sessionId);
    return o;
}

QJsonObject EventJson::toJson(const SessionDebugStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("SessionDebugStatusEvent"), e.status);
    put(o, QLatin1StringView("file"), e.file);
    return o;
}

QJsonObject EventJson::toJson(const DataStatusEvent& e) {
    QJsonObject o = typed(QLatin1StringView("DataStatusEvent"), e.status);
    o.insert(QLatin1StringView("operationId"), e.operationId);
    put(o, QLatin1StringView("info"), e.info);
    return o;
}

QJsonObject EventJson::toJson(const OnDataEvent& e) {
    QJsonObject o;
    o.insert(QLatin1StringView("type"), QStringLiteral("OnDataEvent"));
    put(o, QLatin1StringView("operationId"), e.operationId);
    putJson(o, QLatin1StringView("payload"), e.payload);
    return o;
}

QJsonObject EventJson::toJson(const ErrorEvent& e) {
    QJsonObject o;
    o.insert(QLatin1StringView("type"), QStringLiteral("ErrorEvent"));
    put(o, QLatin1StringView("apiMethod"), e.apiMethod);
    put(o, QLatin1StringView("id"), e.id);
    put(o, QLatin1StringView("info"), e.info);
    put(o, QLatin1StringView("status"), e.status);
    return o;
}

} // namespace core
