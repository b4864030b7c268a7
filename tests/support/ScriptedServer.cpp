#include "ScriptedServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

namespace testsupport {

ScriptedServer::ScriptedServer(QObject* parent)
    : QObject(parent)
    , m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode) {
    connect(&m_server, &QWebSocketServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer() {
    stop();
}

bool ScriptedServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::url() const {
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort()));
}

QStringList ScriptedServer::receivedNames() const {
    QStringList names;
    for (const QJsonObject& o : m_received) {
        names << o.value(QLatin1StringView("message")).toString();
    }
    return names;
}

bool ScriptedServer::waitForMessage(const QString& message, int count, int timeoutMs) {
    return QTest::qWaitFor([&] { return receivedNames().count(message) >= count; }, timeoutMs);
}

bool ScriptedServer::waitForClient(int timeoutMs) {
    return QTest::qWaitFor([&] { return m_client != nullptr; }, timeoutMs);
}

void ScriptedServer::onNewConnection() {
    QWebSocket* socket = m_server.nextPendingConnection();
    if (m_client) {
        m_client->abort();
        m_client->deleteLater();
    }
    m_client = socket;
    ++m_connections;
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        const QJsonObject o =
            doc.isObject() ? doc.object() : QJsonObject{{QStringLiteral("unparsed"), text}};
        m_received.append(o);
        if (m_autoUserData &&
            o.value(QLatin1StringView("message")).toString() == QLatin1StringView("connection")) {
            QJsonObject conn = o.value(QLatin1StringView("data")).toArray().at(0).toObject();
            conn.remove(QStringLiteral("sipPassword"));
            if (!conn.contains(QLatin1StringView("authToken"))) {
                m_authToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
                conn.insert(QStringLiteral("authToken"), m_authToken);
            }
            conn.insert(QStringLiteral("sessionId"), QStringLiteral("/127.0.0.1:1/127.0.0.1:2"));
            conn.insert(QStringLiteral("status"), QStringLiteral("ESTABLISHED"));
            sendMessage(QStringLiteral("getUserData"), QJsonArray{conn});
        }
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (m_client == socket) {
            m_client = nullptr;
        }
        socket->deleteLater();
    });
}

void ScriptedServer::send(const QByteArray& frame) {
    if (m_client) {
        m_client->sendTextMessage(QString::fromUtf8(frame));
    }
}

void ScriptedServer::sendMessage(const QString& message, const QJsonArray& data) {
    send(QJsonDocument(
             QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("data"), data}})
             .toJson(QJsonDocument::Compact));
}

void ScriptedServer::closeClient(int code) {
    if (m_client) {
        m_client->close(static_cast<QWebSocketProtocol::CloseCode>(code), QStringLiteral("bye"));
    }
}

void ScriptedServer::abortClient() {
    if (m_client) {
        QWebSocket* c = m_client;
        m_client = nullptr;
        c->abort();
        c->deleteLater();
    }
}

void ScriptedServer::stop() {
    abortClient();
    m_server.close();
}

} // namespace testsupport
