#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace hooks {

/// Qt HttpServer's request parser and responder with one handler for every request: the hook
/// server routes by itself (unknown names 404, wrong methods 405) instead of through
/// QHttpServer's router. Internal to HookServer.
class HookHttpEndpoint : public QAbstractHttpServer {
    Q_OBJECT

public:
    using Handler =
        std::function<void(const QHttpServerRequest&, QTcpSocket*, QHttpServerResponder&&)>;

    explicit HookHttpEndpoint(Handler handler, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
};

} // namespace hooks
