#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QWebSocketServer;

namespace emulator {

/// The control endpoint for tests: a second WebSocket server, bound to 127.0.0.1 only (never
/// any other address). Each text message is one JSON action object (ActionCatalog); the reply
/// is one JSON object, `{"ok":true,...}` or `{"ok":false,"error":"..."}`. Input that is not a
/// JSON object gets an error reply; the connection always stays open. The control sockets are
/// children of the ControlServer and are closed when it is destroyed.
class ControlServer : public QObject {
    Q_OBJECT

public:
    using Handler = std::function<QJsonObject(const QJsonObject& action)>;

    explicit ControlServer(Handler handler, QObject* parent = nullptr);
    ~ControlServer() override;

    /// Listens on 127.0.0.1:`port` (0 = a free port).
    bool listen(quint16 port);
    void close();
    bool isListening() const;
    /// ws://127.0.0.1:PORT, empty when not listening.
    QUrl url() const;
    QString errorString() const;

private:
    void onNewConnection();

    Handler m_handler;
    std::unique_ptr<QWebSocketServer> m_server;
};

} // namespace emulator
