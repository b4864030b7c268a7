#include "CallDriver.h"

#include "services/CallRecord.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"

namespace soak {

CallDriver::CallDriver(services::CallService& calls, services::SessionMonitor& sessions,
                       QString accountId, QString callee, int everyMs, int holdMs, QObject* parent)
    : QObject(parent)
    , m_calls(calls)
    , m_sessions(sessions)
    , m_accountId(std::move(accountId))
    , m_callee(std::move(callee))
    , m_holdMs(holdMs) {
    m_timer.setInterval(everyMs);
    connect(&m_timer, &QTimer::timeout, this, &CallDriver::tick);
    connect(&m_calls, &services::CallService::callChanged, this, &CallDriver::onChanged);
    connect(&m_calls, &services::CallService::callEnded, this, &CallDriver::onEnded);
}

void CallDriver::start() {
    m_timer.start();
}

void CallDriver::stop() {
    m_timer.stop();
}

void CallDriver::tick() {
    if (!m_current.isEmpty() && m_currentAge.elapsed() > kStuckMs) {
        ++m_stuck;
        m_current.clear();
    }
    if (!m_current.isEmpty() ||
        m_sessions.state(m_accountId).registration != core::RegistrationStatus::Registered) {
        ++m_skipped;
        return;
    }
    const QString callId = m_calls.dial(m_accountId, m_callee);
    if (callId.isEmpty()) {
        ++m_refused;
        return;
    }
    ++m_placed;
    m_current = callId;
    m_currentAge.start();
    m_hangupScheduled = false;
}

void CallDriver::onChanged(const QString& accountId, const QString& callId) {
    if (accountId != m_accountId || callId != m_current || m_hangupScheduled) {
        return;
    }
    const services::CallRecord* r = m_calls.find(accountId, callId);
    if (!r || r->status != core::CallStatus::Established) {
        return;
    }
    ++m_established;
    m_hangupScheduled = true;
    QTimer::singleShot(m_holdMs, this, [this, callId] {
        if (callId == m_current && m_calls.hangUp(m_accountId, callId)) {
            ++m_hungUp;
        }
    });
}

void CallDriver::onEnded(const services::CallRecord& record) {
    if (record.accountId != m_accountId || record.callId != m_current) {
        return;
    }
    ++m_ended;
    if (record.status != core::CallStatus::Finish) {
        ++m_failed;
    }
    m_current.clear();
}

} // namespace soak
