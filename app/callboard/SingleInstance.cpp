#include "SingleInstance.h"

#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace app {

namespace {

constexpr qint64 kMaxMessage = 64 * 1024;

QString userTag() {
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    return qEnvironmentVariable("USERNAME", QStringLiteral("user"));
#endif
}

} // namespace

SingleInstance::SingleInstance(QString serverName, QObject* parent)
    : QObject(parent)
    , m_name(std::move(serverName)) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName(bool demo) {
    const QString fromEnv = qEnvironmentVariable("CALLBOARD_INSTANCE_NAME");
    if (!fromEnv.isEmpty()) {
        return demo ? fromEnv + QStringLiteral("-demo") : fromEnv;
    }
    return (demo ? QStringLiteral("callboard-demo-") : QStringLiteral("callboard-")) + userTag();
}

SingleInstance::HandOff SingleInstance::sendToRunning(const QJsonObject& message, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        return HandOff::NoInstance;
    }
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs)) {
        return HandOff::Unresponsive;
    }
    QByteArray reply;
    while (!reply.contains('\n')) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            return HandOff::Unresponsive;
        }
        reply += socket.readAll();
    }
    const QJsonObject answer = QJsonDocument::fromJson(reply.left(reply.indexOf('\n'))).object();
    socket.disconnectFromServer();
    return answer.value(QStringLiteral("ok")).toBool() ? HandOff::Delivered : HandOff::Unresponsive;
}

bool SingleInstance::listen() {
    // QLocalServer (with socket options) replaces an existing socket file silently, so look
    // first: a name somebody accepts connections on belongs to a live instance.
    {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(500)) {
            m_error = tr("Another Callboard instance is already listening on %1.").arg(m_name);
            return false;
        }
    }
    // A crashed instance leaves its socket file behind; nobody answered, so it is stale.
    QLocalServer::removeServer(m_name);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        m_error = m_server->errorString();
        m_server.reset();
        return false;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

bool SingleInstance::isListening() const {
    return m_server && m_server->isListening();
}

void SingleInstance::onNewConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its line is dropped.
        QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxMessage) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine()) {
                return;
            }
            const QByteArray line = socket->readLine(kMaxMessage).trimmed();
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            const bool ok = error.error == QJsonParseError::NoError && doc.isObject();
            socket->write(ok ? QByteArrayLiteral("{\"ok\":true}\n")
                             : QByteArrayLiteral("{\"ok\":false}\n"));
            socket->flush();
            socket->disconnectFromServer();
            if (ok) {
                Q_EMIT messageReceived(doc.object());
            }
        });
    }
}

} // namespace app
