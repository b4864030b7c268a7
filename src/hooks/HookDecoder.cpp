#include "hooks/HookDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace hooks {

namespace {

bool requireKey(const QJsonObject& o, QStringView key, QStringView event, QString* error) {
    if (!HookDecoder::text(o, key).isEmpty()) {
        return true;
    }
    if (error) {
        *error = u"%1 needs a non-empty string '%2'"_s.arg(event, key);
    }
    return false;
}

} // namespace

QString HookDecoder::text(const QJsonObject& o, QStringView key) {
    const QJsonValue v = o.value(key);
    if (v.isString()) {
        return v.toString();
    }
    if (v.isDouble()) {
        return QString::number(v.toDouble(), 'g', 17);
    }
    if (v.isBool()) {
        return v.toBool() ? u"true"_s : u"false"_s;
    }
    return {};
}

std::optional<bool> HookDecoder::boolean(const QJsonObject& o, QStringView key) {
    const QJsonValue v = o.value(key);
    if (v.isBool()) {
        return v.toBool();
    }
    if (v.isString()) {
        if (v.toString() == u"true") {
            return true;
        }
        if (v.toString() == u"false") {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<int> HookDecoder::integer(const QJsonObject& o, QStringView key) {
    const QJsonValue v = o.value(key);
    double d = std::numeric_limits<double>::quiet_NaN();
    if (v.isDouble()) {
        d = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        d = v.toString().trimmed().toDouble(&ok);
        if (!ok) {
            return std::nullopt;
        }
    }
    if (!std::isfinite(d) || d < std::numeric_limits<int>::min() ||
        d > std::numeric_limits<int>::max()) {
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<core::StreamStatusEvent> HookDecoder::streamStatus(const QJsonObject& o,
                                                                 QString* error) {
    if (!requireKey(o, u"mediaSessionId", u"StreamStatusEvent", error)) {
        return std::nullopt;
    }
    core::StreamStatusEvent e;
    e.mediaSessionId = text(o, u"mediaSessionId");
    e.name = text(o, u"name");
    e.status = core::fromWire<core::StreamStatus>(QStringView(text(o, u"status")));
    e.info = text(o, u"info");
    e.published = boolean(o, u"published");
    e.hasAudio = boolean(o, u"hasAudio");
    e.hasVideo = boolean(o, u"hasVideo");
    e.record = boolean(o, u"record");
    e.recordName = text(o, u"recordName");
    e.width = integer(o, u"width");
    e.height = integer(o, u"height");
    e.bitrate = integer(o, u"bitrate");
    e.quality = integer(o, u"quality");
    e.mediaProvider = text(o, u"mediaProvider");
    e.nodeId = text(o, u"nodeId");
    e.appKey = text(o, u"appKey");
    e.sessionId = text(o, u"sessionId");
    return e;
}

std::optional<core::StreamKeepAliveEvent> HookDecoder::streamKeepAlive(const QJsonObject& o,
                                                                       QString* error) {
    if (!requireKey(o, u"mediaSessionId", u"StreamKeepAliveEvent", error)) {
        return std::nullopt;
    }
    core::StreamKeepAliveEvent e;
    e.mediaSessionId = text(o, u"mediaSessionId");
    e.name = text(o, u"name");
    e.status = core::fromWire<core::StreamKeepAliveStatus>(QStringView(text(o, u"status")));
    e.published = boolean(o, u"published");
    e.mediaProvider = text(o, u"mediaProvider");
    e.nodeId = text(o, u"nodeId");
    e.appKey = text(o, u"appKey");
    e.sessionId = text(o, u"sessionId");
    return e;
}

core::ConnectionStatusEvent HookDecoder::connectionStatus(const QJsonObject& o) {
    core::ConnectionStatusEvent e;
    const QString status = text(o, u"status");
    e.status = status.isEmpty() ? core::SessionStatusValue(core::SessionStatus::Pending)
                                : core::fromWire<core::SessionStatus>(QStringView(status));
    e.info = text(o, u"info");
    e.sessionId = text(o, u"sessionId");
    e.appKey = text(o, u"appKey");
    e.nodeId = text(o, u"nodeId");
    e.sipLogin = text(o, u"sipLogin");
    return e;
}

core::RegistrationStatusEvent HookDecoder::registrationStatus(const QJsonObject& o) {
    core::RegistrationStatusEvent e;
    e.status = core::fromWire<core::RegistrationStatus>(QStringView(text(o, u"status")));
    e.info = text(o, u"info");
    e.sipLogin = text(o, u"sipLogin");
    e.sipStatus = integer(o, u"sipStatus").value_or(-1);
    return e;
}

std::optional<core::CallStatusEvent> HookDecoder::callStatus(const QJsonObject& o, QString* error) {
    if (!requireKey(o, u"callId", u"CallStatusEvent", error)) {
        return std::nullopt;
    }
    core::CallStatusEvent e;
    e.callId = text(o, u"callId");
    e.status = core::fromWire<core::CallStatus>(QStringView(text(o, u"status")));
    e.sipStatus = integer(o, u"sipStatus").value_or(-1);
    e.info = text(o, u"info");
    e.caller = text(o, u"caller");
    e.callee = text(o, u"callee");
    e.visibleName = text(o, u"visibleName");
    e.incoming = boolean(o, u"incoming");
    e.hasAudio = boolean(o, u"hasAudio");
    e.hasVideo = boolean(o, u"hasVideo");
    e.mediaProvider = text(o, u"mediaProvider");
    e.sipMessageRaw = text(o, u"sipMessageRaw");
    e.parentCallId = text(o, u"parentCallId");
    e.nodeId = text(o, u"nodeId");
    e.appKey = text(o, u"appKey");
    e.sessionId = text(o, u"sessionId");
    return e;
}

std::optional<core::TransferStatusEvent> HookDecoder::transferStatus(const QJsonObject& o,
                                                                     QString* error) {
    if (!requireKey(o, u"callId", u"TransferStatusEvent", error)) {
        return std::nullopt;
    }
    core::TransferStatusEvent e;
    e.callId = text(o, u"callId");
    e.status = core::fromWire<core::TransferStatus>(QStringView(text(o, u"status")));
    e.target = text(o, u"target");
    e.info = text(o, u"info");
    e.sipStatus = integer(o, u"sipStatus").value_or(-1);
    return e;
}

std::optional<core::DataStatusEvent> HookDecoder::dataStatus(const QJsonObject& o, QString* error) {
    if (!requireKey(o, u"operationId", u"DataStatusEvent", error)) {
        return std::nullopt;
    }
    core::DataStatusEvent e;
    e.operationId = text(o, u"operationId");
    e.status = core::fromWire<core::DataStatus>(QStringView(text(o, u"status")));
    e.info = text(o, u"info");
    return e;
}

core::OnDataEvent HookDecoder::onData(const QJsonObject& o) {
    core::OnDataEvent e;
    e.operationId = text(o, u"operationId");
    const QJsonValue payload = o.value(u"payload");
    if (payload.isUndefined() || payload.isNull()) {
        e.payload = QByteArrayLiteral("null");
    } else {
        // QJsonDocument holds objects and arrays only: wrap and strip for scalars.
        const QByteArray wrapped =
            QJsonDocument(QJsonArray{payload}).toJson(QJsonDocument::Compact);
        e.payload = wrapped.mid(1, wrapped.size() - 2);
    }
    return e;
}

core::SessionDebugStatusEvent HookDecoder::sessionDebugStatus(const QJsonObject& o) {
    core::SessionDebugStatusEvent e;
    e.status = core::fromWire<core::SessionDebugStatus>(QStringView(text(o, u"status")));
    e.file = text(o, u"file");
    return e;
}

core::ErrorEvent HookDecoder::error(const QJsonObject& o) {
    core::ErrorEvent e;
    e.apiMethod = text(o, u"apiMethod");
    e.id = text(o, u"id");
    e.info = text(o, u"info");
    e.status = text(o, u"status");
    return e;
}

} // namespace hooks
