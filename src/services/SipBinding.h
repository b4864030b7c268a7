#pragma once

#include "core/CallStatus.h"
#include "core/Clock.h"
#include "core/TransferStatus.h"
#include "services/CallBackend.h"
#include "services/JournalEntry.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace sip {
class ConnectionManager;
enum class ConnectionEvent;
} // namespace sip

namespace services {

class CallService;
class MediaEngine;
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
/// Calls (`newRTCSession`, both directions) go to the same CallService as WCS calls, through
/// the call's sip::RtcSession:
/// * incoming: RING (caller, display name) after our 180, then the user answers (200 OK) or
///   rejects (486); a call that cannot be taken (sip::RtcSession::rejectionReason(): no usable
///   audio in the offer, 488; not SDP, 415) is FAILED at once with that reason. Declined, not
///   answered within 60 s or expired: FINISH; canceled by the caller: FINISH (a missed call).
/// * outgoing: dial() sends an INVITE with the media's offer, TRYING, then RING (180) /
///   SESSION_PROGRESS (183), ESTABLISHED (2xx), and at the end FINISH (BYE either way,
///   CANCEL), BUSY (486/600) or FAILED with the JsSIP cause and SIP code.
/// * hold()/unhold(): re-INVITE; HOLD / ESTABLISHED once the peer accepted it; a failed
///   re-INVITE leaves the status and says why in `info`. Being held by the peer keeps
///   ESTABLISHED with info "held by the other party".
/// * transfer(): REFER (CallService holds the call first); TransferStatusEvent ACCEPTED (202),
///   TRYING (NOTIFY 1xx), COMPLETED (NOTIFY 2xx, then BYE: the call FINISHes) or FAILED
///   (refused REFER, NOTIFY >= 300; CallService then resumes the call).
/// * sendDtmf(): RFC2833 type as RFC 4733 telephone-event in the call's RTP stream when the
///   media negotiated it, otherwise (and for INFO type) SIP INFO `application/dtmf-relay`, one
///   request per tone.
/// Media: with a MediaEngine that isAvailable(), each call's sip::RtcSession gets a
/// WebRtcDescriptionHandler (WebRTC audio, registered in the engine under (account, Call-ID));
/// otherwise a sip::PlaceholderDescriptionHandler, and the call's `info` says why it is silent.
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
    /// Where calls get their audio (MediaEngine::createEndpoint); null, or an engine that is
    /// not isAvailable() when a call starts: that call is signalled without audio and says
    /// why. Set before the first call; must outlive this binding.
    void setMediaEngine(MediaEngine* engine);
    const QString& accountId() const { return m_accountId; }

private:
    void onEvent(sip::ConnectionEvent event, const QJsonObject& payload);
    void onIncomingCall(const QJsonObject& payload);
    void onCallEnded(const QString& id, const QString& originator, const QString& cause, int code);
    void attachSession(const QString& id);
    void onReferEvent(const QString& id, const QString& event, int code, const QString& reason);
    void applyTransfer(const QString& callId, core::TransferStatus status, int sipStatus,
                       const QString& info);
    void applyCall(const QString& callId, core::CallStatus status, int sipStatus = -1,
                   const QString& info = {});

    QString m_accountId;
    sip::ConnectionManager& m_manager;
    bool m_registrationWanted;
    CallService& m_calls;
    SessionMonitor& m_sessions;
    std::shared_ptr<const core::Clock> m_clock;
    JournalSink m_journal;
    MediaEngine* m_media = nullptr;
    QSet<QString> m_holdForTransfer;           ///< calls held as the first step of a transfer
    QHash<QString, QString> m_transferTargets; ///< call -> transfer target while it runs
};

} // namespace services
