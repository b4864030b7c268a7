#include "emulator/ControlServer.h"

#include "emulator/EmulatorLog.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QWebSocket>
#include <QWebSocketServer>

namespace emulator {

ControlServer::ControlServer(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(std::make_unique<QWebSocketServer>(QStringLiteral("callboard-emulator-control"),
                                                  QWebSocketServer::NonSecureMode)) {
    connect(m_server.get(), &QWebSocketServer::newConnection, this,
            &ControlServer::onNewConnection);
}

ControlServer::~ControlServer() {
    close();
    // Control sockets call m_handler (and through it the EmulatorServer): none may outlive it.
    qDeleteAll(findChildren<QWebSocket*>(Qt::FindDirectChildrenOnly));
}

bool ControlServer::listen(quint16 port) {
    // Loopback only: the control endpoint can drop and stall every session.
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), port);
}

void ControlServer::close() {
    m_server->close();
}

bool ControlServer::isListening() const {
    return m_server->isListening();
}

QUrl ControlServer::url() const {
    if (!m_server->isListening()) {
        return {};
    }
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server->serverPort()));
}

QString ControlServer::errorString() const {
    return m_server->errorString();
}

void ControlServer::onNewConnection() {
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this); // owned here, whatever QWebSocketServer does with it
        socket->setMaxAllowedIncomingMessageSize(1024 * 1024);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QWebSocket::textMessageReceived, socket, [this, socket](const QString& t) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &error);
            QJsonObject reply;
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                reply = QJsonObject{{QStringLiteral("ok"), false},
                                    {QStringLiteral("error"),
                                     QStringLiteral("expected one JSON object per message")}};
            } else {
                reply = m_handler(doc.object());
            }
            qCDebug(lcEmulator).noquote() << "control:" << t.left(200) << "->"
                                          << QJsonDocument(reply).toJson(QJsonDocument::Compact);
            socket->sendTextMessage(
                QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
        });
    }
}

} // namespace emulator
