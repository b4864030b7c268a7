#include "hooks/GuardedTcpServer.h"

#include "hooks/HooksLogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace hooks {

namespace {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Bad Request";
    }
}

/// `Content-Length` of a complete request head, -1 when absent or unreadable.
qint64 contentLength(QByteArrayView head) {
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype end = head.indexOf("\r\n", pos);
        if (end < 0) {
            end = head.size();
        }
        const QByteArrayView line = head.sliced(pos, end - pos);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            line.first(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 n = line.sliced(colon + 1).trimmed().toLongLong(&ok);
            return ok ? n : -1;
        }
        pos = end + 2;
    }
    return -1;
}

} // namespace

GuardedTcpServer::GuardedTcpServer(const Limits& limits, QObject* parent)
    : QTcpServer(parent)
    , m_limits(limits) {}

int GuardedTcpServer::connectionCount() const {
    return static_cast<int>(m_conns.size());
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (m_limits.maxConnections > 0 && m_conns.size() >= m_limits.maxConnections) {
        reject(socket, 503, u"too many connections"_s); // never handed to Qt HttpServer
        return;
    }
    Conn c;
    c.timer = new QTimer(socket);
    c.timer->setSingleShot(true);
    connect(c.timer, &QTimer::timeout, this, [this, socket] { onTimeout(socket); });
    if (m_limits.idleTimeoutMs > 0) {
        c.timer->start(m_limits.idleTimeoutMs);
    }
    m_conns.insert(socket, c);
    // Qt HttpServer calls socket->disconnect() on a request it cannot parse, which would cut a
    // connection to the socket's own destroyed(); the timer (its child) dies with it too.
    connect(c.timer, &QObject::destroyed, this, [this, socket] { m_conns.remove(socket); });
    // Connected before Qt HttpServer's own readyRead handler (added by addPendingConnection's
    // consumer), so the limits are checked before the parser buffers anything.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    addPendingConnection(socket);
}

void GuardedTcpServer::onReadyRead(QTcpSocket* socket) {
    auto it = m_conns.find(socket);
    if (it == m_conns.end()) {
        return;
    }
    Conn& c = it.value();
    if (!c.inRequest) {
        c.inRequest = true;
        c.headChecked = false;
        if (m_limits.requestTimeoutMs > 0) {
            c.timer->start(m_limits.requestTimeoutMs);
        } else {
            c.timer->stop();
        }
    }
    const qint64 available = socket->bytesAvailable();
    if (!c.headChecked) {
        const QByteArray head = socket->peek(std::min<qint64>(available, kMaxHeadBytes));
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end >= 0) {
            c.headChecked = true;
            const qint64 length = contentLength(QByteArrayView(head).first(end));
            if (length > m_limits.maxBodyBytes) {
                reject(socket, 413,
                       u"body of %1 bytes is over the limit of %2 bytes"_s.arg(length).arg(
                           m_limits.maxBodyBytes));
                return;
            }
        } else if (available >= kMaxHeadBytes && head.startsWith("POST ")) {
            reject(socket, 431, u"request head over %1 bytes"_s.arg(kMaxHeadBytes));
            return;
        }
    }
    if (available > m_limits.maxBodyBytes + kMaxHeadBytes) {
        reject(socket, 413, u"body over the limit of %1 bytes"_s.arg(m_limits.maxBodyBytes));
    }
}

void GuardedTcpServer::requestCompleted(QTcpSocket* socket) {
    auto it = m_conns.find(socket);
    if (it == m_conns.end()) {
        return;
    }
    Conn& c = it.value();
    c.inRequest = socket->bytesAvailable() > 0; // a pipelined request already started
    c.headChecked = false;
    const int ms = c.inRequest ? m_limits.requestTimeoutMs : m_limits.idleTimeoutMs;
    if (ms > 0) {
        c.timer->start(ms);
    } else {
        c.timer->stop();
    }
}

void GuardedTcpServer::onTimeout(QTcpSocket* socket) {
    auto it = m_conns.find(socket);
    if (it == m_conns.end()) {
        return;
    }
    if (it->inRequest) {
        reject(socket, 408, u"request not complete within %1 ms"_s.arg(m_limits.requestTimeoutMs));
    } else {
        qCDebug(lcHooks) << "closing idle connection from" << socket->peerAddress().toString();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
    }
}

void GuardedTcpServer::reject(QTcpSocket* socket, int status, const QString& reason) {
    // Nothing else may read from this socket any more (Qt HttpServer's handler runs after
    // this one on the same readyRead emission and is skipped once disconnected).
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    auto it = m_conns.find(socket);
    if (it != m_conns.end() && it->timer) {
        it->timer->stop();
    }
    const QHostAddress peer = socket->peerAddress();
    qCInfo(lcHooks).noquote() << "hook request from" << peer.toString() << "refused:" << status
                              << reason;
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"error"_s, reason}}).toJson(QJsonDocument::Compact);
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    socket->write(out);
    // Deleted once closed, also when Qt HttpServer dropped its own connections to it.
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    // A peer that never reads must not keep the socket: cut it after a grace period.
    QTimer::singleShot(2000, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    Q_EMIT rejected(status, reason, peer);
}

} // namespace hooks
