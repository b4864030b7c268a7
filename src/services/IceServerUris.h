#pragma once

#include "services/AccountProfile.h"

#include <QString>

namespace services {

/// The ICE servers of an AccountProfile (stunServer, turnServer, turnTransport, turnUser) as
/// the URIs their consumers take. Pure functions, no I/O.
///
/// * webrtcbin (media::AudioEndpointConfig, what the call media uses):
///   `stun://host:port` (property `stun-server`) and `turn://user:password@host:port
///   ?transport=udp|tcp` or `turns://user:password@host:port` (signal `add-turn-server`; user
///   and password percent-encoded, RFC 3986 §2.1, webrtcbin unescapes them).
/// * RFC 7064 / RFC 7065 URIs (sip::IceServer::urls, the WebRTC `iceServers` shape):
///   `stun:host:port`, `turn:host:port?transport=udp|tcp`, `turns:host:port?transport=tcp`;
///   credentials go beside them (username, credential), never inside.
///
/// Addresses are `host`, `host:port`, `[IPv6]` or `[IPv6]:port`; without a port STUN and
/// TURN over UDP/TCP use 3478 and TURN over TLS 5349 (RFC 8489 §18.6, RFC 8656 §4).
class IceServerUris {
public:
    static constexpr int kDefaultPort = 3478;    ///< STUN/TURN over UDP and TCP
    static constexpr int kDefaultTlsPort = 5349; ///< TURN over TLS

    /// Splits `text` (trimmed) into host and port (1..65535; `defaultPort` when absent). False
    /// with `*error` set (a sentence for the user) when it is not such an address, e.g. a
    /// URI with a scheme, user info, a path or a bad port. `host` keeps IPv6 brackets off.
    static bool parseAddress(const QString& text, int defaultPort, QString* host, int* port,
                             QString* error = nullptr);
    /// The default port of a TURN server reached over `transport` (3478, or 5349 for Tls).
    static int defaultTurnPort(AccountProfile::TurnTransport transport);

    /// `stun://host:port` for webrtcbin, or "" when the profile has no (valid) STUN server.
    static QString webrtcbinStun(const AccountProfile& profile);
    /// The webrtcbin TURN URI with `password`, or "" when the profile has no (valid) TURN
    /// server or no TURN user. A secret: never log it (services::Redactor masks the password).
    static QString webrtcbinTurn(const AccountProfile& profile, const QString& password);

    /// RFC 7064 `stun:host:port`, or "" without a (valid) STUN server.
    static QString stunUrl(const AccountProfile& profile);
    /// RFC 7065 `turn:host:port?transport=udp|tcp` / `turns:host:port?transport=tcp`, or "".
    static QString turnUrl(const AccountProfile& profile);

private:
    /// `host:port` with IPv6 hosts in brackets, or "" when `text` does not parse.
    static QString authority(const QString& text, int defaultPort);
};

} // namespace services
