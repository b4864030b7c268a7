#pragma once

#include <QFile>
#include <QObject>

#include <atomic>
#include <vector>

class QWebSocket;
class QWebSocketServer;

namespace bench {

/// The server end of the event pipeline benchmark: a loopback QWebSocketServer that replays a
/// trace file (one server frame per line, tests/bench/pipeline/gen-trace.mjs) to the first
/// client. Lives in its own thread (moveToThread), so that the client's thread only receives.
///
/// The client's `connection` frame is answered with `getUserData` (ESTABLISHED, sipLogin
/// "1000"). start() then sends every trace line as one text frame, in file order, keeping at
/// most 4 MiB queued in the socket (flow control on bytesWritten). Client frames are counted
/// (`pong` separately) and otherwise ignored. Errors (file not readable, listen failure) are
/// returned by load() / listen() as a message, empty on success.
class TraceServer : public QObject {
    Q_OBJECT

public:
    explicit TraceServer(QObject* parent = nullptr);
    ~TraceServer() override;

    /// Maps `path` and indexes its lines. Returns an error message, empty on success.
    QString load(const QString& path);
    /// Listens on 127.0.0.1, any port. Returns an error message, empty on success.
    QString listen();
    quint16 port() const { return m_port; }
    /// Lines (frames) in the trace.
    int frames() const { return static_cast<int>(m_lines.size()); }
    /// Trace bytes without newlines.
    qint64 bytes() const { return m_bytes; }

    /// Sends the whole trace to the connected client (call in the server's thread, e.g. through
    /// QMetaObject::invokeMethod with Qt::QueuedConnection).
    void start();

    /// Thread-safe counters of what the client sent.
    int pongsReceived() const { return m_pongs.load(); }
    int framesReceived() const { return m_received.load(); }
    int framesSent() const { return m_sent.load(); }

private:
    void onNewConnection();
    void pump();

    QFile m_file;
    const char* m_data = nullptr;
    std::vector<std::pair<qint64, int>> m_lines; ///< offset, length (bytes)
    qint64 m_bytes = 0;
    QWebSocketServer* m_server = nullptr;
    QWebSocket* m_client = nullptr;
    quint16 m_port = 0;
    qint64 m_queued = 0;
    bool m_started = false;
    std::atomic<int> m_sent{0};
    std::atomic<int> m_pongs{0};
    std::atomic<int> m_received{0};
};

} // namespace bench
