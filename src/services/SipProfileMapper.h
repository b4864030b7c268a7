#pragma once

#include "services/AccountProfile.h"
#include "sip/ConnectionManager.h"
#include "sip/ConnectionParameters.h"

#include <QString>

#include <optional>

namespace services {

/// Turns a "SIP over WebSocket" AccountProfile into what sip::ConnectionManager takes
/// (shared/spec/sip-connection-manager.md §3.1 TParametersConnection), the way
/// AccountService::sessionOptionsFor() does for WCS. Pure functions, no I/O except reading the
/// CA file.
///
/// | profile | sip:: |
/// |---|---|
/// | sipDomain | ConnectionParameters::sipServerIp (the domain of every URI) |
/// | serverUrl (ws:// or wss://) | sipServerUrl, used as is (§8.1) |
/// | sipLogin / password | user / password (password only when not empty) |
/// | registerRequired | register_ |
/// | reconnectMinMs / reconnectMaxMs | connectionRecoveryMin/MaxInterval, seconds rounded up, >= 1
/// | | tlsCaFile (PEM) | ConnectionManagerOptions::caCertificates | | id (uuid) |
/// ConnectionManagerOptions::instanceId (stable `+sip.instance`, RFC 5626) |
/// | (fixed) | ConnectionManagerOptions::numberOfConnectionAttempts = 3 (§7.1) |
/// | stunServer | iceServers `{urls: ["stun:host:port"]}` (RFC 7064) |
/// | turnServer, turnTransport, turnUser / TURN password | iceServers `{urls:
/// ["turn:host:port?transport=udp"], username, credential}` (RFC 7065; credential only when
/// the password is known; ConnectionParameters::redactedJson() masks it) |
///
/// Not mapped (no SIP-over-WebSocket equivalent in §3.1): appKey, customJson, keepAlive,
/// watchdogMs, sipAuthenticationName, sipOutboundProxy, sipPort. A pinned certificate
/// (tlsPinnedSha256) is refused by managerOptions() rather than silently ignored.
class SipProfileMapper {
public:
    /// Connection parameters for `profile` with `password` (may be empty: then `password` is
    /// not set and §3.2 validation reports it when the profile registers) and the TURN
    /// password (empty: the TURN entry has no credential). Never logged unredacted.
    static sip::ConnectionParameters parameters(const AccountProfile& profile,
                                                const QString& password,
                                                const QString& turnPassword = QString());

    /// Manager options for `profile`, or nullopt with `*error` (translated, for the user) set
    /// when the CA file yields no PEM certificate or a certificate pin is configured.
    static std::optional<sip::ConnectionManagerOptions>
    managerOptions(const AccountProfile& profile, QString* error);

    /// `ms` as whole seconds, rounded up, at least 1 (1 ms -> 1 s, 1001 ms -> 2 s).
    static int secondsRoundedUp(int ms);
};

} // namespace services
