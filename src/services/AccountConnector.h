#pragma once

#include "core/Clock.h"
#include "services/WcsBinding.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace wcs {
class Session;
}

namespace services {

class AccountService;
class CallService;
class SessionMonitor;
class SessionPasswordCache;
class StreamMonitor;

/// Connects and disconnects accounts: one wcs::Session plus its WcsBinding per connected
/// profile, any number at once. The SIP password comes from the user's explicit "type it each
/// time" choice (SessionPasswordCache) or from the keychain (AccountService::loadPassword,
/// asynchronous); it is handed to the session and never stored anywhere else.
///
/// Errors come back as signals, never as exceptions: passwordRequired() when a SIP profile has
/// no usable password (nothing stored, or no secret service: the UI asks and may cache it),
/// connectFailed() for an unknown or invalid profile or a backend not available yet.
class AccountConnector : public QObject {
    Q_OBJECT

public:
    AccountConnector(AccountService& accounts, SessionPasswordCache& typedPasswords,
                     CallService& calls, StreamMonitor& streams, SessionMonitor& sessions,
                     std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);
    ~AccountConnector() override;

    /// Journal sink given to every binding created from now on.
    void setJournal(WcsBinding::JournalSink sink) { m_journal = std::move(sink); }

    /// Starts connecting profile `id`. False when it is unknown, invalid, already connected
    /// or uses a backend this build cannot connect yet (connectFailed() says why); true when
    /// connecting started or waits for the keychain.
    bool connectAccount(const QString& id);
    /// Closes the account's session (DISCONNECTED by user) and forgets it.
    void disconnectAccount(const QString& id);
    void disconnectAll();

    bool isConnected(const QString& id) const { return m_live.contains(id); }
    QStringList connectedAccounts() const { return m_live.keys(); }
    /// The session of a connected account, nullptr otherwise.
    wcs::Session* session(const QString& id) const;

Q_SIGNALS:
    void accountConnecting(const QString& id);
    void accountDisconnected(const QString& id);
    /// A SIP profile needs a password that is not available: `reason` says why (not stored,
    /// no secret service, access denied).
    void passwordRequired(const QString& id, const QString& reason);
    void connectFailed(const QString& id, const QString& reason);

private:
    struct Live;
    void start(const QString& id, const QString& password);

    AccountService& m_accounts;
    SessionPasswordCache& m_typed;
    CallService& m_calls;
    StreamMonitor& m_streams;
    SessionMonitor& m_sessions;
    std::shared_ptr<const core::Clock> m_clock;
    WcsBinding::JournalSink m_journal;
    QHash<QString, std::shared_ptr<Live>> m_live;
    QStringList m_waitingForKeychain;
};

} // namespace services
