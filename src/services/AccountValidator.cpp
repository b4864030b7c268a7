#include "services/AccountValidator.h"

#include "services/IceServerUris.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>

namespace services {

namespace {

bool isHexFingerprint(const QByteArray& text) {
    QByteArray hex = text;
    hex.replace(':', QByteArray()).replace(' ', QByteArray());
    if (hex.size() != 64) {
        return false;
    }
    for (const char c : hex) {
        const bool digit =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!digit) {
            return false;
        }
    }
    return true;
}

} // namespace

QList<AccountFieldError> AccountValidator::validate(const AccountProfile& p) {
    QList<AccountFieldError> errors;
    const auto fail = [&errors](const char* field, const QString& message) {
        errors.append({QString::fromLatin1(field), message});
    };
    const bool sip = p.backend == AccountProfile::Backend::SipWebSocket;

    if (!p.id.isEmpty() && QUuid::fromString(p.id).isNull()) {
        fail("id", QStringLiteral("The profile id is not a uuid."));
    }
    if (p.name.trimmed().isEmpty()) {
        fail("name", QStringLiteral("Give the profile a name."));
    }

    const QString scheme = p.serverUrl.scheme().toLower();
    if (p.serverUrl.isEmpty()) {
        fail("serverUrl", QStringLiteral("Enter the server address (ws://... or wss://...)."));
    } else if (!p.serverUrl.isValid()) {
        fail("serverUrl", QStringLiteral("The server address is not a valid URL."));
    } else if (scheme != QLatin1StringView("ws") && scheme != QLatin1StringView("wss")) {
        fail("serverUrl", QStringLiteral("The server address must start with ws:// or wss://."));
    } else if (p.serverUrl.host().isEmpty()) {
        fail("serverUrl", QStringLiteral("The server address has no host."));
    } else if (!p.serverUrl.userInfo().isEmpty()) {
        fail("serverUrl", QStringLiteral("Put no user name or password in the server address; "
                                         "the password belongs in the keychain."));
    }

    if (!sip && p.appKey.trimmed().isEmpty()) {
        fail("appKey", QStringLiteral("A WCS profile needs an application key (defaultApp)."));
    }
    if (sip && p.sipLogin.trimmed().isEmpty()) {
        fail("sipLogin", QStringLiteral("A SIP profile needs a SIP login."));
    }
    if (sip && p.sipDomain.trimmed().isEmpty()) {
        fail("sipDomain", QStringLiteral("A SIP profile needs a SIP domain."));
    }
    if (p.sipPort < 0 || p.sipPort > 65535) {
        fail("sipPort", QStringLiteral("The SIP port must be between 1 and 65535 (0: not set)."));
    }

    if (!p.customJson.trimmed().isEmpty()) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(p.customJson, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            fail("customJson", QStringLiteral("The custom data is not valid JSON: %1.")
                                   .arg(parseError.errorString()));
        } else if (!doc.isObject()) {
            fail("customJson", QStringLiteral("The custom data must be a JSON object {...}."));
        }
    }

    if (p.reconnectMinMs < 1) {
        fail("reconnectMinMs", QStringLiteral("The first reconnect delay must be at least 1 ms."));
    } else if (p.reconnectMaxMs < p.reconnectMinMs) {
        fail("reconnectMaxMs",
             QStringLiteral("The longest reconnect delay must not be shorter than the first."));
    }
    if (p.watchdogMs < 0) {
        fail("watchdogMs", QStringLiteral("The watchdog time must be 0 (off) or more."));
    }

    if (!p.tlsCaFile.isEmpty()) {
        const QFileInfo ca(p.tlsCaFile);
        if (!ca.isFile() || !ca.isReadable()) {
            fail("tlsCaFile", QStringLiteral("The CA file %1 cannot be read.").arg(p.tlsCaFile));
        }
    }
    if (!p.tlsPinnedSha256.isEmpty() && !isHexFingerprint(p.tlsPinnedSha256)) {
        fail("tlsPinnedSha256",
             QStringLiteral("The pinned fingerprint must be a SHA-256: 64 hex digits."));
    }

    // ICE servers for call media (RFC 8489 STUN, RFC 8656 TURN): addresses, not URIs.
    QString why;
    if (!p.stunServer.trimmed().isEmpty() &&
        !IceServerUris::parseAddress(p.stunServer, IceServerUris::kDefaultPort, nullptr, nullptr,
                                     &why)) {
        fail("stunServer", QStringLiteral("STUN server: %1").arg(why));
    }
    if (!p.turnServer.trimmed().isEmpty()) {
        if (!IceServerUris::parseAddress(p.turnServer,
                                         IceServerUris::defaultTurnPort(p.turnTransport), nullptr,
                                         nullptr, &why)) {
            fail("turnServer", QStringLiteral("TURN server: %1").arg(why));
        }
        if (p.turnUser.trimmed().isEmpty()) {
            fail("turnUser", QStringLiteral("A TURN server needs a user name."));
        } else if (p.turnUser != p.turnUser.trimmed()) {
            fail("turnUser", QStringLiteral("The TURN user name must not start or end with "
                                            "a space."));
        }
    }
    return errors;
}

} // namespace services
