#pragma once

#include "services/JournalEntry.h"

#include <QObject>
#include <QString>

#include <functional>

namespace core {
class Clock;
}

namespace services {

class AppSettings;
class CallService;

/// Do not disturb, for real: while AppSettings::doNotDisturb() is on, every incoming call that
/// starts ringing is rejected at once through CallService::hangUp() (the WCS `hangup` of an
/// incoming call declines it). CallService marks the call hungUpHere, so History records it as
/// "rejected", not "missed"; the Notifier and the ringer see hungUpHere / doNotDisturb and stay
/// silent. Each rejection is written to the journal as a `DoNotDisturbEvent` line (status
/// "REJECTED", objectId = callId, JSON with caller and account) and announced by
/// callRejected().
///
/// Connect it to CallService before anything that rings or pops up, so it acts first.
class DoNotDisturbPolicy : public QObject {
    Q_OBJECT

public:
    using JournalSink = std::function<void(const JournalEntry&)>;

    /// Every reference must outlive the policy. `journal` may be empty (no journal line).
    DoNotDisturbPolicy(AppSettings& settings, CallService& calls, const core::Clock& clock,
                       JournalSink journal = {}, QObject* parent = nullptr);

    /// Number of calls rejected since start.
    int rejectedCount() const { return m_rejected; }

Q_SIGNALS:
    /// An incoming call from `caller` was rejected because do-not-disturb is on. `refused`:
    /// the backend did not accept the reject (not connected); the call then ends by itself.
    void callRejected(const QString& accountId, const QString& callId, const QString& caller,
                      bool refused);

private:
    void onRinging(const QString& accountId, const QString& callId);

    AppSettings& m_settings;
    CallService& m_calls;
    const core::Clock& m_clock;
    JournalSink m_journal;
    int m_rejected = 0;
};

} // namespace services
