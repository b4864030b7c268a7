#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace services {

/// One connection profile (an "account") as the user edits it and services::AccountService
/// stores it. The password is NOT part of the profile: it lives in the keychain
/// (services::CredentialStore, key "account/<id>") or, by the user's explicit choice, only in
/// memory (services::SessionPasswordCache).
///
/// Times are milliseconds. See AccountService::validate() for the rules each field must meet.
struct AccountProfile {
    /// Which server the profile talks to.
    enum class Backend {
        Wcs,          ///< Flashphoner Web Call Server, JSON over WebSocket
        SipWebSocket, ///< a SIP server over WebSocket (RFC 7118)
    };

    QString id;   ///< uuid without braces; AccountService::add() assigns one when empty
    QString name; ///< what the user calls it; must not be blank
    Backend backend = Backend::Wcs;
    QUrl serverUrl; ///< ws://host:8080 or wss://host:8443 (both backends); no user info
    QString appKey = QStringLiteral("defaultApp"); ///< WCS only

    QString sipLogin; ///< empty: a WCS session without SIP
    QString sipAuthenticationName;
    QString sipDomain;
    QString sipOutboundProxy;
    int sipPort = 0;              ///< 0: not sent; otherwise 1..65535
    bool registerRequired = true; ///< register the SIP login when the session opens

    QByteArray customJson;  ///< JSON object handed to WCS REST hooks; empty = none
    bool keepAlive = false; ///< WCS keepAlive: keep the server session across reconnects

    int reconnectMinMs = 1000;  ///< first reconnect back-off delay, >= 1
    int reconnectMaxMs = 30000; ///< back-off ceiling, >= reconnectMinMs
    int watchdogMs = 50000;     ///< receive watchdog, 0 disables

    QString tlsCaFile;          ///< extra CA certificates (PEM) for wss://; empty = none
    QByteArray tlsPinnedSha256; ///< SHA-256 (hex, colons allowed) of the server certificate

    bool autoConnect = false; ///< connect when Callboard starts

    /// Transport to the TURN server (RFC 8656 §3.1; URI query `?transport=`, RFC 7065).
    enum class TurnTransport {
        Udp, ///< `turn:host:port?transport=udp`
        Tcp, ///< `turn:host:port?transport=tcp`
        Tls, ///< `turns:host:port?transport=tcp` (TLS over TCP)
    };

    /// ICE servers for call media (both backends; services::IceServerUris builds the URIs).
    /// STUN server (RFC 8489) as `host:port` or `host` (port 3478); empty = none.
    QString stunServer;
    /// TURN server (RFC 8656) as `host:port` or `host` (port 3478, 5349 for Tls); empty = none.
    /// Its password is a secret like the account password: keychain key "turn/<id>"
    /// (AccountService::turnCredentialKey()) or typed for the session, never in the profile.
    QString turnServer;
    TurnTransport turnTransport = TurnTransport::Udp;
    QString turnUser; ///< TURN long-term credential user name (RFC 8489 §9.2); required with it

    bool operator==(const AccountProfile&) const = default;

    /// Wire-style names used in the settings file: "wcs", "sip-websocket".
    static QString toWire(Backend backend) {
        return backend == Backend::SipWebSocket ? QStringLiteral("sip-websocket")
                                                : QStringLiteral("wcs");
    }
    /// Settings-file names of TurnTransport: "udp", "tcp", "tls".
    static QString toWire(TurnTransport transport) {
        switch (transport) {
        case TurnTransport::Tcp:
            return QStringLiteral("tcp");
        case TurnTransport::Tls:
            return QStringLiteral("tls");
        case TurnTransport::Udp:
            break;
        }
        return QStringLiteral("udp");
    }
    /// Inverse of toWire(TurnTransport); unknown text gives Udp.
    static TurnTransport turnTransportFromWire(const QString& text) {
        if (text == QLatin1StringView("tcp"))
            return TurnTransport::Tcp;
        return text == QLatin1StringView("tls") ? TurnTransport::Tls : TurnTransport::Udp;
    }
    /// Inverse of toWire(); unknown text gives Wcs.
    static Backend backendFromWire(const QString& text) {
        return text == QLatin1StringView("sip-websocket") ? Backend::SipWebSocket : Backend::Wcs;
    }
};

} // namespace services
