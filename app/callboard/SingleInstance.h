#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;

namespace app {

/// One Callboard per user session: the first instance listens on a QLocalServer; a second launch
/// connects, hands over its arguments as one JSON object and exits, and the first one raises its
/// window and applies them (messageReceived()).
///
/// Wire format: the client sends one compact JSON object followed by '\n'; the server answers
/// `{"ok":true}\n` (or `{"ok":false}\n` for text that is not a JSON object), closes, and emits
/// messageReceived(). Messages above 64 KiB, or not finished within 5 s, are dropped.
///
/// The server name is per user (it contains the uid), `callboard-<uid>` or, for `--demo`,
/// `callboard-demo-<uid>`, so a demo run never hands off to a real one; the environment
/// variable CALLBOARD_INSTANCE_NAME replaces it (tests). A socket file left by a crashed
/// instance (connection refused) is removed with QLocalServer::removeServer() before listening.
class SingleInstance : public QObject {
    Q_OBJECT

public:
    enum class HandOff {
        Delivered,   ///< a running instance took the message: exit 0
        NoInstance,  ///< nobody listens: become the instance (listen())
        Unresponsive ///< something listens but did not acknowledge in time
    };

    explicit SingleInstance(QString serverName, QObject* parent = nullptr);
    ~SingleInstance() override;

    /// The per-user server name (see class comment); `demo` selects the demo name.
    static QString defaultServerName(bool demo);

    QString serverName() const { return m_name; }

    /// Tries to hand `message` to a running instance, blocking at most about `timeoutMs` ms.
    HandOff sendToRunning(const QJsonObject& message, int timeoutMs = 2000);
    /// Starts listening (removing a stale socket file first). False with errorString().
    bool listen();
    bool isListening() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    /// Another launch handed over `message` (the object it passed to sendToRunning()).
    void messageReceived(const QJsonObject& message);

private:
    void onNewConnection();

    QString m_name;
    QString m_error;
    std::unique_ptr<QLocalServer> m_server;
};

} // namespace app
