#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace hooks {

/// Where and how the hook server listens. The HMAC secret is not here: it comes from the
/// keychain and is handed to HookServer::setSecret() only (never stored in settings).
struct HookServerOptions {
    /// Listening address; loopback unless the user binds elsewhere (issue #6).
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 9091; ///< 0 = any free port (tests)
    /// Path prefix of every hook, e.g. "/rest/my_api": WCS POSTs `<prefix>/<MethodName>`.
    /// Empty = hooks at the root ("/StreamStatusEvent").
    QString pathPrefix;
    /// Largest request body accepted (bytes); larger ones get 413 and the connection closes.
    qint64 maxBodyBytes = 1024 * 1024;
    /// A request must arrive completely within this time once its first byte came (ms);
    /// otherwise 408 and the connection closes (slow senders). 0 disables.
    int requestTimeoutMs = 10000;
    /// An idle keep-alive connection is closed after this (ms). 0 disables.
    int idleTimeoutMs = 120000;
    /// Connections at once; more are closed at once. 0 = unlimited.
    int maxConnections = 1024;
    /// Client subnets allowed (address, prefix length); empty = any client. Others get 403.
    QList<QPair<QHostAddress, int>> allowList;
};

} // namespace hooks
