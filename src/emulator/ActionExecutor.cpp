#include "emulator/ActionExecutor.h"

#include "emulator/ActionCatalog.h"
#include "emulator/BackgroundStreams.h"
#include "emulator/CallEngine.h"
#include "emulator/EmulatedConnection.h"
#include "emulator/EmulatedSession.h"
#include "emulator/EmulatorLog.h"
#include "emulator/JsonFields.h"
#include "emulator/ServerFrames.h"
#include "emulator/StreamRegistry.h"

#include <QJsonArray>

namespace emulator {

namespace {

using L = QLatin1StringView;

QJsonObject failure(const QString& error) {
    return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}

QJsonObject success(QJsonObject extra = {}) {
    extra.insert(QStringLiteral("ok"), true);
    return extra;
}

QString str(const QJsonObject& o, const char* key) {
    return JsonFields::string(o, QLatin1StringView(key));
}

int integer(const QJsonObject& o, const char* key, int def) {
    return int(JsonFields::integer(o, QLatin1StringView(key), 0, 1 << 30).value_or(def));
}

} // namespace

ActionExecutor::ActionExecutor(SessionList sessions, StreamRegistry& registry,
                               BackgroundStreams& background)
    : m_sessions(std::move(sessions))
    , m_registry(registry)
    , m_background(background) {}

QList<QPointer<EmulatedSession>> ActionExecutor::targets(const QJsonObject& action,
                                                         bool needSocket) const {
    const QString sessionId = str(action, "sessionId");
    QList<QPointer<EmulatedSession>> out;
    for (const QPointer<EmulatedSession>& guard : m_sessions()) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        if (!s || !s->isEstablished() || s->isEnded() || s->isMediaTransport()) {
            continue;
        }
        if (!sessionId.isEmpty() && s->sessionId() != sessionId) {
            continue;
        }
        if (needSocket && !s->connection()) {
            continue;
        }
        out.append(s);
    }
    return out;
}

QJsonObject ActionExecutor::execute(const QJsonObject& action) {
    const auto problems = ActionCatalog::validate(action);
    if (!problems.isEmpty()) {
        QStringList text;
        for (const auto& p : problems) {
            text << (p.key.isEmpty() ? p.message : p.key + QStringLiteral(": ") + p.message);
        }
        return failure(text.join(QStringLiteral("; ")));
    }
    const QString name = str(action, "action");
    qCInfo(lcEmulator).noquote() << "action" << name;
    if (name == L("sessions")) {
        return sessions();
    }
    if (name == L("streams")) {
        return streams();
    }
    if (name == L("streamFail")) {
        return streamFail(action);
    }
    if (name == L("streamStatus")) {
        return streamStatus(action);
    }
    if (name == L("publishBackground") || name == L("stopBackground")) {
        return background(name, action);
    }
    return perSession(name, action);
}

QJsonObject ActionExecutor::perSession(const QString& name, const QJsonObject& action) {
    const bool socketFault = name == L("drop") || name == L("stall") || name == L("garbage") ||
                             name == L("unknown") || name == L("delay") || name == L("close");
    const QList<QPointer<EmulatedSession>> list = targets(action, socketFault);
    QJsonArray ids;
    int acted = 0;
    for (const QPointer<EmulatedSession>& guard : list) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        // What an action does to one session must not be able to pull a later one from under
        // the loop: a target that is gone, has ended or has lost its socket meanwhile is skipped.
        if (!s || s->isEnded()) {
            continue;
        }
        EmulatedConnection* c = s->connection();
        if (socketFault && !c) {
            continue;
        }
        ++acted;
        if (name == L("incomingCall")) {
            CallEngine::Incoming in;
            in.caller = str(action, "caller");
            in.callee = action.contains(L("callee")) ? str(action, "callee") : s->sipLogin();
            in.visibleName = str(action, "visibleName");
            in.hasVideo = JsonFields::boolean(action, L("hasVideo")).value_or(false);
            in.cancelAfterMs = integer(action, "cancelAfterMs", 0);
            in.hangupAfterMs = integer(action, "hangupAfterMs", 0);
            in.echo = JsonFields::boolean(action, L("echo")).value_or(false);
            ids.append(s->calls().incoming(in));
        } else if (name == L("hangup")) {
            if (s->calls().remoteHangup(str(action, "callId"), str(action, "info"))) {
                ids.append(str(action, "callId"));
            }
        } else if (name == L("pushData")) {
            ids.append(s->pushData(action.value(L("payload"))));
        } else if (name == L("fail")) {
            s->sendFrame(ServerFrames::fail(str(action, "apiMethod"), str(action, "id"),
                                            str(action, "info"), str(action, "status")));
        } else if (name == L("drop")) {
            c->drop();
        } else if (name == L("stall")) {
            c->stall(integer(action, "ms", 0));
        } else if (name == L("garbage")) {
            c->sendGarbage(str(action, "text"));
        } else if (name == L("unknown")) {
            const QByteArray message = str(action, "message").toUtf8();
            c->send(ServerFrames::frame(
                message.isEmpty() ? L("emulatorUnknownMessage") : L(message),
                QJsonObject{
                    {QStringLiteral("note"), QStringLiteral("sent on purpose by the emulator")}}));
        } else if (name == L("delay")) {
            c->setDelay(integer(action, "ms", 0));
        } else if (name == L("close")) {
            s->terminate(integer(action, "code", 1000), str(action, "reason"));
        }
    }
    if (acted == 0) {
        return failure(
            str(action, "sessionId").isEmpty()
                ? QStringLiteral("no established session")
                : QStringLiteral("no established session '%1'").arg(str(action, "sessionId")));
    }
    QJsonObject reply{{QStringLiteral("sessions"), acted}};
    if (name == L("incomingCall") || name == L("hangup")) {
        if (ids.isEmpty()) {
            return failure(QStringLiteral("no call '%1'").arg(str(action, "callId")));
        }
        reply.insert(QStringLiteral("callId"), ids.first());
        reply.insert(QStringLiteral("callIds"), ids);
    } else if (name == L("pushData")) {
        reply.insert(QStringLiteral("operationId"), ids.first());
        reply.insert(QStringLiteral("operationIds"), ids);
    }
    return success(reply);
}

QJsonObject ActionExecutor::streamFail(const QJsonObject& action) {
    QString id = str(action, "mediaSessionId");
    if (id.isEmpty()) {
        const auto pub = m_registry.publisher(str(action, "name"));
        id = pub ? pub->mediaSessionId : QString();
    }
    const QString info =
        action.contains(L("info")) ? str(action, "info") : QStringLiteral("Failed by error");
    if (id.isEmpty() || !m_registry.setStatus(id, core::StreamStatus::Failed, info)) {
        return failure(QStringLiteral("no such live stream"));
    }
    return success({{QStringLiteral("mediaSessionId"), id}});
}

QJsonObject ActionExecutor::streamStatus(const QJsonObject& action) {
    const QString id = str(action, "mediaSessionId");
    const auto status = core::fromWire<core::StreamStatus>(QStringView(str(action, "status")));
    if (!m_registry.setStatus(id, status.value, str(action, "info"))) {
        return failure(QStringLiteral("no such live stream"));
    }
    return success({{QStringLiteral("mediaSessionId"), id}});
}

QJsonObject ActionExecutor::sessions() const {
    QJsonArray list;
    for (const QPointer<EmulatedSession>& guard : m_sessions()) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        if (s && s->isEstablished() && !s->isEnded()) {
            list.append(s->describe());
        }
    }
    return success({{QStringLiteral("sessions"), list},
                    {QStringLiteral("background"), m_background.describe()}});
}

QJsonObject ActionExecutor::streams() const {
    QJsonArray list;
    for (const auto& s : m_registry.all()) {
        QJsonObject o = StreamRegistry::statusObject(s, {});
        o.remove(QStringLiteral("info"));
        o.insert(QStringLiteral("sessionId"), s.sessionId);
        o.insert(QStringLiteral("background"), s.isBackground());
        list.append(o);
    }
    return success({{QStringLiteral("streams"), list}});
}

QJsonObject ActionExecutor::background(const QString& name, const QJsonObject& action) {
    QString error;
    if (name == L("publishBackground")) {
        Scenario::BackgroundStream b;
        b.name = str(action, "name");
        b.hasAudio = JsonFields::boolean(action, L("hasAudio")).value_or(true);
        b.hasVideo = JsonFields::boolean(action, L("hasVideo")).value_or(true);
        b.record = JsonFields::boolean(action, L("record")).value_or(false);
        b.viewers = integer(action, "viewers", 0);
        if (action.contains(L("mediaProvider"))) {
            b.mediaProvider = str(action, "mediaProvider");
        }
        error = m_background.publish(b);
    } else {
        error = m_background.stop(str(action, "name"),
                                  JsonFields::boolean(action, L("fail")).value_or(false),
                                  str(action, "info"));
    }
    if (!error.isNull()) {
        return failure(error);
    }
    const auto pub = m_registry.publisher(str(action, "name"));
    return success(pub ? QJsonObject{{QStringLiteral("mediaSessionId"), pub->mediaSessionId}}
                       : QJsonObject{});
}

} // namespace emulator
