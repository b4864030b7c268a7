#include "CommandExecutor.h"

#include "core/JsonText.h"
#include "wcs/Session.h"

namespace cli {

namespace {

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1StringView(key)).toString();
}

QJsonObject result(const QString& cmd, bool ok, const QString& id = {}, const QString& error = {}) {
    QJsonObject r{{QStringLiteral("type"), QStringLiteral("CommandResult")},
                  {QStringLiteral("cmd"), cmd},
                  {QStringLiteral("ok"), ok}};
    if (!id.isEmpty()) {
        r.insert(QStringLiteral("id"), id);
    }
    if (!error.isEmpty()) {
        r.insert(QStringLiteral("error"), error);
    }
    return r;
}

QJsonObject idResult(const QString& cmd, const QString& id) {
    return result(cmd, !id.isEmpty(), id, id.isEmpty() ? QStringLiteral("refused") : QString());
}

QJsonObject boolResult(const QString& cmd, bool ok, const QString& id) {
    return result(cmd, ok, id, ok ? QString() : QStringLiteral("refused"));
}

} // namespace

QJsonObject CommandExecutor::execute(wcs::Session& s, const QJsonObject& c) {
    const QString cmd = str(c, "cmd");
    const QString callId = str(c, "callId");
    const QString msId = str(c, "mediaSessionId");
    if (cmd == QLatin1StringView("call")) {
        wcs::CallRequest r;
        r.callee = str(c, "callee");
        r.hasVideo = c.value(QLatin1StringView("hasVideo")).toBool(false);
        r.visibleName = str(c, "visibleName");
        if (r.callee.isEmpty()) {
            return result(cmd, false, {}, QStringLiteral("'callee' is required"));
        }
        return idResult(cmd, s.call(r));
    }
    if (cmd == QLatin1StringView("answer")) {
        return boolResult(cmd, s.answer(callId), callId);
    }
    if (cmd == QLatin1StringView("hangup")) {
        return boolResult(cmd, s.hangUp(callId), callId);
    }
    if (cmd == QLatin1StringView("hold")) {
        return boolResult(
            cmd, s.hold(callId, c.value(QLatin1StringView("holdForTransfer")).toBool()), callId);
    }
    if (cmd == QLatin1StringView("unhold")) {
        return boolResult(cmd, s.unhold(callId), callId);
    }
    if (cmd == QLatin1StringView("transfer")) {
        return boolResult(cmd, s.transfer(callId, str(c, "target")), callId);
    }
    if (cmd == QLatin1StringView("dtmf")) {
        auto type = core::fromWire<core::DtmfType>(QStringView(str(c, "dtmfType")));
        if (type.isUnknown()) {
            type = core::DtmfType::Rfc2833;
        }
        return boolResult(cmd, s.sendDtmf(callId, str(c, "digits"), type.value), callId);
    }
    if (cmd == QLatin1StringView("publish") || cmd == QLatin1StringView("play")) {
        wcs::StreamRequest r;
        r.name = str(c, "name");
        r.record = c.value(QLatin1StringView("record")).toBool(false);
        if (r.name.isEmpty()) {
            return result(cmd, false, {}, QStringLiteral("'name' is required"));
        }
        return idResult(cmd,
                        cmd == QLatin1StringView("publish") ? s.publishStream(r) : s.playStream(r));
    }
    if (cmd == QLatin1StringView("unpublish")) {
        return boolResult(cmd, s.unPublishStream(msId), msId);
    }
    if (cmd == QLatin1StringView("stop")) {
        return boolResult(cmd, s.stopStream(msId), msId);
    }
    if (cmd == QLatin1StringView("send-data")) {
        const QByteArray json = core::JsonText::serialize(c.value(QLatin1StringView("payload")));
        return idResult(cmd, s.sendData(json));
    }
    if (cmd == QLatin1StringView("debug")) {
        const bool on = c.value(QLatin1StringView("on")).toBool(true);
        return boolResult(cmd, on ? s.startDebug() : s.stopDebug(), {});
    }
    if (cmd == QLatin1StringView("available")) {
        return idResult(cmd, s.availableStream(str(c, "name")));
    }
    if (cmd == QLatin1StringView("snapshot")) {
        return idResult(cmd, s.snapshot(str(c, "name"), msId));
    }
    return result(cmd, false, {}, QStringLiteral("unknown cmd"));
}

} // namespace cli
