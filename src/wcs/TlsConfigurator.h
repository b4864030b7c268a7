#pragma once

#include "wcs/TlsTrust.h"

#include <QList>
#include <QSslError>

class QWebSocket;

namespace wcs {

/// Applies TlsTrust to a `wss://` socket. Verification stays on: a user CA file is added to the
/// system CA store, and a pinned SHA-256 fingerprint may excuse the errors of exactly the
/// certificate it names. Nothing else is ever ignored.
class TlsConfigurator {
public:
    /// Adds the CA certificates of `trust.caFile` (PEM) to the socket's configuration. A file
    /// that cannot be read or holds no certificate is logged and ignored.
    static void apply(QWebSocket& socket, const TlsTrust& trust);
    /// True when `errors` may be ignored because the peer certificate's SHA-256 (DER) equals
    /// `trust.pinnedSha256` (hex, case and colons ignored).
    static bool accepts(const QWebSocket& socket, const TlsTrust& trust,
                        const QList<QSslError>& errors);
    /// Normalised hex form (lower case, no colons) of a fingerprint string.
    static QByteArray normaliseFingerprint(const QByteArray& fingerprint);
};

} // namespace wcs
