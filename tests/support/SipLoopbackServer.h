#pragma once

// A loopback WebSocket server (subprotocol `sip`, RFC 7118) that a test scripts frame by frame:
// the far end of a sip::UserAgent in unit tests, without Kamailio.
#include <QDeadlineTimer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace testsupport {

/// Accepts one client; records its frames; send() writes a frame with LF turned into CRLF.
class SipLoopbackServer : public QObject {
public:
    SipLoopbackServer()
        : m_server(QStringLiteral("sip-loopback"), QWebSocketServer::NonSecureMode) {
        m_server.setSupportedSubprotocols({QStringLiteral("sip")});
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            m_client = m_server.nextPendingConnection();
            connect(m_client, &QWebSocket::textMessageReceived, this,
                    [this](const QString& t) { m_frames.append(t.toUtf8()); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/").arg(m_server.serverPort()); }
    QWebSocket* client() const { return m_client; }
    void send(QByteArray frame) {
        frame.replace("\n", "\r\n");
        m_client->sendTextMessage(QString::fromUtf8(frame));
    }
    /// First frame from `from` on that contains `needle`; "" after `ms`.
    QByteArray waitFrame(const QByteArray& needle, int ms = 3000, qsizetype from = 0) {
        QDeadlineTimer deadline(ms);
        while (true) {
            for (qsizetype i = from; i < m_frames.size(); ++i) {
                if (m_frames.at(i).contains(needle)) {
                    return m_frames.at(i);
                }
            }
            if (deadline.hasExpired()) {
                return {};
            }
            QTest::qWait(10);
        }
    }
    qsizetype frameCount() const { return m_frames.size(); }
    const QList<QByteArray>& frames() const { return m_frames; }

private:
    QWebSocketServer m_server;
    QWebSocket* m_client = nullptr;
    QList<QByteArray> m_frames;
};

} // namespace testsupport
