#include "services/SipProfileMapper.h"

#include "services/IceServerUris.h"

#include <QCoreApplication>
#include <QSslCertificate>

#include <algorithm>

namespace services {

sip::ConnectionParameters SipProfileMapper::parameters(const AccountProfile& profile,
                                                       const QString& password,
                                                       const QString& turnPassword) {
    sip::ConnectionParameters p;
    p.sipServerIp = profile.sipDomain.trimmed();
    p.sipServerUrl = profile.serverUrl.toString();
    p.register_ = profile.registerRequired;
    if (!profile.sipLogin.trimmed().isEmpty()) {
        p.user = profile.sipLogin.trimmed();
    }
    if (!password.isEmpty()) {
        p.password = password;
    }
    p.connectionRecoveryMinInterval = secondsRoundedUp(profile.reconnectMinMs);
    p.connectionRecoveryMaxInterval =
        std::max(p.connectionRecoveryMinInterval, secondsRoundedUp(profile.reconnectMaxMs));
    // Stored in the configuration for the call layer (spec §3.1); the media engine gets the
    // same servers per account from AccountConnector.
    if (const QString stun = IceServerUris::stunUrl(profile); !stun.isEmpty()) {
        p.iceServers.append({{stun}, std::nullopt, std::nullopt});
    }
    if (const QString turn = IceServerUris::turnUrl(profile); !turn.isEmpty()) {
        sip::IceServer server{{turn}, profile.turnUser, std::nullopt};
        if (!turnPassword.isEmpty()) {
            server.credential = turnPassword;
        }
        p.iceServers.append(server);
    }
    return p;
}

std::optional<sip::ConnectionManagerOptions>
SipProfileMapper::managerOptions(const AccountProfile& profile, QString* error) {
    sip::ConnectionManagerOptions o;
    o.instanceId = profile.id;
    // A desktop user starting the app while the server blinks should not have to press
    // Connect again: sip-connector's own default of 3 tries (spec §7.1, handshake failures only).
    o.numberOfConnectionAttempts = 3;
    if (!profile.tlsPinnedSha256.isEmpty()) {
        if (error) {
            *error = QCoreApplication::translate(
                "services::SipProfileMapper",
                "Certificate pinning is not available for SIP over WebSocket accounts; "
                "trust the server through a CA file instead.");
        }
        return std::nullopt;
    }
    if (!profile.tlsCaFile.isEmpty()) {
        o.caCertificates = QSslCertificate::fromPath(profile.tlsCaFile, QSsl::Pem);
        if (o.caCertificates.isEmpty()) {
            if (error) {
                *error = QCoreApplication::translate("services::SipProfileMapper",
                                                     "The CA file %1 holds no PEM certificate.")
                             .arg(profile.tlsCaFile);
            }
            return std::nullopt;
        }
    }
    return o;
}

int SipProfileMapper::secondsRoundedUp(int ms) {
    if (ms <= 0) {
        return 1;
    }
    return static_cast<int>((static_cast<qint64>(ms) + 999) / 1000);
}

} // namespace services
