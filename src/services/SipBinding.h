#pragma once

#include "core/CallStatus.h"
#include "core/Clock.h"
#include "services/CallBackend.h"
#include "services/JournalEntry.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace sip {
class ConnectionManager;
enum class ConnectionEvent;
} // namespace sip

namespace services {

class CallService;
class SessionMonitor;

/// Connects one SIP-over-WebSocket account's sip::ConnectionManager to the state services, the
/// way WcsBinding does for WCS, so the UI shows SIP accounts exactly like WCS accounts
/// (issue #5; shared/spec/sip-connection-manager.md section numbers below).
///
/// Domain mapping of the `connection:*` events (§5.1) into SessionMonitor:
/// | event | core event |
/// |---|---|
/// | `connecting` | ConnectionStatusEvent PENDING |
/// | `connected` | CONNECTED when the profile registers, else ESTABLISHED |
/// | `registered` | RegistrationStatusEvent REGISTERED (sipStatus 200) + connection REGISTERED |
/// | `registrationFailed` | RegistrationStatusEvent AUTHENTICATION_FAIL (401/407) or FAILED, info =
/// cause + status line; connection CONNECTED (socket up, not usable) or left to `disconnected` | |
/// `unregistered` | RegistrationStatusEvent UNREGISTERED | | `disconnected` | ConnectionStatusEvent
/// FAILED when `error`, else DISCONNECTED; info = reason, closeCode = code | | `connect-failed`
/// without a socket (validation, provider, §5.4) | ConnectionStatusEvent FAILED, info = message |
/// | recoveryScheduled | SessionMonitor::reconnectScheduled |
///
/// An incoming INVITE (`newRTCSession`, originator remote) is rejected by the UA with 488
/// until the media layer exists; it is reported to CallService as an incoming call FAILED with
/// sipStatus 488 and info "no usable media", so the user sees the missed call and why.
///
/// As the account's CallBackend: dial() sends an INVITE with sip::PlaceholderOffer (inactive
/// audio: a call without sound until the media layer lands) and reports TRYING, then RING
/// (180) / SESSION_PROGRESS (183), ESTABLISHED (2xx), and at the end FINISH (BYE either way,
/// CANCEL), BUSY (486/600) or FAILED with the JsSIP cause and SIP code. hangUp() is CANCEL or
/// BYE. answer/hold/unhold/transfer/sendDtmf return false (refused: not implemented for SIP).
///
/// Every raw event goes to the journal as `{"type":"connection:<name>", ...payload}` with
/// `password` redacted (Authorization digests are already redacted in `raw`).
class SipBinding : public QObject, public CallBackend {
    Q_OBJECT

public:
    using JournalSink = std::function<void(const JournalEntry&)>;

    SipBinding(QString accountId, sip::ConnectionManager& manager, bool registrationWanted,
               CallService& calls, SessionMonitor& sessions,
               std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);
    ~SipBinding() override;

    // CallBackend
    QString dial(const QString& callee, bool video) override;
    bool answer(const QString& callId) override;
    bool hangUp(const QString& callId) override;
    bool hold(const QString& callId, bool forTransfer) override;
    bool unhold(const QString& callId) override;
    bool transfer(const QString& callId, const QString& target) override;
    bool sendDtmf(const QString& callId, const QString& digits, core::DtmfType type) override;

    void setJournal(JournalSink sink) { m_journal = std::move(sink); }
    const QString& accountId() const { return m_accountId; }

private:
    void onEvent(sip::ConnectionEvent event, const QJsonObject& payload);
    void onIncomingCall(const QJsonObject& payload);
    void applyCall(const QString& callId, core::CallStatus status, int sipStatus = -1,
                   const QString& info = {});

    QString m_accountId;
    sip::ConnectionManager& m_manager;
    bool m_registrationWanted;
    CallService& m_calls;
    SessionMonitor& m_sessions;
    std::shared_ptr<const core::Clock> m_clock;
    JournalSink m_journal;
};

} // namespace services
