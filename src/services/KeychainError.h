#pragma once

#include <QString>

namespace services {

/// Why a keychain operation of services::CredentialStore did not produce its value.
/// `message` is a plain sentence for the user interface; it never contains the secret.
struct KeychainError {
    enum class Kind {
        NotFound,        ///< the keychain answered: no entry under this key
        NoSecretService, ///< no keychain at all: no D-Bus session bus, no secret service, ...
        AccessDenied,    ///< the keychain exists but refused (locked, user said no)
        Other,           ///< anything else, including "did not answer in time"
    };

    Kind kind = Kind::Other;
    QString message;

    /// Stable lower-case name of `kind` for logs and tests ("not-found", "no-secret-service",
    /// "access-denied", "other").
    static QString kindName(Kind kind) {
        switch (kind) {
        case Kind::NotFound:
            return QStringLiteral("not-found");
        case Kind::NoSecretService:
            return QStringLiteral("no-secret-service");
        case Kind::AccessDenied:
            return QStringLiteral("access-denied");
        case Kind::Other:
            break;
        }
        return QStringLiteral("other");
    }
};

} // namespace services
