#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace services {
class CallService;
class SessionMonitor;
struct CallRecord;
} // namespace services

namespace soak {

/// Places one outgoing call every `everyMs` ms through services::CallService (as the phone
/// panel's dial does) while the account is registered and no call of ours is still going,
/// and hangs it up `holdMs` ms after it is ESTABLISHED (CallService::hangUp, as the hang-up
/// button does). Counts what happened to every call.
class CallDriver : public QObject {
    Q_OBJECT

public:
    CallDriver(services::CallService& calls, services::SessionMonitor& sessions, QString accountId,
               QString callee, int everyMs, int holdMs, QObject* parent = nullptr);

    void start();
    void stop();

    int placed() const { return m_placed; }   ///< dial() gave a callId
    int refused() const { return m_refused; } ///< dial() refused (session not ready)
    int skipped() const { return m_skipped; } ///< not placed: not registered / call going
    int established() const { return m_established; }
    int hungUp() const { return m_hungUp; } ///< hangUp() sent by us
    int ended() const { return m_ended; }   ///< reached FINISH/BUSY/FAILED
    int failed() const { return m_failed; } ///< ended FAILED or BUSY (e.g. lost in a drop)
    /// Calls given up on: no end kStuckMs after dial (the driver then places the next one).
    int stuck() const { return m_stuck; }
    static constexpr int kStuckMs = 30000;
    /// Our calls not ended yet.
    int open() const { return m_placed - m_ended; }

private:
    void tick();
    void onChanged(const QString& accountId, const QString& callId);
    void onEnded(const services::CallRecord& record);

    services::CallService& m_calls;
    services::SessionMonitor& m_sessions;
    QString m_accountId;
    QString m_callee;
    int m_holdMs;
    QTimer m_timer;
    QString m_current; ///< callId of our call still going, empty when none
    QElapsedTimer m_currentAge;
    bool m_hangupScheduled = false;
    int m_placed = 0;
    int m_refused = 0;
    int m_skipped = 0;
    int m_established = 0;
    int m_hungUp = 0;
    int m_ended = 0;
    int m_failed = 0;
    int m_stuck = 0;
};

} // namespace soak
