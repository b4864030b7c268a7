// Client -> server commands of spec §5, and log redaction. Part of wcs::Codec.
#include "wcs/Codec.h"

#include "core/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace wcs {

namespace {

QByteArray frame(QLatin1StringView message, const QJsonValue& arg) {
    QJsonObject envelope;
    envelope.insert(QLatin1StringView("message"), QString(message));
    envelope.insert(QLatin1StringView("data"), QJsonArray{arg});
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

/// Any JSON text as a QJsonValue (scalars too); invalid or empty text gives null.
QJsonValue parseValue(QByteArrayView json) {
    return core::JsonText::parse(json).value_or(QJsonValue(QJsonValue::Null));
}

void putString(QJsonObject& o, QLatin1StringView key, const QString& value) {
    if (!value.isNull()) {
        o.insert(key, value);
    }
}

void putJsonObject(QJsonObject& o, QLatin1StringView key, QByteArrayView json) {
    const QJsonValue v = parseValue(json);
    if (v.isObject()) {
        o.insert(key, v);
    }
}

QJsonObject streamObject(const StreamRequest& r) {
    QJsonObject o;
    o.insert(QLatin1StringView("mediaSessionId"), r.mediaSessionId);
    o.insert(QLatin1StringView("name"), r.name);
    o.insert(QLatin1StringView("published"), r.published);
    o.insert(QLatin1StringView("hasVideo"), r.hasVideo);
    o.insert(QLatin1StringView("hasAudio"), r.hasAudio);
    o.insert(QLatin1StringView("status"), r.status);
    o.insert(QLatin1StringView("record"), r.record);
    return o;
}

/// Shared fields of publishStream and playStream (spec §5.2).
QJsonObject startObject(const StreamRequest& r) {
    QJsonObject o = streamObject(r);
    o.insert(QLatin1StringView("mediaProvider"), r.mediaProvider);
    o.insert(QLatin1StringView("sdp"), r.sdp);
    putJsonObject(o, QLatin1StringView("custom"), r.custom);
    o.insert(QLatin1StringView("bitrate"), r.bitrate);
    o.insert(QLatin1StringView("minBitrate"), r.minBitrate);
    o.insert(QLatin1StringView("maxBitrate"), r.maxBitrate);
    putString(o, QLatin1StringView("transport"), r.transport);
    return o;
}

QJsonObject callObject(const CallRequest& r) {
    QJsonObject o;
    o.insert(QLatin1StringView("callId"), r.callId);
    o.insert(QLatin1StringView("incoming"), r.incoming);
    o.insert(QLatin1StringView("hasVideo"), r.hasVideo);
    o.insert(QLatin1StringView("hasAudio"), r.hasAudio);
    o.insert(QLatin1StringView("status"), QStringLiteral("PENDING"));
    o.insert(QLatin1StringView("mediaProvider"), r.mediaProvider);
    o.insert(QLatin1StringView("sdp"), r.sdp);
    if (!r.sipSDP.isEmpty()) {
        o.insert(QLatin1StringView("sipSDP"), QJsonArray::fromStringList(r.sipSDP));
    }
    o.insert(QLatin1StringView("caller"), r.caller.isNull() ? QStringLiteral("") : r.caller);
    o.insert(QLatin1StringView("callee"), r.callee);
    putString(o, QLatin1StringView("visibleName"), r.visibleName);
    putJsonObject(o, QLatin1StringView("custom"), r.custom);
    putJsonObject(o, QLatin1StringView("inviteParameters"), r.inviteParameters);
    return o;
}

QJsonObject idObject(QLatin1StringView key, const QString& id) {
    QJsonObject o;
    o.insert(key, id);
    return o;
}

void redactValue(QJsonValue& v) {
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            if (key == QLatin1StringView("sipPassword") || key == QLatin1StringView("authToken") ||
                key == QLatin1StringView("password")) {
                if (!it.value().isNull()) {
                    it.value() = QStringLiteral("***");
                }
            } else {
                QJsonValue child = it.value();
                redactValue(child);
                it.value() = child;
            }
        }
        v = o;
    } else if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue child = a.at(i);
            redactValue(child);
            a.replace(i, child);
        }
        v = a;
    }
}

/// Best-effort redaction of text that is not valid JSON (a truncated or corrupt frame): the
/// value after every `"sipPassword"`, `"authToken"` or `"password"` key becomes `"***"`, up to
/// its closing quote, or up to the next `,` `}` `]` for a bare value, or to the end of the text.
QByteArray redactText(QByteArray text) {
    static constexpr std::array<QByteArrayView, 3> kKeys{QByteArrayView("\"sipPassword\""),
                                                         QByteArrayView("\"authToken\""),
                                                         QByteArrayView("\"password\"")};
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (const QByteArrayView key : kKeys) {
        qsizetype from = 0;
        while ((from = text.indexOf(key, from)) >= 0) {
            qsizetype i = from + key.size();
            from = i;
            while (i < text.size() && isSpace(text.at(i))) {
                ++i;
            }
            if (i >= text.size() || text.at(i) != ':') {
                continue; // the key text inside some value, not a key
            }
            ++i;
            while (i < text.size() && isSpace(text.at(i))) {
                ++i;
            }
            qsizetype end = i;
            if (end < text.size() && text.at(end) == '"') {
                ++end;
                while (end < text.size() && text.at(end) != '"') {
                    end += text.at(end) == '\\' ? 2 : 1;
                }
                end = std::min(end + 1, text.size());
            } else {
                while (end < text.size() && text.at(end) != ',' && text.at(end) != '}' &&
                       text.at(end) != ']') {
                    ++end;
                }
            }
            if (text.mid(i, end - i).trimmed() == "null") {
                continue;
            }
            text.replace(i, end - i, QByteArrayLiteral("\"***\""));
            from = i + 5;
        }
    }
    return text;
}

} // namespace

QByteArray Codec::connection(const ConnectionParameters& p) {
    QJsonObject o;
    o.insert(QLatin1StringView("appKey"), p.appKey);
    o.insert(QLatin1StringView("mediaProviders"), QJsonArray::fromStringList(p.mediaProviders));
    if (p.keepAlive) {
        o.insert(QLatin1StringView("keepAlive"), *p.keepAlive);
    }
    putString(o, QLatin1StringView("authToken"), p.authToken);
    o.insert(QLatin1StringView("clientVersion"), p.clientVersion);
    o.insert(QLatin1StringView("clientOSVersion"), p.clientOSVersion);
    o.insert(QLatin1StringView("clientBrowserVersion"), p.clientBrowserVersion);
    o.insert(QLatin1StringView("msePacketizationVersion"), p.msePacketizationVersion);
    putJsonObject(o, QLatin1StringView("custom"), p.custom);
    if (p.sendClientInfo) {
        o.insert(QLatin1StringView("clientInfo"), QJsonObject());
    }
    if (p.hasSip()) {
        o.insert(QLatin1StringView("sipLogin"), p.sipLogin);
        o.insert(QLatin1StringView("sipAuthenticationName"),
                 p.sipAuthenticationName.isEmpty() ? p.sipLogin : p.sipAuthenticationName);
        o.insert(QLatin1StringView("sipPassword"), p.sipPassword);
        o.insert(QLatin1StringView("sipDomain"), p.sipDomain);
        o.insert(QLatin1StringView("sipOutboundProxy"),
                 p.sipOutboundProxy.isEmpty() ? p.sipDomain : p.sipOutboundProxy);
        putString(o, QLatin1StringView("sipProxy"), p.sipProxy);
        o.insert(QLatin1StringView("sipPort"), p.sipPort.value_or(5060));
        o.insert(QLatin1StringView("sipRegisterRequired"), p.sipRegisterRequired.value_or(true));
        putString(o, QLatin1StringView("sipVisibleName"), p.sipVisibleName);
        putString(o, QLatin1StringView("sipContactParams"), p.sipContactParams);
    }
    return frame(QLatin1StringView("connection"), o);
}

QByteArray Codec::pong() {
    return frame(QLatin1StringView("pong"), QJsonValue::Null);
}

QByteArray Codec::ping() {
    return frame(QLatin1StringView("ping"), QJsonValue::Null);
}

QByteArray Codec::sendData(const QString& operationId, QByteArrayView payloadJson) {
    QJsonObject o = idObject(QLatin1StringView("operationId"), operationId);
    o.insert(QLatin1StringView("payload"), parseValue(payloadJson));
    return frame(QLatin1StringView("sendData"), o);
}

QByteArray Codec::sessionDebug(bool start) {
    QJsonObject o;
    o.insert(QLatin1StringView("command"),
             start ? QStringLiteral("start") : QStringLiteral("stop"));
    return frame(QLatin1StringView("sessionDebug"), o);
}

QByteArray Codec::pushLogs(const QString& logs) {
    return frame(QLatin1StringView("pushLogs"), idObject(QLatin1StringView("logs"), logs));
}

QByteArray Codec::submitBugReport(QByteArrayView reportJson) {
    const QJsonValue v = parseValue(reportJson);
    return frame(QLatin1StringView("submitBugReport"), v.isObject() ? v : QJsonObject());
}

QByteArray Codec::publishStream(const StreamRequest& r) {
    QJsonObject o = startObject(r);
    o.insert(QLatin1StringView("published"), true);
    putString(o, QLatin1StringView("rtmpUrl"), r.rtmpUrl);
    return frame(QLatin1StringView("publishStream"), o);
}

QByteArray Codec::playStream(const StreamRequest& r) {
    QJsonObject o = startObject(r);
    o.insert(QLatin1StringView("published"), false);
    o.insert(QLatin1StringView("record"), false);
    o.insert(QLatin1StringView("width"), r.width);
    o.insert(QLatin1StringView("height"), r.height);
    o.insert(QLatin1StringView("quality"), r.quality);
    return frame(QLatin1StringView("playStream"), o);
}

QByteArray Codec::unPublishStream(const StreamRequest& r) {
    QJsonObject o = streamObject(r);
    o.insert(QLatin1StringView("published"), true);
    o.insert(QLatin1StringView("record"), false);
    return frame(QLatin1StringView("unPublishStream"), o);
}

QByteArray Codec::stopStream(const StreamRequest& r) {
    QJsonObject o = streamObject(r);
    o.insert(QLatin1StringView("published"), false);
    o.insert(QLatin1StringView("record"), false);
    return frame(QLatin1StringView("stopStream"), o);
}

QByteArray Codec::availableStream(const QString& mediaSessionId, const QString& name) {
    QJsonObject o = idObject(QLatin1StringView("mediaSessionId"), mediaSessionId);
    o.insert(QLatin1StringView("name"), name);
    return frame(QLatin1StringView("availableStream"), o);
}

QByteArray Codec::snapshot(const QString& mediaSessionId, const QString& name) {
    QJsonObject o = idObject(QLatin1StringView("mediaSessionId"), mediaSessionId);
    o.insert(QLatin1StringView("name"), name);
    return frame(QLatin1StringView("snapshot"), o);
}

QByteArray Codec::sendStreamEvent(const QString& mediaSessionId, core::StreamEventType type,
                                  QByteArrayView payloadJson) {
    QJsonObject o = idObject(QLatin1StringView("mediaSessionId"), mediaSessionId);
    o.insert(QLatin1StringView("type"), QString(core::toWire(type)));
    if (type == core::StreamEventType::Data && !payloadJson.isEmpty()) {
        o.insert(QLatin1StringView("payload"), parseValue(payloadJson));
    }
    return frame(QLatin1StringView("sendStreamEvent"), o);
}

QByteArray Codec::call(const CallRequest& r) {
    QJsonObject o = callObject(r);
    o.insert(QLatin1StringView("incoming"), false);
    return frame(QLatin1StringView("call"), o);
}

QByteArray Codec::answer(const CallRequest& r) {
    QJsonObject o = callObject(r);
    o.insert(QLatin1StringView("incoming"), true);
    o.insert(QLatin1StringView("hasVideo"), true);
    return frame(QLatin1StringView("answer"), o);
}

QByteArray Codec::hangup(const QString& callId) {
    return frame(QLatin1StringView("hangup"), idObject(QLatin1StringView("callId"), callId));
}

QByteArray Codec::hold(const QString& callId, bool holdForTransfer) {
    QJsonObject o = idObject(QLatin1StringView("callId"), callId);
    if (holdForTransfer) {
        o.insert(QLatin1StringView("holdForTransfer"), true);
    }
    return frame(QLatin1StringView("hold"), o);
}

QByteArray Codec::unhold(const QString& callId) {
    return frame(QLatin1StringView("unhold"), idObject(QLatin1StringView("callId"), callId));
}

QByteArray Codec::sendDtmf(const QString& callId, const QString& dtmf, core::DtmfType type) {
    QJsonObject o = idObject(QLatin1StringView("callId"), callId);
    o.insert(QLatin1StringView("type"), QString(core::toWire(type)));
    o.insert(QLatin1StringView("dtmf"), dtmf);
    return frame(QLatin1StringView("sendDtmf"), o);
}

QByteArray Codec::transfer(const QString& callId, const QString& target) {
    QJsonObject o = idObject(QLatin1StringView("callId"), callId);
    o.insert(QLatin1StringView("target"), target);
    return frame(QLatin1StringView("transfer"), o);
}

QByteArray Codec::redact(QByteArrayView frameText) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(frameText.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError) {
        return redactText(frameText.first(std::min(frameText.size(), kMaxRawKept)).toByteArray());
    }
    QJsonValue v = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    redactValue(v);
    return v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
}

} // namespace wcs
