#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocketServer>

class QWebSocket;

namespace testsupport {

/// An in-process WebSocket server on 127.0.0.1 whose every frame is chosen by the test: it
/// records what the client sends and sends exactly what the test asks, so protocol edge cases
/// (garbage, stalls, drops, oversized frames) are reproducible.
class ScriptedServer : public QObject {
    Q_OBJECT

public:
    explicit ScriptedServer(QObject* parent = nullptr);
    ~ScriptedServer() override;

    bool listen();
    QUrl url() const;

    /// Frames received from the current client, parsed (non-JSON frames are kept as
    /// {"unparsed": text}).
    const QList<QJsonObject>& received() const { return m_received; }
    /// Names (`message`) of the received frames, in order.
    QStringList receivedNames() const;
    /// Waits until a frame named `message` has arrived (at least `count` of them).
    bool waitForMessage(const QString& message, int count = 1, int timeoutMs = 5000);
    bool waitForClient(int timeoutMs = 5000);
    int connectionCount() const { return m_connections; }

    void send(const QByteArray& frame);
    void sendMessage(const QString& message, const QJsonArray& data);
    /// Replies to `connection` with getUserData automatically (default on).
    void setAutoUserData(bool on) { m_autoUserData = on; }
    QString lastAuthToken() const { return m_authToken; }
    /// Closes the client socket cleanly with `code`.
    void closeClient(int code = 1000);
    /// Drops the client socket without a close frame.
    void abortClient();
    void stop();

private:
    void onNewConnection();

    QWebSocketServer m_server;
    QWebSocket* m_client = nullptr;
    QList<QJsonObject> m_received;
    bool m_autoUserData = true;
    QString m_authToken;
    int m_connections = 0;
};

} // namespace testsupport
