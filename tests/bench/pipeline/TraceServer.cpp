#include "TraceServer.h"

#include <QHostAddress>
#include <QWebSocket>
#include <QWebSocketServer>

namespace bench {

namespace {
constexpr qint64 kMaxQueuedBytes = 4 * 1024 * 1024;
} // namespace

TraceServer::TraceServer(QObject* parent)
    : QObject(parent) {}

TraceServer::~TraceServer() = default;

QString TraceServer::load(const QString& path) {
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot read %1: %2").arg(path, m_file.errorString());
    }
    const qint64 size = m_file.size();
    m_data = reinterpret_cast<const char*>(m_file.map(0, size));
    if (!m_data) {
        return QStringLiteral("cannot map %1").arg(path);
    }
    qint64 start = 0;
    for (qint64 i = 0; i < size; ++i) {
        if (m_data[i] == '\n') {
            if (i > start) {
                m_lines.emplace_back(start, static_cast<int>(i - start));
                m_bytes += i - start;
            }
            start = i + 1;
        }
    }
    if (size > start) {
        m_lines.emplace_back(start, static_cast<int>(size - start));
        m_bytes += size - start;
    }
    return m_lines.empty() ? QStringLiteral("%1 has no frames").arg(path) : QString();
}

QString TraceServer::listen() {
    m_server = new QWebSocketServer(QStringLiteral("callboard-bench-pipeline"),
                                    QWebSocketServer::NonSecureMode, this);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        return QStringLiteral("listen: %1").arg(m_server->errorString());
    }
    m_port = m_server->serverPort();
    connect(m_server, &QWebSocketServer::newConnection, this, &TraceServer::onNewConnection);
    return {};
}

void TraceServer::onNewConnection() {
    QWebSocket* c = m_server->nextPendingConnection();
    if (m_client) {
        c->close();
        c->deleteLater();
        return;
    }
    m_client = c;
    c->setParent(this);
    connect(c, &QWebSocket::bytesWritten, this, [this](qint64 n) {
        m_queued -= n;
        pump();
    });
    connect(c, &QWebSocket::textMessageReceived, this, [this, c](const QString& text) {
        m_received.fetch_add(1);
        // The client's key order is its own (Callboard: "data" first, the SDK: "message" first).
        if (text.contains(QLatin1StringView(R"("message":"pong")"))) {
            m_pongs.fetch_add(1);
        } else if (text.contains(QLatin1StringView(R"("message":"connection")"))) {
            c->sendTextMessage(QStringLiteral(
                R"({"message":"getUserData","data":[{"appKey":"defaultApp","mediaProviders":["WebRTC"],)"
                R"("sipLogin":"1000","sessionId":"/127.0.0.1:40000/127.0.0.1:8080",)"
                R"("nodeId":"bench@127.0.0.1","status":"ESTABLISHED",)"
                R"("authToken":"7b77794b-26d2-43cd-abc8-900eddee4c99","useWsTunnel":false}]})"));
        }
    });
}

void TraceServer::start() {
    m_started = true;
    pump();
}

void TraceServer::pump() {
    if (!m_started || !m_client) {
        return;
    }
    int sent = m_sent.load();
    const int total = frames();
    while (sent < total && m_queued < kMaxQueuedBytes) {
        const auto [offset, length] = m_lines[static_cast<size_t>(sent)];
        m_queued += m_client->sendTextMessage(QString::fromUtf8(m_data + offset, length));
        ++sent;
    }
    m_sent.store(sent);
}

} // namespace bench
