#pragma once

#include "core/Clock.h"
#include "core/ConnectionStatusEvent.h"
#include "core/RegistrationStatusEvent.h"
#include "core/SessionDebugStatusEvent.h"
#include "services/AccountState.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace services {

/// Per account: connection, registration and server debug-session state, with the reason of
/// the last failure, the reconnect attempt count and the time of the next attempt. Fed by the
/// backend adapters (WCS, SIP) with domain events; read by the status strip and the tray.
class SessionMonitor : public QObject {
    Q_OBJECT

public:
    explicit SessionMonitor(std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);

    /// Starts tracking `accountId` (DISCONNECTED). `registrationWanted`: the profile registers.
    void addAccount(const QString& accountId, bool registrationWanted);
    void removeAccount(const QString& accountId);

    void apply(const QString& accountId, const core::ConnectionStatusEvent& event);
    void apply(const QString& accountId, const core::RegistrationStatusEvent& event);
    void apply(const QString& accountId, const core::SessionDebugStatusEvent& event);
    /// The backend scheduled reconnect attempt `attempt` in `delayMs` ms.
    void reconnectScheduled(const QString& accountId, int attempt, int delayMs);

    QStringList accounts() const { return m_order; }
    AccountState state(const QString& accountId) const { return m_states.value(accountId); }
    /// The worst connection state over all accounts (for the tray icon): FAILED, then
    /// DISCONNECTED/PENDING/CONNECTED, then ESTABLISHED/REGISTERED. DISCONNECTED with no account.
    core::SessionStatus worstConnection() const;

Q_SIGNALS:
    void accountAdded(const QString& accountId);
    void accountRemoved(const QString& accountId);
    void stateChanged(const QString& accountId);
    /// An established connection was lost (for "connection lost" notifications).
    void connectionLost(const QString& accountId, const QString& reason);
    /// A connection came back after a loss.
    void connectionRestored(const QString& accountId);

private:
    AccountState* stateOf(const QString& accountId);
    void failure(AccountState& s, const QString& what);

    std::shared_ptr<const core::Clock> m_clock;
    QHash<QString, AccountState> m_states;
    QStringList m_order;
    QHash<QString, bool> m_wasLost;
};

} // namespace services
