#include "emulator/SessionHooks.h"

#include "emulator/EmulatedStream.h"
#include "emulator/EmulatorLog.h"
#include "emulator/FrameSink.h"
#include "emulator/ServerFrames.h"
#include "emulator/StreamRegistry.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace emulator {

namespace {

using L = QLatin1StringView;
using Config = hooks::RestMethodConfig;

struct HookOf {
    QString hook;  ///< REST method name (spec §13.1)
    QString idKey; ///< field naming the object concerned, empty when none
};

/// Client commands that are direct invocations (spec §13.2) -> hook name and id field.
const QHash<QString, HookOf>& invocations() {
    static const QHash<QString, HookOf> t{
        {u"call"_s, {u"call"_s, u"callId"_s}},
        {u"answer"_s, {u"answer"_s, u"callId"_s}},
        {u"hangup"_s, {u"hangup"_s, u"callId"_s}},
        {u"hold"_s, {u"hold"_s, u"callId"_s}},
        {u"unhold"_s, {u"unhold"_s, u"callId"_s}},
        {u"transfer"_s, {u"transfer"_s, u"callId"_s}},
        {u"sendDtmf"_s, {u"sendDtmf"_s, u"callId"_s}},
        {u"publishStream"_s, {u"publishStream"_s, u"mediaSessionId"_s}},
        {u"playStream"_s, {u"playStream"_s, u"mediaSessionId"_s}},
        {u"unPublishStream"_s, {u"unPublishStream"_s, u"mediaSessionId"_s}},
        {u"stopStream"_s, {u"stopStream"_s, u"mediaSessionId"_s}},
        {u"snapshot"_s, {u"snapshot"_s, u"mediaSessionId"_s}},
        {u"sendData"_s, {u"OnDataEvent"_s, u"operationId"_s}},
        {u"sessionDebug"_s, {u"sessionDebug"_s, QString()}},
        {u"pushLogs"_s, {u"pushLogs"_s, QString()}},
        {u"submitBugReport"_s, {u"submitBugReport"_s, QString()}},
    };
    return t;
}

/// Server -> client status frames (spec §4, §11) -> event hook name and id field.
const QHash<QString, HookOf>& events() {
    static const QHash<QString, HookOf> t{
        {u"notifyStreamStatusEvent"_s, {u"StreamStatusEvent"_s, u"mediaSessionId"_s}},
        {u"notifyTryingResponse"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"ring"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"sessionProgress"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"talk"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"hold"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"busy"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"finish"_s, {u"CallStatusEvent"_s, u"callId"_s}},
        {u"registered"_s, {u"RegistrationStatusEvent"_s, QString()}},
        {u"notifyTransferEvent"_s, {u"TransferStatusEvent"_s, u"callId"_s}},
        {u"DataStatusEvent"_s, {u"DataStatusEvent"_s, u"operationId"_s}},
        {u"notifySessionDebugEvent"_s, {u"SessionDebugStatusEvent"_s, QString()}},
    };
    return t;
}

QJsonObject without(QJsonObject o, const QString& fields) {
    for (const QString& f : hooks::RestClientConfig::fieldList(fields)) {
        o.remove(f);
    }
    return o;
}

} // namespace

SessionHooks::SessionHooks(RestHookClient& client, FrameSink& sink, StreamRegistry& registry,
                           QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_sink(sink)
    , m_registry(registry) {
    QObject::connect(&m_keepAlive, &QTimer::timeout, this, &SessionHooks::keepAliveTick);
}

bool SessionHooks::begin(const QString& appKey, const QString& nodeId, const QString& sessionId) {
    m_appKey = appKey;
    m_nodeId = nodeId;
    m_sessionId = sessionId;
    m_active = m_client.enabledFor(appKey);
    return m_active;
}

QJsonObject SessionHooks::withIdentity(QJsonObject body, const QString& method) const {
    body = without(std::move(body), m_config.method(method).restExclude);
    body.insert(u"nodeId"_s, m_nodeId);
    body.insert(u"appKey"_s, m_appKey);
    if (!body.contains(u"sessionId")) {
        body.insert(u"sessionId"_s, m_sessionId);
    }
    return body;
}

void SessionHooks::connect(const QJsonObject& connection,
                           std::function<void(bool, const QString&)> then) {
    m_client.post(m_appKey, u"connect"_s, withIdentity(connection, u"connect"_s), this,
                  [this, then](const RestHookClient::Result& r) {
                      if (r.ok()) {
                          m_config = hooks::RestClientConfig::fromJson(
                              r.body.value(u"restClientConfig").toObject());
                          then(true, QString());
                      } else if (r.status == 0) {
                          qCWarning(lcEmulator).noquote()
                              << "connect hook:" << r.error << "- accepted (restOnError LOG)";
                          then(true, QString());
                      } else {
                          then(false, r.error);
                      }
                  });
}

bool SessionHooks::isInvocation(const QString& message) {
    return invocations().contains(message);
}

void SessionHooks::invoke(const QString& message, const QJsonObject& arg, Proceed proceed) {
    m_queue.append(Pending{message, arg, std::move(proceed)});
    if (!m_busy) {
        runNext();
    }
}

void SessionHooks::runNext() {
    while (!m_busy && !m_queue.isEmpty() && !m_stopped) {
        Pending p = m_queue.takeFirst();
        const HookOf of = invocations().value(p.message);
        const Config cfg = m_config.method(of.hook);
        if (cfg.restPolicy == Config::Policy::Disable) {
            p.proceed(p.arg);
            continue;
        }
        m_busy = true;
        m_client.post(m_appKey, of.hook, withIdentity(p.arg, of.hook), this,
                      [this, p, cfg](const RestHookClient::Result& r) {
                          m_busy = false;
                          if (r.ok()) {
                              QJsonObject a = p.arg;
                              if (cfg.restPolicy == Config::Policy::Overwrite) {
                                  for (const QString& f :
                                       hooks::RestClientConfig::fieldList(cfg.restOverwrite)) {
                                      if (r.body.contains(f)) {
                                          a.insert(f, r.body.value(f));
                                      }
                                  }
                              }
                              p.proceed(a);
                          } else if (r.status == 403 || cfg.restOnError == Config::OnError::Fail) {
                              veto(p.message, p.arg, r);
                          } else {
                              p.proceed(p.arg); // restOnError LOG: logged, go on
                          }
                          runNext();
                      });
    }
}

void SessionHooks::veto(const QString& message, const QJsonObject& arg,
                        const RestHookClient::Result& r) {
    const HookOf of = invocations().value(message);
    const QString id = of.idKey.isEmpty() ? QString() : arg.value(of.idKey).toString();
    qCInfo(lcEmulator).noquote() << message << id << "vetoed by the backend:" << r.error;
    if (message == u"publishStream" || message == u"playStream") {
        EmulatedStream s;
        s.mediaSessionId = id;
        s.name = arg.value(u"name").toString();
        s.published = message == u"publishStream";
        s.status = core::StreamStatus::Failed;
        s.sessionId = m_sessionId;
        m_sink.sendFrame(
            StreamRegistry::statusFrame(s, r.status == 403 ? u"Restricted access"_s : r.error));
    } else if (message == u"sendData") {
        m_sink.sendFrame(ServerFrames::frame(
            L("DataStatusEvent"),
            QJsonObject{{u"operationId"_s, id}, {u"status"_s, u"FAILED"_s}, {u"info"_s, r.error}}));
    } else {
        m_sink.sendFrame(ServerFrames::frame(L("fail"), QJsonObject{{u"apiMethod"_s, of.hook},
                                                                    {u"id"_s, id},
                                                                    {u"status"_s, u"FAILED"_s},
                                                                    {u"info"_s, r.error}}));
    }
}

QByteArray SessionHooks::event(const QByteArray& frame) {
    if (!m_active || m_stopped) {
        return frame;
    }
    QJsonObject root = QJsonDocument::fromJson(frame).object();
    const auto it = events().constFind(root.value(u"message").toString());
    if (it == events().cend()) {
        return frame;
    }
    QJsonArray data = root.value(u"data").toArray();
    const QJsonObject obj = data.isEmpty() ? QJsonObject() : data.at(0).toObject();
    const Config cfg = m_config.method(it->hook);
    if (cfg.restPolicy != Config::Policy::Disable) {
        postEvent(it->hook, withIdentity(obj, it->hook),
                  it->idKey.isEmpty() ? QString() : obj.value(it->idKey).toString());
    }
    if (cfg.clientExclude.isEmpty() || data.isEmpty()) {
        return frame;
    }
    data.replace(0, without(obj, cfg.clientExclude));
    root.insert(u"data"_s, data);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

void SessionHooks::postEvent(const QString& method, const QJsonObject& body,
                             const QString& objectId) {
    const Config cfg = m_config.method(method);
    m_client.post(
        m_appKey, method, body, this,
        [this, method, objectId, cfg](const RestHookClient::Result& r) {
            if (r.ok() || cfg.restOnError != Config::OnError::Fail || m_stopped) {
                return;
            }
            // §13.4: events cannot be undone; the client gets a separate ErrorEvent.
            m_sink.sendFrame(ServerFrames::frame(
                L("fail"),
                QJsonObject{{u"apiMethod"_s, method}, {u"id"_s, objectId}, {u"info"_s, r.error}}));
        });
}

void SessionHooks::connectionStatus(const QString& status, const QString& info) {
    if (!m_active) {
        return;
    }
    QJsonObject body{{u"status"_s, status}};
    if (!info.isEmpty()) {
        body.insert(u"info"_s, info);
    }
    if (m_config.method(u"ConnectionStatusEvent"_s).restPolicy != Config::Policy::Disable) {
        postEvent(u"ConnectionStatusEvent"_s, withIdentity(body, u"ConnectionStatusEvent"_s),
                  m_sessionId);
    }
}

void SessionHooks::startKeepAlive() {
    if (m_active && m_client.keepAliveIntervalMs() > 0) {
        m_keepAlive.start(m_client.keepAliveIntervalMs());
    }
}

void SessionHooks::sessionEnded() {
    if (!m_active || m_stopped) {
        return;
    }
    for (const EmulatedStream& s : m_registry.ownedBy(&m_sink)) {
        EmulatedStream ended = s;
        ended.status = s.published ? core::StreamStatus::Unpublished : core::StreamStatus::Stopped;
        const QString method = u"StreamStatusEvent"_s;
        if (m_config.method(method).restPolicy != Config::Policy::Disable) {
            postEvent(method,
                      withIdentity(
                          StreamRegistry::statusObject(ended, u"Stopped by session disconnect"_s),
                          method),
                      s.mediaSessionId);
        }
    }
}

void SessionHooks::stop() {
    m_stopped = true;
    m_keepAlive.stop();
    m_queue.clear();
}

void SessionHooks::keepAliveTick() {
    const QString method = u"StreamKeepAliveEvent"_s;
    if (m_config.method(method).restPolicy == Config::Policy::Disable) {
        return;
    }
    for (const EmulatedStream& s : m_registry.ownedBy(&m_sink)) {
        if (s.status != core::StreamStatus::Publishing && s.status != core::StreamStatus::Playing) {
            continue;
        }
        const QJsonObject body{{u"mediaSessionId"_s, s.mediaSessionId},
                               {u"name"_s, s.name},
                               {u"published"_s, s.published},
                               {u"status"_s, QString(core::toWire(s.status))},
                               {u"mediaProvider"_s, s.mediaProvider},
                               {u"hasAudio"_s, s.hasAudio},
                               {u"hasVideo"_s, s.hasVideo},
                               {u"sessionId"_s, s.sessionId}};
        const QString id = s.mediaSessionId;
        const Config cfg = m_config.method(method);
        m_client.post(
            m_appKey, method, withIdentity(body, method), this,
            [this, id, cfg, method](const RestHookClient::Result& r) {
                if (r.status == 403) {
                    // §11/§13.2: 403 to a keep-alive terminates the stream.
                    const auto now = m_registry.find(id);
                    if (now && (now->status == core::StreamStatus::Publishing ||
                                now->status == core::StreamStatus::Playing)) {
                        m_registry.setStatus(id, core::StreamStatus::Failed,
                                             u"Terminated by keep-alive"_s);
                    }
                } else if (!r.ok() && cfg.restOnError == Config::OnError::Fail && !m_stopped) {
                    m_sink.sendFrame(
                        ServerFrames::frame(L("fail"), QJsonObject{{u"apiMethod"_s, method},
                                                                   {u"id"_s, id},
                                                                   {u"info"_s, r.error}}));
                }
            });
    }
}

} // namespace emulator
