#include "hooks/HookServer.h"

#include "hooks/GuardedTcpServer.h"
#include "hooks/HookHttpEndpoint.h"
#include "hooks/HookNames.h"
#include "hooks/HookSignature.h"
#include "hooks/HooksLogging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace hooks {

namespace {

using Status = QHttpServerResponder::StatusCode;

QByteArray header(const QHttpServerRequest& request, QByteArrayView name) {
    for (const auto& [key, value] : request.headers()) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool isJsonContentType(const QByteArray& value) {
    const qsizetype semi = value.indexOf(';');
    const QByteArray mime = (semi < 0 ? value : value.left(semi)).trimmed().toLower();
    return mime == "application/json";
}

QString methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    default:
        return u"this method"_s;
    }
}

} // namespace

HookServer::HookServer(std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : std::make_shared<core::SystemClock>()) {
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &HookServer::tick);
}

HookServer::~HookServer() {
    close();
}

void HookServer::setOptions(const HookServerOptions& options) {
    m_options = options;
    while (m_options.pathPrefix.endsWith(u'/')) {
        m_options.pathPrefix.chop(1);
    }
    if (!m_options.pathPrefix.isEmpty() && !m_options.pathPrefix.startsWith(u'/')) {
        m_options.pathPrefix.prepend(u'/');
    }
}

bool HookServer::listen() {
    close();
    GuardedTcpServer::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    limits.requestTimeoutMs = m_options.requestTimeoutMs;
    limits.idleTimeoutMs = m_options.idleTimeoutMs;
    limits.maxConnections = m_options.maxConnections;
    m_tcp = new GuardedTcpServer(limits, this);
    if (!m_tcp->listen(m_options.address, m_options.port)) {
        m_error = u"cannot listen on %1:%2: %3"_s.arg(m_options.address.toString())
                      .arg(m_options.port)
                      .arg(m_tcp->errorString());
        qCWarning(lcHooks).noquote() << "hook server:" << m_error;
        delete m_tcp.data();
        m_tcp = nullptr;
        return false;
    }
    connect(m_tcp, &GuardedTcpServer::rejected, this,
            [this](int status, const QString& reason, const QHostAddress&) {
                count(status, QString());
                ++m_counters.errors;
                Q_EMIT requestRejected(status, reason, QString());
            });
    m_http = new HookHttpEndpoint(
        [this](const QHttpServerRequest& r, QTcpSocket* s, QHttpServerResponder&& responder) {
            handle(r, s, std::move(responder));
        },
        this);
    m_http->bind(m_tcp);
    m_error.clear();
    m_tick.start();
    qCInfo(lcHooks).noquote() << "hook server listening on" << baseUrl().toString()
                              << (m_secret.isEmpty() ? "(no signature check)"
                                                     : "(Authorization: WCS checked)");
    return true;
}

void HookServer::close() {
    m_tick.stop();
    // bind() made the TCP server (and so its sockets) a child of the HTTP endpoint.
    delete m_http;
    m_http = nullptr;
    delete m_tcp.data();
    m_tcp = nullptr;
}

bool HookServer::isListening() const {
    return m_tcp && m_tcp->isListening();
}

quint16 HookServer::port() const {
    return isListening() ? m_tcp->serverPort() : 0;
}

QUrl HookServer::baseUrl() const {
    QUrl url;
    url.setScheme(u"http"_s);
    QHostAddress host = m_options.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4) {
        host = QHostAddress(QHostAddress::LocalHost);
    } else if (host == QHostAddress::AnyIPv6) {
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    }
    url.setHost(host.toString());
    url.setPort(isListening() ? port() : m_options.port);
    url.setPath(m_options.pathPrefix);
    return url;
}

HookCounters HookServer::counters() const {
    return m_counters;
}

int HookServer::connectionCount() const {
    return m_tcp ? m_tcp->connectionCount() : 0;
}

bool HookServer::allowed(const QHostAddress& address) const {
    if (m_options.allowList.isEmpty()) {
        return true;
    }
    QHostAddress a = address;
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    if (isV4) {
        a = QHostAddress(v4); // ::ffff:a.b.c.d matches IPv4 subnets
    }
    for (const auto& [subnet, prefix] : m_options.allowList) {
        if (a.isInSubnet(subnet, prefix)) {
            return true;
        }
    }
    return false;
}

void HookServer::handle(const QHttpServerRequest& request, QTcpSocket* socket,
                        QHttpServerResponder&& responder) {
    if (m_tcp) {
        m_tcp->requestCompleted(socket);
    }
    const QString path = request.url().path();
    if (!allowed(request.remoteAddress())) {
        fail(responder, 403,
             u"client address %1 is not allowed"_s.arg(request.remoteAddress().toString()), path);
        return;
    }
    const QString& prefix = m_options.pathPrefix;
    if (!path.startsWith(prefix + u'/')) {
        fail(responder, 404, u"no hooks under %1 (prefix is '%2')"_s.arg(path, prefix), path);
        return;
    }
    const QString name = path.mid(prefix.size() + 1);
    const HookKind kind = HookNames::kind(name);
    if (kind == HookKind::Unknown) {
        fail(responder, 404, u"unknown hook name '%1'"_s.arg(name.left(100)), path);
        return;
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        const QString reason =
            u"%1 is not allowed for hook '%2': use POST"_s.arg(methodName(request.method()), name);
        qCInfo(lcHooks).noquote() << "hook request" << path << "refused: 405" << reason;
        count(405, name);
        ++m_counters.errors;
        responder.write(
            QJsonDocument(QJsonObject{{u"error"_s, reason}}).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Allow", "POST"}}, Status::MethodNotAllowed);
        Q_EMIT requestRejected(405, reason, path);
        return;
    }
    const QByteArray contentType = header(request, "content-type");
    if (!isJsonContentType(contentType)) {
        fail(responder, 400,
             u"Content-Type must be application/json, got '%1'"_s.arg(
                 QString::fromLatin1(contentType.left(100))),
             path);
        return;
    }
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes) {
        fail(responder, 413,
             u"body of %1 bytes is over the limit of %2 bytes"_s.arg(body.size())
                 .arg(m_options.maxBodyBytes),
             path);
        return;
    }
    if (!m_secret.isEmpty() &&
        !HookSignature::verify(header(request, "authorization"), body, m_secret)) {
        fail(responder, 403, u"missing or wrong 'Authorization: WCS <HMAC-MD5>' signature"_s, path);
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(responder, 400,
             u"body is not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                 .arg(parseError.offset),
             path);
        return;
    }
    if (!doc.isObject()) {
        fail(responder, 400, u"body must be a JSON object"_s, path);
        return;
    }
    HookRequest hook;
    hook.name = name;
    hook.kind = kind;
    hook.body = doc.object();
    hook.nodeId = HookDecoder::text(hook.body, u"nodeId");
    hook.appKey = HookDecoder::text(hook.body, u"appKey");
    hook.sessionId = HookDecoder::text(hook.body, u"sessionId");
    hook.remoteAddress = request.remoteAddress();
    hook.receivedMs = m_clock->nowMs();
    dispatch(hook, body, responder);
}

void HookServer::dispatch(const HookRequest& hook, const QByteArray& rawBody,
                          QHttpServerResponder& responder) {
    const QString& name = hook.name;
    const QString path = m_options.pathPrefix + u'/' + name;
    const QJsonObject& o = hook.body;
    if (hook.kind == HookKind::DirectInvocation || hook.kind == HookKind::IncomingInvocation) {
        const QString streamName = HookDecoder::text(o, u"name");
        if (const auto rule = m_policy.refusal(name, streamName)) {
            const QString reason =
                u"refused by rule %1 (%2 '%3')"_s.arg(rule->id).arg(rule->method, rule->pattern);
            qCInfo(lcHooks).noquote() << name << streamName << "from" << hook.nodeId << reason;
            count(403, name);
            ++m_counters.refused;
            responder.write(
                QJsonDocument(QJsonObject{{u"error"_s, reason}}).toJson(QJsonDocument::Compact),
                "application/json", Status::Forbidden);
            Q_EMIT invocationRefused(name, streamName, hook.nodeId, hook.appKey, rule->id);
            return;
        }
    }
    QString error;
    const auto bad = [&] { fail(responder, 400, error, path); };
    // Decode first: a body without its key field is refused before anything is raised.
    std::optional<core::StreamStatusEvent> stream;
    std::optional<core::StreamKeepAliveEvent> keepAlive;
    std::optional<core::CallStatusEvent> call;
    std::optional<core::TransferStatusEvent> transfer;
    std::optional<core::DataStatusEvent> data;
    if (name == u"StreamStatusEvent") {
        if (!(stream = HookDecoder::streamStatus(o, &error))) {
            return bad();
        }
    } else if (name == u"publishStream" || name == u"playStream") {
        if (!(stream = HookDecoder::streamStatus(o, &error))) {
            return bad();
        }
        stream->status = core::StreamStatus::Pending;
        stream->published = name == u"publishStream";
    } else if (name == u"StreamKeepAliveEvent") {
        if (!(keepAlive = HookDecoder::streamKeepAlive(o, &error))) {
            return bad();
        }
        if (m_policy.takeEnd(keepAlive->mediaSessionId)) {
            const QString reason =
                u"stream %1 ended by the operator"_s.arg(keepAlive->mediaSessionId);
            qCInfo(lcHooks).noquote() << "keep-alive answered 403:" << reason;
            count(403, name);
            ++m_counters.refused;
            responder.write(
                QJsonDocument(QJsonObject{{u"error"_s, reason}}).toJson(QJsonDocument::Compact),
                "application/json", Status::Forbidden);
            Q_EMIT streamEndRequested(keepAlive->mediaSessionId, hook.nodeId);
            return;
        }
    } else if (name == u"CallStatusEvent") {
        if (!(call = HookDecoder::callStatus(o, &error))) {
            return bad();
        }
    } else if (name == u"TransferStatusEvent") {
        if (!(transfer = HookDecoder::transferStatus(o, &error))) {
            return bad();
        }
    } else if (name == u"DataStatusEvent") {
        if (!(data = HookDecoder::dataStatus(o, &error))) {
            return bad();
        }
    }

    count(200, name);
    ++m_counters.accepted;
    if (name == u"connect" && !m_restConfig.isEmpty()) {
        QJsonObject reply = o;
        reply.insert(u"restClientConfig"_s, m_restConfig.toJson());
        responder.write(QJsonDocument(reply).toJson(QJsonDocument::Compact), "application/json",
                        Status::Ok);
    } else {
        responder.write(rawBody, "application/json", Status::Ok);
    }

    Q_EMIT hookReceived(hook);
    const QString& node = hook.nodeId;
    const QString& app = hook.appKey;
    if (stream) {
        Q_EMIT streamStatusReceived(node, app, *stream);
    } else if (keepAlive) {
        Q_EMIT streamKeepAliveReceived(node, app, *keepAlive);
    } else if (call) {
        Q_EMIT callStatusReceived(node, app, *call);
    } else if (transfer) {
        Q_EMIT transferStatusReceived(node, app, *transfer);
    } else if (data) {
        Q_EMIT dataStatusReceived(node, app, *data);
    } else if (name == u"connect" || name == u"ConnectionStatusEvent") {
        Q_EMIT connectionStatusReceived(node, app, HookDecoder::connectionStatus(o));
    } else if (name == u"RegistrationStatusEvent") {
        Q_EMIT registrationStatusReceived(node, app, HookDecoder::registrationStatus(o));
    } else if (name == u"OnDataEvent") {
        Q_EMIT onDataReceived(node, app, HookDecoder::onData(o));
    } else if (name == u"SessionDebugStatusEvent") {
        Q_EMIT sessionDebugStatusReceived(node, app, HookDecoder::sessionDebugStatus(o));
    } else if (name == u"ErrorEvent") {
        Q_EMIT errorReceived(node, app, HookDecoder::error(o));
    }
}

void HookServer::fail(QHttpServerResponder& responder, int status, const QString& reason,
                      const QString& path) {
    qCInfo(lcHooks).noquote() << "hook request" << path.left(200) << "refused:" << status << reason;
    count(status, path.section(u'/', -1));
    ++m_counters.errors;
    responder.write(QJsonDocument(QJsonObject{{u"error"_s, reason}}).toJson(QJsonDocument::Compact),
                    "application/json", static_cast<Status>(status));
    Q_EMIT requestRejected(status, reason, path);
}

void HookServer::count(int status, const QString& name) {
    const qint64 now = m_clock->nowMs();
    const qint64 second = now / 1000;
    if (second != m_second) {
        m_counters.requestsPerSecond =
            second == m_second + 1 ? static_cast<double>(m_inSecond) : 0.0;
        m_second = second;
        m_inSecond = 0;
    }
    ++m_inSecond;
    ++m_counters.requests;
    m_counters.lastRequestMs = now;
    m_counters.lastRequestName = name;
    m_counters.lastStatus = status;
}

void HookServer::tick() {
    const qint64 second = m_clock->nowMs() / 1000;
    if (second != m_second) {
        m_counters.requestsPerSecond =
            second == m_second + 1 ? static_cast<double>(m_inSecond) : 0.0;
        m_second = second;
        m_inSecond = 0;
    }
    if (m_counters.requests != m_lastEmitted) {
        m_lastEmitted = m_counters.requests;
        Q_EMIT countersChanged();
    }
}

} // namespace hooks
