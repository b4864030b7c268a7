#pragma once

#include "sip/ConnectionParameters.h"

#include <QJsonObject>

#include <functional>

namespace sip {

/// `TConnectionConfig` (spec §3.4): payload of `connect-succeeded` and
/// `connected-with-configuration`, and what getConnectionConfiguration() returns.
struct ConnectionConfig {
    QString sipServerIp;
    QString sipServerUrl;
    QString remoteAddress;
    QList<IceServer> iceServers;
    std::optional<Resolution> maxAvailableResolution;
    QString displayName; ///< as given, not the underscore form
    QString authorizationUser;
    bool register_ = false;
    std::optional<QString> user;
    std::optional<QString> password;

    /// Derived values of §3.3: authorizationUser = trimmed user when registering with a
    /// non-blank user, else a random integer in [100000, 99999999) as decimal text.
    /// `randomInt` (for tests) returns that integer; default QRandomGenerator.
    static ConnectionConfig derive(const ConnectionParameters& p,
                                   const std::function<int()>& randomInt = {});

    /// `sip:<authorizationUser>@<sipServerIp>`
    QString aor() const;

    /// `{sipServerIp, sipServerUrl, remoteAddress, iceServers, [maxAvailableResolution],
    /// displayName, authorizationUser, register, [user], [password]}`; password in clear for
    /// parity (§3.4), so log only ConnectionParameters::redactedJson() of it.
    QJsonObject toJson() const;
};

} // namespace sip
