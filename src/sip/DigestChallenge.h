#pragma once

#include <QString>

#include <optional>

namespace sip {

class SipMessage;

/// A digest challenge from a 401 `WWW-Authenticate` or 407 `Proxy-Authenticate` header
/// (RFC 3261 §22.2-22.3, RFC 2617 §3.2.1), values unquoted. Parsed by libosip2.
struct DigestChallenge {
    bool proxy = false; ///< true: 407 / Proxy-Authenticate -> Proxy-Authorization
    QString scheme;     ///< "Digest"
    QString realm;
    QString nonce;
    QString opaque;     ///< echoed when non-empty
    QString algorithm;  ///< "" or "MD5" are supported (spec §8.5)
    QString qopOptions; ///< e.g. "auth" or "auth,auth-int"
    bool stale = false;

    /// The first challenge of a 401/407 response; nullopt for other responses or when the
    /// header is absent.
    static std::optional<DigestChallenge> fromResponse(const SipMessage& response);

    /// True when we can answer it: scheme Digest and algorithm absent or MD5 (spec §8.5).
    bool isSupported() const;
};

} // namespace sip
