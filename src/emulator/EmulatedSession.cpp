#include "emulator/EmulatedSession.h"

#include "emulator/CallEngine.h"
#include "emulator/ClientFrame.h"
#include "emulator/EmulatedConnection.h"
#include "emulator/EmulatorLog.h"
#include "emulator/JsonFields.h"
#include "emulator/Scenario.h"
#include "emulator/ServerFrames.h"
#include "emulator/SessionHooks.h"
#include "emulator/SipRegistrar.h"
#include "emulator/StreamEngine.h"
#include "emulator/StreamRegistry.h"
#include "emulator/Timeline.h"
#include "wcs/Codec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <functional>

namespace emulator {

namespace {

using L = QLatin1StringView;

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// "/127.0.0.1:5000/127.0.0.1:8080" -> "127.0.0.1_5000_127.0.0.1_8080" for a file name.
QString fileSafe(const QString& id) {
    QString out;
    for (const QChar c : id) {
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'-' ? c : u'_';
    }
    while (out.startsWith(u'_')) {
        out.remove(0, 1);
    }
    return out.isEmpty() ? QStringLiteral("session") : out;
}

} // namespace

EmulatedSession::EmulatedSession(const SessionContext& context, QObject* parent)
    : QObject(parent)
    , m_ctx(context)
    , m_calls(new CallEngine(*this, *context.sdp, *context.scenario, this))
    , m_streams(new StreamEngine(*this, *context.streams, *context.sdp, *context.scenario, this))
    , m_registrar(new SipRegistrar(*this, *context.scenario, this)) {
    if (context.hooks) {
        m_hooks = new SessionHooks(*context.hooks, *this, *context.streams, this);
    }
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcEmulator).noquote() << "session" << m_sessionId << "keep-alive grace over";
        end();
    });
}

EmulatedSession::~EmulatedSession() {
    if (!m_ended) {
        m_ctx.streams->endOwner(this);
    }
}

void EmulatedSession::attach(EmulatedConnection* connection) {
    m_conn = connection;
    m_conn->setParent(this);
    connect(m_conn, &EmulatedConnection::frameReceived, this, &EmulatedSession::onFrame);
    connect(m_conn, &EmulatedConnection::closed, this, &EmulatedSession::onConnectionClosed);
}

EmulatedConnection* EmulatedSession::takeConnection() {
    EmulatedConnection* c = m_conn;
    m_conn = nullptr;
    if (c) {
        c->disconnect(this);
        c->setParent(parent());
    }
    return c;
}

void EmulatedSession::sendFrame(const QByteArray& hookFrame) {
    if (m_ended) {
        return;
    }
    // REST event hooks (spec §13) see every status frame; clientExclude may trim it.
    const QByteArray frame = m_hooks ? m_hooks->event(hookFrame) : hookFrame;
    if (m_conn && m_conn->isOpen()) {
        qCDebug(lcEmulator).noquote() << "S>C" << m_conn->number() << wcs::Codec::redact(frame);
        m_conn->send(frame);
    } else if (m_established && m_keepAlive && m_queued.size() < kMaxQueuedFrames) {
        m_queued.append(frame);
    }
}

void EmulatedSession::onFrame(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    QString error;
    const auto frame = ClientFrame::parse(utf8, &error);
    const int conn = m_conn ? m_conn->number() : 0;
    if (!frame) {
        qCWarning(lcEmulator).noquote() << "conn" << conn << "malformed frame ignored:" << error
                                        << wcs::Codec::redact(utf8.left(300));
        return;
    }
    qCDebug(lcEmulator).noquote() << "C>S" << conn << wcs::Codec::redact(utf8);
    dispatch(frame->message, frame->arg);
}

void EmulatedSession::dispatch(const QString& message, const QJsonObject& arg) {
    using Handler = std::function<void(EmulatedSession&, const QJsonObject&)>;
    static const QHash<QString, Handler> handlers{
        {QStringLiteral("call"), [](auto& s, const auto& a) { s.m_calls->call(a); }},
        {QStringLiteral("answer"), [](auto& s, const auto& a) { s.m_calls->answer(a); }},
        {QStringLiteral("hangup"), [](auto& s, const auto& a) { s.m_calls->hangup(a); }},
        {QStringLiteral("hold"), [](auto& s, const auto& a) { s.m_calls->hold(a); }},
        {QStringLiteral("unhold"), [](auto& s, const auto& a) { s.m_calls->unhold(a); }},
        {QStringLiteral("transfer"), [](auto& s, const auto& a) { s.m_calls->transfer(a); }},
        {QStringLiteral("sendDtmf"), [](auto& s, const auto& a) { s.m_calls->sendDtmf(a); }},
        {QStringLiteral("publishStream"),
         [](auto& s, const auto& a) { s.m_streams->publishStream(a); }},
        {QStringLiteral("playStream"), [](auto& s, const auto& a) { s.m_streams->playStream(a); }},
        {QStringLiteral("unPublishStream"),
         [](auto& s, const auto& a) { s.m_streams->unPublishStream(a); }},
        {QStringLiteral("stopStream"), [](auto& s, const auto& a) { s.m_streams->stopStream(a); }},
        {QStringLiteral("availableStream"),
         [](auto& s, const auto& a) { s.m_streams->availableStream(a); }},
        {QStringLiteral("snapshot"), [](auto& s, const auto& a) { s.m_streams->snapshot(a); }},
        {QStringLiteral("sendStreamEvent"),
         [](auto& s, const auto& a) { s.m_streams->sendStreamEvent(a); }},
        {QStringLiteral("sendData"), [](auto& s, const auto& a) { s.handleSendData(a); }},
        {QStringLiteral("sessionDebug"), [](auto& s, const auto& a) { s.handleSessionDebug(a); }},
        {QStringLiteral("pushLogs"), [](auto& s, const auto&) { ++s.m_pushLogs; }},
    };
    if (message == L("pong")) {
        if (m_conn) {
            m_conn->notePong();
        }
        return;
    }
    if (message == L("ping")) {
        return; // client-side pingInterval (spec §2.2): no reply expected
    }
    if (!m_established && !m_mediaTransport) {
        if (message == L("connection")) {
            handleConnection(arg);
        } else if (message == L("connectMediaTransport")) {
            m_mediaTransport = true;
            qCInfo(lcEmulator) << "media transport socket (MSE/WSPlayer) opened; no media is sent";
        } else {
            qCWarning(lcEmulator).noquote() << message << "before `connection`, ignored";
        }
        return;
    }
    if (m_mediaTransport) {
        qCDebug(lcEmulator).noquote() << message << "on a media transport socket, ignored";
        return;
    }
    const auto it = handlers.constFind(message);
    if (it != handlers.cend() && m_hooks && m_hooks->active() &&
        SessionHooks::isInvocation(message)) {
        // A direct invocation waits for its REST hook (spec §13.2), which may veto it.
        const Handler handler = *it;
        m_hooks->invoke(message, arg, [this, handler](const QJsonObject& a) { handler(*this, a); });
    } else if (it != handlers.cend()) {
        (*it)(*this, arg);
    } else if (message == L("connection")) {
        qCWarning(lcEmulator) << "second `connection` on an established session ignored";
    } else if (message == L("submitBugReport") || message.startsWith(L("webRTCMetrics"))) {
        qCInfo(lcEmulator).noquote() << message << "accepted, nothing to reply";
    } else {
        ++m_unknown;
        qCWarning(lcEmulator).noquote() << "unknown message" << message << "ignored";
    }
}

void EmulatedSession::handleConnection(const QJsonObject& arg) {
    if (m_connecting) {
        qCWarning(lcEmulator)
            << "second `connection` while the backend decides on the first, ignored";
        return;
    }
    const QString token = JsonFields::string(arg, L("authToken"));
    if (!token.isEmpty() && m_ctx.findKeptAlive) {
        EmulatedSession* kept = m_ctx.findKeptAlive(token);
        if (kept && kept != this) {
            kept->resume(takeConnection(), arg);
            m_ended = true;
            Q_EMIT finished(this);
            return;
        }
        qCInfo(lcEmulator) << "authToken of no kept-alive session, starting a new one";
    }
    m_sessionId = m_conn->sessionKey();
    m_authToken = newId();
    m_keepAlive = JsonFields::boolean(arg, L("keepAlive")).value_or(false);
    m_sipLogin = JsonFields::string(arg, L("sipLogin"));
    m_nodeId = m_ctx.scenario->nodeId.isEmpty()
                   ? QStringLiteral("emulator@") + m_conn->serverAddress()
                   : m_ctx.scenario->nodeId;
    QString appKey = JsonFields::string(arg, L("appKey"));
    if (appKey.isEmpty()) {
        appKey = QStringLiteral("defaultApp"); // the SDK's default (spec §3.1)
    }
    if (m_hooks && m_hooks->begin(appKey, m_nodeId, m_sessionId)) {
        // WCS asks the backend first (spec §13.2 `connect`); a refusal declines the session.
        m_connecting = true;
        m_hooks->connect(arg, [this, arg](bool accepted, const QString& reason) {
            m_connecting = false;
            if (m_ended) {
                return;
            }
            if (!accepted) {
                qCInfo(lcEmulator).noquote() << "connect refused by the backend:" << reason;
                terminate(1008, reason);
                return;
            }
            completeConnection(arg);
        });
        return;
    }
    completeConnection(arg);
}

void EmulatedSession::completeConnection(const QJsonObject& arg) {
    sendUserData(arg);
    m_established = true;
    qCInfo(lcEmulator).noquote() << "session" << m_sessionId << "ESTABLISHED"
                                 << (m_keepAlive ? "(keepAlive)" : "");
    QList<Scenario::TimelineEntry> entries;
    for (const auto& e : m_ctx.scenario->timeline) {
        if (!e.serverScope) {
            entries.append(e);
        }
    }
    if (!entries.isEmpty()) {
        m_timeline = new Timeline(
            entries,
            [this](const QJsonObject& action) {
                QJsonObject a = action;
                a.insert(QStringLiteral("sessionId"), m_sessionId);
                if (m_ctx.runAction) {
                    m_ctx.runAction(a);
                }
            },
            this);
        m_timeline->start();
    }
    Q_EMIT established(m_sessionId);
    if (m_hooks && m_hooks->active()) {
        m_hooks->connectionStatus(QStringLiteral("ESTABLISHED"));
        m_hooks->startKeepAlive();
    }
    if (JsonFields::boolean(arg, L("sipRegisterRequired")).value_or(false)) {
        m_registrar->start(m_sipLogin, JsonFields::string(arg, L("sipPassword")));
    }
}

void EmulatedSession::resume(EmulatedConnection* connection, const QJsonObject& arg) {
    if (m_conn) { // the old socket is half-open: the client already gave up on it
        EmulatedConnection* old = takeConnection();
        old->drop();
        old->deleteLater();
    }
    m_graceTimer.stop();
    attach(connection);
    m_keepAlive = JsonFields::boolean(arg, L("keepAlive")).value_or(false);
    qCInfo(lcEmulator).noquote() << "session" << m_sessionId << "re-attached on conn"
                                 << connection->number() << "with" << m_queued.size()
                                 << "queued frames";
    sendUserData(arg);
    if (m_registrar->isRegistered()) {
        sendFrame(m_registrar->registeredFrame());
    }
    const QByteArrayList queued = std::exchange(m_queued, {});
    for (const QByteArray& f : queued) {
        sendFrame(f);
    }
}

void EmulatedSession::sendUserData(const QJsonObject& arg) {
    QJsonObject o = arg;
    o.remove(QStringLiteral("sipPassword")); // never echoed (spec §3.2, clientExclude)
    o.insert(QStringLiteral("sessionId"), m_sessionId);
    o.insert(QStringLiteral("nodeId"), m_nodeId);
    o.insert(QStringLiteral("status"), QStringLiteral("ESTABLISHED"));
    o.insert(QStringLiteral("authToken"), m_authToken);
    o.insert(QStringLiteral("useWsTunnel"), false);
    sendFrame(ServerFrames::frame(L("getUserData"), o));
}

void EmulatedSession::handleSendData(const QJsonObject& arg) {
    const QString operationId = JsonFields::string(arg, L("operationId"));
    if (operationId.isEmpty()) {
        qCWarning(lcEmulator) << "sendData without operationId ignored";
        return;
    }
    const QJsonValue payload = arg.value(L("payload"));
    const QByteArray text = QJsonDocument(QJsonArray{payload}).toJson(QJsonDocument::Compact);
    Scenario::DataRule rule;
    for (const auto& r : m_ctx.scenario->dataRules) {
        const bool keyOk =
            r.key.isEmpty() || (payload.isObject() && payload.toObject().contains(r.key));
        const bool textOk = r.contains.isEmpty() || text.contains(r.contains.toUtf8());
        if (keyOk && textOk) {
            rule = r;
            break;
        }
    }
    const auto reply = [this, operationId, rule, payload] {
        sendFrame(ServerFrames::frame(
            L("DataStatusEvent"),
            QJsonObject{
                {QStringLiteral("operationId"), operationId},
                {QStringLiteral("status"),
                 rule.accept ? QStringLiteral("ACCEPTED") : QStringLiteral("FAILED")},
                {QStringLiteral("info"), rule.info.isNull() ? QStringLiteral("") : rule.info}}));
        if (rule.echo) {
            pushData(QJsonObject{{QStringLiteral("echo"), payload},
                                 {QStringLiteral("from"), QStringLiteral("emulator")}});
        }
    };
    if (rule.delayMs > 0) {
        QTimer::singleShot(rule.delayMs, this, reply);
    } else {
        reply();
    }
}

void EmulatedSession::handleSessionDebug(const QJsonObject& arg) {
    const QString command = JsonFields::string(arg, L("command"));
    if (command == L("start")) {
        m_debugOn = true;
        sendFrame(ServerFrames::frame(
            L("notifySessionDebugEvent"),
            QJsonObject{{QStringLiteral("status"), QStringLiteral("STARTED")}}));
    } else if (command == L("stop")) {
        m_debugOn = false;
        sendFrame(ServerFrames::frame(
            L("notifySessionDebugEvent"),
            QJsonObject{{QStringLiteral("status"), QStringLiteral("STOPPED")},
                        {QStringLiteral("file"),
                         QStringLiteral("logs/client/%1.log").arg(fileSafe(m_sessionId))}}));
    } else {
        qCWarning(lcEmulator).noquote() << "sessionDebug with unknown command" << command;
    }
}

QString EmulatedSession::pushData(const QJsonValue& payload) {
    const QString operationId = newId();
    sendFrame(ServerFrames::frame(L("OnDataEvent"),
                                  QJsonObject{{QStringLiteral("operationId"), operationId},
                                              {QStringLiteral("payload"), payload}}));
    return operationId;
}

QJsonObject EmulatedSession::describe() const {
    QJsonArray streams;
    for (const auto& s : m_ctx.streams->ownedBy(this)) {
        streams.append(QJsonObject{{QStringLiteral("mediaSessionId"), s.mediaSessionId},
                                   {QStringLiteral("name"), s.name},
                                   {QStringLiteral("published"), s.published},
                                   {QStringLiteral("status"), QString(core::toWire(s.status))}});
    }
    return QJsonObject{
        {QStringLiteral("sessionId"), m_sessionId},
        {QStringLiteral("conn"), m_conn ? QJsonValue(m_conn->number()) : QJsonValue()},
        {QStringLiteral("attached"), m_conn != nullptr},
        {QStringLiteral("missedPings"), m_conn ? m_conn->missedPings() : 0},
        {QStringLiteral("keepAlive"), m_keepAlive},
        {QStringLiteral("sipLogin"), m_sipLogin},
        {QStringLiteral("registered"), m_registrar->isRegistered()},
        {QStringLiteral("debug"), m_debugOn},
        {QStringLiteral("pushLogs"), m_pushLogs},
        {QStringLiteral("unknownMessages"), m_unknown},
        {QStringLiteral("queuedFrames"), int(m_queued.size())},
        {QStringLiteral("calls"), m_calls->describe()},
        {QStringLiteral("streams"), streams}};
}

void EmulatedSession::onConnectionClosed() {
    EmulatedConnection* c = takeConnection();
    if (c) {
        c->deleteLater();
    }
    if (m_ended) {
        return;
    }
    if (m_established && m_keepAlive && !m_mediaTransport) {
        qCInfo(lcEmulator).noquote()
            << "session" << m_sessionId << "lost its socket, kept alive for"
            << m_ctx.scenario->keepAliveGraceMs << "ms";
        m_graceTimer.start(m_ctx.scenario->keepAliveGraceMs);
        return;
    }
    end();
}

void EmulatedSession::terminate(int code, const QString& reason) {
    if (m_ended) {
        return;
    }
    if (EmulatedConnection* c = takeConnection()) {
        // The connection outlives the session until the close handshake is over.
        connect(c, &EmulatedConnection::closed, c, &QObject::deleteLater);
        c->closeWith(code, reason);
        QTimer::singleShot(2000, c, [c] { c->drop(); });
    }
    end();
}

void EmulatedSession::end() {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_graceTimer.stop();
    if (m_timeline) {
        m_timeline->stop();
    }
    qCInfo(lcEmulator).noquote() << "session"
                                 << (m_sessionId.isEmpty() ? QStringLiteral("(new)") : m_sessionId)
                                 << "ended";
    if (m_hooks) {
        if (m_established) {
            m_hooks->sessionEnded();
            m_hooks->connectionStatus(QStringLiteral("DISCONNECTED"));
        }
        m_hooks->stop();
    }
    m_ctx.streams->endOwner(this);
    m_calls->dropAll();
    m_registrar->cancel();
    m_queued.clear();
    Q_EMIT finished(this);
}

} // namespace emulator
