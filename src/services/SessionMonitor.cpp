#include "services/SessionMonitor.h"

namespace services {

namespace {

bool isUp(core::SessionStatus s) {
    return s == core::SessionStatus::Established || s == core::SessionStatus::Registered;
}

/// Higher is worse: a failed connection, then one that is not up, then up but not registered.
int severity(core::SessionStatus s) {
    switch (s) {
    case core::SessionStatus::Failed:
        return 3;
    case core::SessionStatus::Established:
    case core::SessionStatus::Unregistered:
        return 1;
    case core::SessionStatus::Registered:
        return 0;
    default:
        return 2;
    }
}

} // namespace

SessionMonitor::SessionMonitor(std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {}

void SessionMonitor::addAccount(const QString& accountId, bool registrationWanted) {
    if (m_states.contains(accountId)) {
        m_states[accountId].registrationWanted = registrationWanted;
        Q_EMIT stateChanged(accountId);
        return;
    }
    AccountState s;
    s.accountId = accountId;
    s.registrationWanted = registrationWanted;
    s.connectionSinceMs = m_clock->nowMs();
    m_states.insert(accountId, s);
    m_order.append(accountId);
    Q_EMIT accountAdded(accountId);
}

void SessionMonitor::removeAccount(const QString& accountId) {
    if (m_states.remove(accountId) > 0) {
        m_order.removeAll(accountId);
        m_wasLost.remove(accountId);
        Q_EMIT accountRemoved(accountId);
    }
}

AccountState* SessionMonitor::stateOf(const QString& accountId) {
    const auto it = m_states.find(accountId);
    return it == m_states.end() ? nullptr : &*it;
}

void SessionMonitor::failure(AccountState& s, const QString& what) {
    s.lastFailure = what;
    s.lastFailureMs = m_clock->nowMs();
}

void SessionMonitor::apply(const QString& accountId, const core::ConnectionStatusEvent& e) {
    AccountState* s = stateOf(accountId);
    if (!s) {
        return;
    }
    const bool wasUp = isUp(s->connection);
    const core::SessionStatus to = e.status.value;
    if (to == core::SessionStatus::Unknown) {
        return;
    }
    s->connection = to;
    s->connectionSinceMs = m_clock->nowMs();
    if (!e.sessionId.isEmpty()) {
        s->sessionId = e.sessionId;
    }
    if (to == core::SessionStatus::Failed || to == core::SessionStatus::Disconnected) {
        s->connectionInfo = e.info;
        if (to == core::SessionStatus::Failed) {
            failure(*s, e.info);
        }
        s->registration = core::RegistrationStatus::Unregistered; // no session, no registration
        s->debug = core::SessionDebugStatus::Stopped;
    } else if (isUp(to)) {
        s->reconnectAttempt = 0;
        s->nextAttemptAtMs = 0;
        s->connectionInfo.clear();
    }
    Q_EMIT stateChanged(accountId);
    if (wasUp && !isUp(to)) {
        m_wasLost.insert(accountId, true);
        Q_EMIT connectionLost(accountId, e.info);
    } else if (!wasUp && isUp(to) && m_wasLost.value(accountId)) {
        m_wasLost.insert(accountId, false);
        Q_EMIT connectionRestored(accountId);
    }
}

void SessionMonitor::apply(const QString& accountId, const core::RegistrationStatusEvent& e) {
    AccountState* s = stateOf(accountId);
    if (!s || e.status == core::RegistrationStatus::Unknown) {
        return;
    }
    s->registration = e.status.value;
    s->registrationSinceMs = m_clock->nowMs();
    if (e.status == core::RegistrationStatus::Registered) {
        s->registrationInfo.clear();
    } else {
        s->registrationInfo = e.info;
        if (e.status != core::RegistrationStatus::Unregistered) {
            failure(*s, e.info.isEmpty() ? e.status.text() : e.info);
        }
    }
    Q_EMIT stateChanged(accountId);
}

void SessionMonitor::apply(const QString& accountId, const core::SessionDebugStatusEvent& e) {
    AccountState* s = stateOf(accountId);
    if (!s || e.status == core::SessionDebugStatus::Unknown) {
        return;
    }
    s->debug = e.status.value;
    if (!e.file.isEmpty()) {
        s->debugFile = e.file;
    }
    Q_EMIT stateChanged(accountId);
}

void SessionMonitor::reconnectScheduled(const QString& accountId, int attempt, int delayMs) {
    AccountState* s = stateOf(accountId);
    if (!s) {
        return;
    }
    s->reconnectAttempt = attempt;
    s->nextAttemptAtMs = m_clock->nowMs() + delayMs;
    Q_EMIT stateChanged(accountId);
}

core::SessionStatus SessionMonitor::worstConnection() const {
    core::SessionStatus worst = core::SessionStatus::Disconnected;
    int worstSeverity = m_states.isEmpty() ? 2 : -1;
    for (const AccountState& s : m_states) {
        if (severity(s.connection) > worstSeverity) {
            worstSeverity = severity(s.connection);
            worst = s.connection;
        }
    }
    return worst;
}

} // namespace services
