#pragma once

#include "services/AccountFieldError.h"
#include "services/AccountProfile.h"

#include <QList>

namespace services {

/// The rules a services::AccountProfile must meet before it is saved or used.
class AccountValidator {
public:
    /// Every broken rule, in field order; empty when the profile is fine. Rules:
    /// * id: empty (a new profile) or a uuid.
    /// * name: not blank.
    /// * serverUrl: valid, scheme ws or wss (both backends), a host, no user name or password.
    /// * appKey: not blank for WCS.
    /// * sipLogin / sipDomain: required for SIP over WebSocket (optional for WCS: no login
    ///   means a session without SIP, and registerRequired is then not sent).
    /// * sipPort: 0 (not set) or 1..65535.
    /// * customJson: empty or a JSON object.
    /// * reconnectMinMs >= 1, reconnectMaxMs >= reconnectMinMs, watchdogMs >= 0.
    /// * tlsCaFile: empty or a readable file; tlsPinnedSha256: empty or 64 hex digits
    ///   (colons and spaces allowed).
    /// * stunServer / turnServer: empty or `host[:port]` / `[IPv6][:port]`, port 1..65535, no
    ///   scheme or user info (IceServerUris::parseAddress()); turnUser: required (not blank, no
    ///   leading or trailing space) when there is a turnServer.
    static QList<AccountFieldError> validate(const AccountProfile& profile);
};

} // namespace services
