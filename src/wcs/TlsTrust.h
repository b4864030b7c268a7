#pragma once

#include <QByteArray>
#include <QString>

namespace wcs {

/// What a `wss://` connection may trust beyond the system CA store. There is deliberately no
/// "ignore all errors" switch: a certificate that fails verification fails the connection
/// with the reason, unless it chains to `caFile` or matches `pinnedSha256`.
struct TlsTrust {
    QString caFile;          ///< PEM file with extra CA certificates; empty = none
    QByteArray pinnedSha256; ///< SHA-256 of the server certificate (DER), hex, colons allowed
};

} // namespace wcs
