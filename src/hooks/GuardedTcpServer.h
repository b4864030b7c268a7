#pragma once

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

class QTcpSocket;
class QTimer;

namespace hooks {

/// The TCP side of the hook server, watching every connection before Qt HttpServer parses
/// it, so that nothing a client sends can exhaust memory or hold the server (issue #6):
/// * a request head announcing `Content-Length` above `maxBodyBytes`, or more than
///   `maxBodyBytes` + 64 KiB waiting unparsed, gets 413 and the connection is closed;
/// * a head larger than 64 KiB gets 431;
/// * a request not complete within `requestTimeoutMs` of its first byte gets 408 (slow
///   senders); an idle connection is closed after `idleTimeoutMs`;
/// * beyond `maxConnections` connections, new ones get 503 and are closed.
/// Internal to HookServer.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT

public:
    struct Limits {
        qint64 maxBodyBytes = 1024 * 1024; ///< bytes
        int requestTimeoutMs = 10000;      ///< ms, 0 = none
        int idleTimeoutMs = 120000;        ///< ms, 0 = none
        int maxConnections = 1024;         ///< 0 = unlimited
    };
    static constexpr qint64 kMaxHeadBytes = 64 * 1024;

    explicit GuardedTcpServer(const Limits& limits, QObject* parent = nullptr);

    /// Qt HttpServer handed a complete request of `socket` to the application.
    void requestCompleted(QTcpSocket* socket);
    int connectionCount() const;

Q_SIGNALS:
    /// A connection was refused or cut by a limit, with the HTTP status sent (408/413/431/503).
    void rejected(int status, const QString& reason, const QHostAddress& peer);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Conn {
        QTimer* timer = nullptr;
        bool inRequest = false;
        bool headChecked = false;
    };
    void onReadyRead(QTcpSocket* socket);
    void onTimeout(QTcpSocket* socket);
    void reject(QTcpSocket* socket, int status, const QString& reason);

    Limits m_limits;
    QHash<QTcpSocket*, Conn> m_conns;
};

} // namespace hooks
