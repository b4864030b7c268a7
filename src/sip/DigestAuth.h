#pragma once

#include "sip/DigestChallenge.h"

#include <QByteArray>
#include <QString>

namespace sip {

/// Digest access authentication with MD5 as SIP uses it (RFC 2617 §3.2.2, RFC 3261 §22.4), the
/// way JsSIP does it (spec §8.5). Hashing uses QCryptographicHash.
class DigestAuth {
public:
    /// Lower-case hex `response` value. `qop` is "auth", "auth-int" or "" (RFC 2069 style,
    /// then `nc`/`cnonce` are unused). `body` matters only for auth-int.
    static QByteArray response(const QString& user, const QString& realm, const QString& password,
                               const QString& method, const QString& digestUri,
                               const QString& nonce, const QString& qop, const QString& nc,
                               const QString& cnonce, const QByteArray& body = {});

    /// The qop we answer with for an offered list: "auth-int" if offered, else "auth", else "".
    static QString chooseQop(const QString& qopOptions);

    /// Full `Authorization`/`Proxy-Authorization` header value, parameters in JsSIP's order:
    /// `Digest algorithm=MD5, username, realm, nonce, uri, response, [opaque], [qop, cnonce, nc]`.
    /// `nonceCount` is 1-based and written as 8 hex digits. The password is only hashed.
    static QByteArray authorization(const DigestChallenge& challenge, const QString& user,
                                    const QString& password, const QString& method,
                                    const QString& digestUri, quint32 nonceCount,
                                    const QString& cnonce, const QByteArray& body = {});
};

} // namespace sip
