#pragma once

#include "wcs/ConnectionParameters.h"
#include "wcs/TlsTrust.h"

#include <QUrl>

namespace wcs {

/// How a wcs::Session connects and recovers. Times in milliseconds.
struct SessionOptions {
    QUrl url; ///< ws://host:8080 or wss://host:8443 (spec §1.1), used exactly as given
    ConnectionParameters connection;
    TlsTrust tls;
    /// Receive watchdog (spec §2.2): with no inbound frame for this long the session FAILS.
    /// Default 10 probes x 5000 ms; 0 disables.
    int watchdogMs = 50000;
    /// The socket must open within this time, else FAILED (SDK `timeout`). 0 disables.
    int connectTimeoutMs = 15000;
    /// Reconnect automatically after FAILED/DISCONNECTED that the user did not ask for.
    bool autoReconnect = true;
    int reconnectMinMs = 1000;  ///< first back-off delay
    int reconnectMaxMs = 30000; ///< back-off ceiling
    /// How long a setRemoteSDP for an unknown id (an incoming-call offer, spec §10) is kept.
    int sdpCacheTtlMs = 30000;
    /// Largest text message accepted from the socket (bytes); larger ones are dropped with a
    /// protocol warning and the session goes on.
    qint64 maxMessageBytes = 16 * 1024 * 1024;
};

} // namespace wcs
