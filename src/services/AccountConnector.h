#pragma once

#include "core/Clock.h"
#include "services/AccountProfile.h"
#include "services/WcsBinding.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace sip {
class ConnectionManager;
}
namespace wcs {
class Session;
}

namespace services {

class AccountService;
class CallService;
class MediaEngine;
class SessionMonitor;
class SessionPasswordCache;
class StreamMonitor;

/// Connects and disconnects accounts, any number at once: per connected profile either a
/// wcs::Session plus its WcsBinding (AccountProfile::Backend::Wcs) or a sip::ConnectionManager
/// plus its SipBinding (Backend::SipWebSocket, parameters from SipProfileMapper). The SIP
/// password comes from the user's explicit "type it each time" choice (SessionPasswordCache) or
/// from the keychain (AccountService::loadPassword, asynchronous); it is handed to the session
/// or manager and never stored anywhere else.
///
/// ICE servers: a profile with a TURN server (AccountProfile::turnServer/turnUser) gets its
/// TURN password the same way (SessionPasswordCache under AccountService::turnCredentialKey(),
/// else AccountService::loadTurnPassword()); when none is available the account connects
/// without TURN and the log says why. Before the backend starts, the profile's STUN/TURN
/// servers are handed to the media engine (MediaEngine::setAccountIceServers(), URIs from
/// IceServerUris), so every call of the account uses them; disconnecting clears them. SIP
/// profiles also carry them in ConnectionParameters::iceServers (SipProfileMapper).
///
/// Disconnecting a SIP account is asynchronous on the wire: the manager sends the un-REGISTER
/// (spec sip-connection-manager.md §5.7) and is kept, with its binding, until it reaches idle
/// (at most kSipDrainTimeoutMs), so `unregistered` / `disconnected` still reach SessionMonitor
/// and the journal; then both are deleted. Connecting the same account again meanwhile waits
/// for that. Destroying the connector cuts any un-REGISTER still in flight.
///
/// Errors come back as signals, never as exceptions: passwordRequired() when a SIP profile has
/// no usable password (nothing stored, or no secret service: the UI asks and may cache it),
/// connectFailed() for an unknown or invalid profile or unusable TLS settings.
class AccountConnector : public QObject {
    Q_OBJECT

public:
    AccountConnector(AccountService& accounts, SessionPasswordCache& typedPasswords,
                     CallService& calls, StreamMonitor& streams, SessionMonitor& sessions,
                     std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);
    ~AccountConnector() override;

    /// Upper bound (ms) on keeping a disconnecting SIP manager for its un-REGISTER.
    static constexpr int kSipDrainTimeoutMs = 5000;

    /// Journal sink given to every binding (WCS and SIP) created from now on; SIP bindings
    /// journal every raw `connection:*` event with its payload (password redacted).
    void setJournal(WcsBinding::JournalSink sink) { m_journal = std::move(sink); }
    /// Media engine given to every binding created from now on (calls carry audio); null or
    /// never set: calls are signalled without audio. Must outlive the bindings.
    void setMediaEngine(MediaEngine* engine) { m_media = engine; }

    /// Starts connecting profile `id`. False when it is unknown, invalid, already connected
    /// or uses a backend this build cannot connect yet (connectFailed() says why); true when
    /// connecting started or waits for the keychain.
    bool connectAccount(const QString& id);
    /// Closes the account's session (DISCONNECTED by user) and forgets it.
    void disconnectAccount(const QString& id);
    void disconnectAll();
    /// disconnectAll(), then runs a local event loop until every SIP manager has finished its
    /// un-REGISTER (drainingCount() == 0) or `timeoutMs` ms passed; for the quit path, after
    /// the application's event loop returned. True when nothing is left draining.
    bool disconnectAllAndWait(int timeoutMs);

    bool isConnected(const QString& id) const { return m_live.contains(id); }
    QStringList connectedAccounts() const { return m_live.keys(); }
    /// The session of a connected WCS account, nullptr otherwise (and for SIP accounts).
    wcs::Session* session(const QString& id) const;
    /// The binding of a connected WCS account (streams with media go through it), nullptr
    /// otherwise (and for SIP accounts).
    WcsBinding* wcsBinding(const QString& id) const;
    /// The manager of a connected SIP-over-WebSocket account, nullptr otherwise (and for WCS
    /// accounts). It lives until the account is disconnected (then it drains, see above).
    sip::ConnectionManager* sipManager(const QString& id) const;
    /// Number of SIP managers still sending their un-REGISTER after a disconnect.
    int drainingCount() const { return static_cast<int>(m_draining.size()); }

Q_SIGNALS:
    void accountConnecting(const QString& id);
    /// The backend of account `id` exists now (session(id) for WCS, sipManager(id) for SIP is
    /// non-null) and is about to open. Raised once per connect, after accountConnecting()
    /// (which may come before the keychain answered, when there is no backend yet).
    void sessionStarted(const QString& id);
    void accountDisconnected(const QString& id);
    /// A SIP profile needs a password that is not available: `reason` says why (not stored,
    /// no secret service, access denied).
    void passwordRequired(const QString& id, const QString& reason);
    void connectFailed(const QString& id, const QString& reason);
    /// The SIP manager of disconnected account `id` is gone (idle after its un-REGISTER, or
    /// dropped after kSipDrainTimeoutMs).
    void sipDrained(const QString& id);

private:
    struct Live;
    /// Gets the TURN password when the profile has a TURN server, then launch().
    void start(const QString& id, const QString& password);
    /// Configures the media engine's ICE servers for `id` and starts its backend.
    void launch(const QString& id, const QString& password, const QString& turnPassword);
    void startWcs(const QString& id, const AccountProfile& profile, const QString& password);
    void startSip(const QString& id, const AccountProfile& profile, const QString& password,
                  const QString& turnPassword);
    void drain(const QString& id, std::shared_ptr<Live> live);
    void finishDrain(const QString& id);

    AccountService& m_accounts;
    SessionPasswordCache& m_typed;
    CallService& m_calls;
    StreamMonitor& m_streams;
    SessionMonitor& m_sessions;
    std::shared_ptr<const core::Clock> m_clock;
    WcsBinding::JournalSink m_journal;
    MediaEngine* m_media = nullptr;
    QHash<QString, std::shared_ptr<Live>> m_live;
    QStringList m_waitingForKeychain;
    QHash<QString, std::shared_ptr<Live>> m_draining; ///< SIP managers sending un-REGISTER
    QHash<QString, QString> m_afterDrain;             ///< id -> password to start with
};

} // namespace services
