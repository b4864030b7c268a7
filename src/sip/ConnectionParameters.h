#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace sip {

/// One ICE server entry, passed through to the configuration for the call layer (spec §3.1).
struct IceServer {
    QStringList urls;
    std::optional<QString> username;
    std::optional<QString> credential;
};

/// `{width, height}` in pixels, passed through (spec §3.1).
struct Resolution {
    int width = 0;
    int height = 0;
};

/// `TParametersConnection` of sip-connector v31 (spec §3.1). Defaults are sip-connector's.
struct ConnectionParameters {
    QString sipServerIp; ///< SIP domain used in every URI (not necessarily an IP)
    /// host[:port] of the WebSocket server -> `wss://<sipServerUrl>/webrtc/wss/`. A full
    /// `ws://` or `wss://` URL is used as is (spec §8.1, for the loopback testbed).
    QString sipServerUrl;
    QString remoteAddress; ///< non-empty: `X-Vinteo-Remote` on REGISTER / un-REGISTER
    QList<IceServer> iceServers;
    std::optional<Resolution> maxAvailableResolution;
    QString displayName; ///< From display name; trimmed, spaces -> `_` on the wire
    bool register_ = false;
    std::optional<QString> user;
    std::optional<QString> password;  ///< never logged
    std::optional<QString> userAgent; ///< `User-Agent` of every request; default "Callboard/<ver>"
    bool sessionTimers = false;
    int registerExpires = 300;             ///< s, requested registration lifetime
    int connectionRecoveryMinInterval = 2; ///< s, lower clamp of §7.2
    int connectionRecoveryMaxInterval = 6; ///< s, upper clamp of §7.2
    QStringList extraHeaders;              ///< "Name: value", REGISTER / un-REGISTER only

    /// §3.2, in this order: "sipServerIp is required", "sipServerUrl is required",
    /// "password is required for authorized connection", "user is required for authorized
    /// connection". nullopt when valid.
    std::optional<QString> validate() const;

    /// The WebSocket URL of §3.3 (or sipServerUrl itself when it is a ws/wss URL).
    QUrl webSocketUrl() const;

    /// The display name as written into From: trimmed, every space replaced by `_` (§3.1).
    QString wireDisplayName() const;

    /// Payload of `connect-parameters-resolve-success`: every field above under its
    /// sip-connector name (`register`, not `register_`); optional fields only when set. The
    /// password is included in clear for parity (§3.4); loggers must use redactedJson().
    QJsonObject toJson() const;
    /// toJson() with `password` and every `iceServers[].credential` (a TURN password)
    /// replaced by "<redacted>" when present.
    static QJsonObject redactedJson(QJsonObject json);
};

} // namespace sip
