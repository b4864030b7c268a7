#include "hooks/HookHttpEndpoint.h"

#include <QHttpServerResponder>

namespace hooks {

HookHttpEndpoint::HookHttpEndpoint(Handler handler, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler)) {}

bool HookHttpEndpoint::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    m_handler(request, socket, makeResponder(request, socket));
    return true;
}

void HookHttpEndpoint::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    // handleRequest() takes every request; kept for completeness.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace hooks
