#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace hooks {

/// Request signing of spec §13.1: with `rest_hook_send_hash=true` WCS adds
/// `Authorization: WCS <hex HMAC-MD5 of the body>` keyed with `rest_hook_secret_key`.
class HookSignature {
public:
    /// Lower-case hex HMAC-MD5 of `body` with `secret` (32 characters).
    static QByteArray hmacMd5Hex(QByteArrayView body, QByteArrayView secret);
    /// The whole header value: "WCS <hex>".
    static QByteArray authorizationValue(QByteArrayView body, QByteArrayView secret);
    /// True when `authorization` is "WCS <hex>" (scheme case-insensitive, hex in either case)
    /// and the hex is the HMAC-MD5 of `body`. Compares in constant time.
    static bool verify(QByteArrayView authorization, QByteArrayView body, QByteArrayView secret);
};

} // namespace hooks
