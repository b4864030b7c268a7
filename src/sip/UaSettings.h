#pragma once

#include "sip/ConnectionConfig.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace sip {

/// Everything a UserAgent needs, derived from ConnectionParameters by the ConnectionManager.
struct UaSettings {
    ConnectionConfig config;          ///< identity (authorizationUser, sipServerIp), password
    QUrl url;                         ///< WebSocket URL (spec §3.3 / §8.1)
    QString wireDisplayName;          ///< From display name, spaces already `_`
    QString userAgent;                ///< User-Agent header value
    QStringList extraHeaders;         ///< "Name: value", REGISTER / un-REGISTER only
    int registerExpires = 300;        ///< s
    bool sessionTimers = false;       ///< RFC 4028 on calls (spec §3.1 `sessionTimers`)
    int recoveryMinSeconds = 2;       ///< §7.2 clamp
    int recoveryMaxSeconds = 6;       ///< §7.2 clamp
    int transactionTimeoutMs = 32000; ///< Timer B/F (§8.10); tests may shorten it
    int shutdownTimeoutMs = 2000;     ///< cap on waiting for un-REGISTER before closing (§8.10)
    qint64 maxMessageBytes = 65536;   ///< larger SIP messages are refused (513) or dropped
    QString instanceId;               ///< `+sip.instance` UUID; random when empty (§8.2)
    /// Extra CAs trusted for wss:// besides the system store. Certificate errors are never
    /// ignored: a server that does not verify fails the handshake (`disconnected`, error).
    QList<QSslCertificate> caCertificates;
};

} // namespace sip
