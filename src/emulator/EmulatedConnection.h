#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QTimer>

#include <memory>

class QWebSocket;

namespace emulator {

class FrameRecorder;

/// One client WebSocket on the emulator (spec §1, §2): writes frames, runs the server-driven
/// keep-alive of §2.2 and carries out the socket-level faults the tests ask for. Knows nothing
/// about the protocol above the envelope; EmulatedSession does.
///
/// Keep-alive: `{"message":"ping","data":[]}` every pingIntervalMs; every ping still unanswered
/// when the next one is due counts as missed, a `pong` (notePong()) resets the count, and the
/// socket is closed (1001, "keep-alive timeout") once `probes` pings in a row were missed.
class EmulatedConnection : public QObject {
    Q_OBJECT

public:
    /// Takes ownership of `socket`. `conn` numbers the connection in logs and recordings;
    /// `recorder` may be null. pingIntervalMs 0 disables keep-alive.
    EmulatedConnection(QWebSocket* socket, int conn, FrameRecorder* recorder, int pingIntervalMs,
                       int probes, QObject* parent = nullptr);
    ~EmulatedConnection() override;

    int number() const { return m_conn; }
    bool isOpen() const { return m_open; }
    /// "/<clientIP>:<port>/<serverIP>:<port>" (spec §3.2).
    QString sessionKey() const;
    QString serverAddress() const;

    /// Queues a text frame; it goes out after the configured delay, or after a stall. Never hands
    /// on an inbound frame, so a caller is never re-entered through frameReceived.
    void send(const QByteArray& frame);
    /// A `pong` arrived: the missed-ping count restarts from 0.
    void notePong();
    int missedPings() const { return m_missed; }

    // --- faults (scenario timeline / control endpoint) ---
    /// Drops the TCP connection without a close frame.
    void drop();
    /// Sends nothing and handles no inbound frame for `ms`; both are queued and resume after.
    void stall(int ms);
    /// Delays every later outgoing frame by `ms` (0 restores immediate sending). Order is kept.
    void setDelay(int ms);
    /// Sends a text frame that is not JSON.
    void sendGarbage(const QString& text = {});
    /// Closes with a close frame carrying `code` and `reason`.
    void closeWith(int code, const QString& reason);

Q_SIGNALS:
    /// A text frame from the client, in order, once no stall holds it back. Emitted only when a
    /// frame arrives or from the flush timer, never from inside a call on this object.
    void frameReceived(const QString& text);
    /// The socket is gone (close frame, drop or error). Emitted once.
    void closed();
    /// `frame` (server -> client text, UTF-8) was just handed to the socket
    /// (QWebSocket::sendTextMessage returned; the kernel write follows from the event loop).
    /// For send-time measurements (tests/bench/latency); keep receivers cheap.
    void frameWritten(const QByteArray& frame);

private:
    void onText(const QString& text);
    void onBinary(const QByteArray& data);
    void onDisconnected();
    void onPingTimer();
    /// The flush timer: due outgoing frames, then held-back inbound frames.
    void flush();
    /// Writes the outgoing frames that are due (none while stalled).
    void writeDue();
    /// Hands the held-back inbound frames to frameReceived (none while stalled).
    void deliverDue();
    void write(const QByteArray& frame);
    void scheduleFlush();

    struct Pending {
        qint64 dueMs;
        QByteArray frame;
    };

    std::unique_ptr<QWebSocket> m_socket;
    int m_conn;
    FrameRecorder* m_recorder;
    int m_probes;
    bool m_open = true;
    bool m_dropped = false;
    bool m_draining = false;
    bool m_awaitingPong = false;
    int m_missed = 0;
    int m_delayMs = 0;
    qint64 m_stallUntilMs = 0;
    QElapsedTimer m_clock;
    QTimer m_pingTimer;
    QTimer m_flushTimer;
    QQueue<Pending> m_outgoing;
    QQueue<QString> m_incoming;
};

} // namespace emulator
