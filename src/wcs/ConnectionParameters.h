#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace wcs {

/// Fields of the first client message, `connection` (spec §3.1). Null strings and empty
/// optionals are left out of the frame, as the SDK leaves out `undefined` fields.
struct ConnectionParameters {
    QString appKey = QStringLiteral("defaultApp");
    QStringList mediaProviders{QStringLiteral("WebRTC")};
    std::optional<bool> keepAlive; ///< keep the server session after the socket drops (§2.3)
    QString authToken;             ///< re-attach to a kept-alive session; secret
    QString clientVersion = QStringLiteral("2.0"); ///< keep "2.0" like SDK 2.0.276 (§3.1)
    QString clientOSVersion;
    QString clientBrowserVersion;
    int msePacketizationVersion = 2;
    QByteArray custom;          ///< compact JSON object handed to REST hooks; empty = absent
    bool sendClientInfo = true; ///< send `clientInfo: {}` like the SDK on a non-https page

    // SIP options: sent only when sipLogin is set.
    QString sipLogin;
    QString sipAuthenticationName;
    QString sipPassword; ///< secret: never log (redacted by Codec::redact)
    QString sipDomain;
    QString sipOutboundProxy;
    QString sipProxy;
    std::optional<int> sipPort;
    std::optional<bool> sipRegisterRequired;
    QString sipVisibleName;   ///< documented by WCS, not sent by 2.0.276 (§3.1)
    QString sipContactParams; ///< documented by WCS, not sent by 2.0.276 (§3.1)

    bool hasSip() const { return !sipLogin.isEmpty(); }
};

} // namespace wcs
