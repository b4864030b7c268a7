#pragma once

#include "core/CallStatusEvent.h"
#include "core/Clock.h"
#include "core/TransferStatusEvent.h"
#include "core/Transition.h"
#include "media/MediaStats.h"
#include "services/CallBackend.h"
#include "services/CallRecord.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace services {

/// All calls of all accounts (WCS and SIP alike), keyed by (accountId, callId). Applies call
/// and transfer events through core::Lifecycle: illegal transitions are logged and ignored.
/// Routes user intents to the account's CallBackend and keeps the call-waiting rule: at most
/// one call talks at a time, answering or resuming a call first holds the one that talks.
class CallService : public QObject {
    Q_OBJECT

public:
    explicit CallService(std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);

    /// The backend that acts for `accountId` (not owned; nullptr removes it).
    void setBackend(const QString& accountId, CallBackend* backend);

    core::Transition apply(const QString& accountId, const core::CallStatusEvent& event);
    core::Transition apply(const QString& accountId, const core::TransferStatusEvent& event);

    /// Calls in creation order (ended calls stay until clearEnded()).
    QList<CallRecord> calls() const;
    const CallRecord* find(const QString& accountId, const QString& callId) const;
    /// The call that talks (ESTABLISHED), nullptr when none.
    const CallRecord* activeCall() const;
    void clearEnded();

    // --- intents (false when the backend refused or the call is unknown) ---
    QString dial(const QString& accountId, const QString& callee, bool video = false);
    bool answer(const QString& accountId, const QString& callId);
    bool hangUp(const QString& accountId, const QString& callId);
    bool hold(const QString& accountId, const QString& callId);
    bool resume(const QString& accountId, const QString& callId);
    /// Blind transfer: holds the call for transfer (spec §7.4), then sends `transfer` once the
    /// call is HOLD. A FAILED transfer resumes the call.
    bool transfer(const QString& accountId, const QString& callId, const QString& target);
    /// The hold that comes before a transfer while the user types the target (spec §7.4:
    /// `hold` with `holdForTransfer`); resume() gives the call back when the user cancels.
    bool holdForTransfer(const QString& accountId, const QString& callId);
    bool sendDtmf(const QString& accountId, const QString& callId, const QString& digits,
                  core::DtmfType type);

    // --- media of a call (services::MediaEngine, wired by the composition root) ---
    /// Folds a statistics snapshot of the call's audio into CallRecord::quality and emits
    /// callChanged(). False (nothing changes) for an unknown or ended call.
    bool applyQuality(const QString& accountId, const QString& callId,
                      const media::MediaStats& stats);
    /// The call got (`present`) or lost its media endpoint; a new endpoint clears the mute
    /// flag and the last media error. Emits callChanged() when something changed.
    bool applyMediaEndpoint(const QString& accountId, const QString& callId, bool present);
    /// The call's microphone was muted or unmuted. Emits callChanged() when it changed.
    bool applyMuted(const QString& accountId, const QString& callId, bool muted);
    /// The call's media failed (`reason` for the user); the call itself goes on. Emits
    /// callChanged(). False for an unknown or ended call.
    bool applyMediaFailure(const QString& accountId, const QString& callId, const QString& reason);

    quint64 illegalTransitions() const { return m_illegal; }

Q_SIGNALS:
    void callAdded(const QString& accountId, const QString& callId);
    void callChanged(const QString& accountId, const QString& callId);
    /// The call reached FINISH/BUSY/FAILED; `record` is its final state (for history).
    void callEnded(const services::CallRecord& record);
    /// clearEnded() removed the ended calls: views must re-read calls().
    void endedCallsCleared();
    /// An incoming call started ringing (for the ringer and the popup).
    void incomingCallRinging(const QString& accountId, const QString& callId);

private:
    using Key = QPair<QString, QString>;
    CallRecord* findMutable(const QString& accountId, const QString& callId);
    CallBackend* backend(const QString& accountId) const;
    void holdOthers(const QString& accountId, const QString& callId);

    std::shared_ptr<const core::Clock> m_clock;
    QHash<Key, CallRecord> m_calls;
    QList<Key> m_order;
    QHash<QString, CallBackend*> m_backends;
    QHash<Key, QString> m_pendingTransfers; ///< call -> target, sent once HOLD arrives
    quint64 m_illegal = 0;
};

} // namespace services
