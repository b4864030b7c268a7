#pragma once

#include "sip/ClientTransaction.h"
#include "sip/Dialog.h"
#include "sip/SipMessage.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace sip {

class InfoDtmfSender;
class SessionDescriptionHandler;
class ReferSubscriber;
class SessionTimer;
class UserAgent;

/// One call of a UserAgent, in either direction (JsSIP's RTCSession; spec §8.9, RFC 3261
/// §12-§15): the INVITE dialog, hold and unhold by re-INVITE (RFC 3264 §8.4, RFC 6337 §5.3),
/// blind transfer by REFER (ReferSubscriber), DTMF by INFO (InfoDtmfSender) and the answers to
/// the peer's in-dialog requests. SDP comes from the session's SessionDescriptionHandler
/// (UserAgent::createDescriptionHandler), asynchronously: the INVITE, our 200 and re-INVITEs
/// leave once their description is ready, and the session asks for one description at a time
/// (a peer's re-offer meanwhile gets 491, RFC 3261 §14.2).
///
/// The UserAgent owns every session, routes the messages of its dialog to it and deletes it
/// (deleteLater) once ended() was emitted. Over WebSocket no request is retransmitted; the 2xx
/// of an answered INVITE is, until its ACK (RFC 3261 §13.3.1.4: T1 = 500 ms doubling to T2 =
/// 4 s, BYE with cause "No ACK" after 64·T1 = 32 s).
class RtcSession : public QObject {
    Q_OBJECT

public:
    enum class Direction { Outgoing, Incoming };
    enum class State {
        Calling,          ///< outgoing INVITE sent, no final answer yet
        WaitingForAnswer, ///< incoming INVITE offered to the user (180 sent)
        Answered,         ///< incoming: 200 sent, waiting for the ACK
        Confirmed,        ///< the dialog is up (2xx ACKed either way)
        Terminated,
    };

    static constexpr int kNoAnswerTimeoutMs = 60000; ///< 408 "No Answer" (spec §8.9)

    RtcSession(UserAgent& ua, Direction direction, QString id, QObject* parent = nullptr);
    ~RtcSession() override;

    QString id() const { return m_id; }
    Direction direction() const { return m_direction; }
    State state() const { return m_state; }
    const Dialog& dialog() const { return m_dialog; }
    /// Answered or Confirmed: BYE, hold, REFER and INFO are possible.
    bool isEstablished() const;
    bool isOnHold() const { return m_localHold; }
    /// The media of this call (owned by the session).
    SessionDescriptionHandler* descriptionHandler() const { return m_media; }
    bool isRemoteHold() const { return m_remoteHold; }
    /// Incoming only: why the call is refused at once ("" when it can ring): 415 for a body
    /// that is not SDP, 500 without Contact, 488 when the offer has no usable audio.
    QString rejectionReason() const { return m_rejectReason; }
    int rejectionCode() const { return m_rejectCode; }

    // --- driven by the UserAgent ---
    /// Outgoing: asks the handler for an offer, then sends `invite` with it as the body in a
    /// new INVITE client transaction. A handler failure ends the call ("WebRTC Error").
    void sendInvite(const OutgoingRequest& invite);
    /// Incoming: takes the initial INVITE (no To tag), works out the dialog and the answer.
    /// Nothing is sent; call proceed() once newRTCSession was announced.
    void receiveInvite(const SipMessage& invite);
    /// Incoming: refuses at once (rejectionCode) or sends 180 Ringing and starts the no-answer
    /// (60 s) and `Expires` timers.
    void proceed();
    void receiveCancel(const SipMessage& cancel);
    void receiveAck(const SipMessage& ack);
    /// Any other request of this dialog (RFC 3261 §12.2.2).
    void receiveInDialog(const SipMessage& request);
    /// The socket closed: ends with originator "system" and `cause`, nothing is sent.
    void transportLost(const QString& cause);

    // --- user intents (false when not possible in the current state) ---
    /// Incoming, WaitingForAnswer: 200 OK with the SDP answer (or an offer when the INVITE
    /// had none), sent once the handler made it; accepted() follows then. A handler failure
    /// answers 488 and ends the call ("WebRTC Error").
    bool answer();
    /// Incoming, WaitingForAnswer: final `code` (486, 603, ...).
    bool reject(int code, const QString& reason);
    /// CANCEL (outgoing, unanswered), 486 (incoming, unanswered) or BYE (established).
    bool terminate();
    bool hold();
    bool unhold();
    /// Blind transfer of the peer to `target` (a number/user, or a sip: URI; REFER with
    /// `Refer-To: <sip:target@domain>`); progress as referEvent(). False when not established
    /// or a transfer is still running.
    bool refer(const QString& target);
    /// DTMF tones by INFO (0-9 A-D * # and `,` for a pause).
    bool sendDtmf(const QString& tones);

Q_SIGNALS:
    /// A provisional answer: outgoing 1xx from the peer; incoming, our own 180.
    void progress(int code, const QString& reason);
    /// Outgoing: the 2xx arrived (ACK sent), `{originator:"remote", response}`. Incoming: our
    /// 200 left, `{originator:"local"}`.
    void accepted(const QJsonObject& payload);
    /// Incoming: the ACK for our 200 arrived.
    void confirmed();
    /// The call is over. `originator` "local" | "remote" | "system"; `cause` JsSIP's
    /// ("Terminated", "Canceled", "Rejected", "Busy", "No Answer", "No ACK", "Expires",
    /// "Incompatible SDP", "Connection Error", ...); `code` the final SIP status, 0 when none.
    void ended(const QString& originator, const QString& cause, int code);
    /// Hold state changed by our re-INVITE (originator "local") or by the peer's offer
    /// ("remote", RFC 3264 §8.4 direction sendonly/inactive).
    void holdChanged(const QString& originator, bool onHold);
    /// Our re-INVITE for hold/unhold failed: JsSIP cause and SIP status (0 without answer).
    /// A failed session refresh (RFC 4028) is not reported here: 408/481 end the call.
    void updateFailed(const QString& cause, int code);
    /// Transfer progress, see ReferSubscriber.
    void referEvent(const QString& event, int code, const QString& reason);
    /// A DTMF tone: `originator` "remote" (INFO received) or "local" (our INFO answered 2xx).
    void newDtmf(const QString& originator, const QString& tone);

private:
    /// What the session waits for from its SessionDescriptionHandler.
    enum class SdpWait {
        None,
        InviteOffer,    ///< the initial INVITE's offer
        Answer,         ///< our 200's answer (or offer for an offer-less INVITE)
        ReinviteOffer,  ///< our hold/unhold re-INVITE's offer
        ReinviteAnswer, ///< the 200 to the peer's re-INVITE/UPDATE (answer or our offer)
        ApplyAnswer,    ///< the peer's answer to our offer is being applied
    };

    void onDescriptionReady(const QByteArray& sdp);
    void onDescriptionFailed(const QString& reason);
    /// Hands the peer's answer to the media (ApplyAnswer until answerApplied()/failed()).
    void applyAnswer(const QByteArray& sdp);
    void sendInviteNow();
    void sendOk();
    void sendReinviteNow(const QByteArray& sdp);
    /// 200 to the peer's re-INVITE/UPDATE `request` with `sdp` (none for a refresh).
    void replyToReinvite(const SipMessage& request, const QByteArray& sdp);
    void onInviteProvisional(const SipMessage& response);
    void onInviteResult(const RequestResult& result);
    void sendCancel();
    void sendAck(quint32 cseq);
    void startReinvite(bool hold);
    void answerReinvite(const SipMessage& request);
    void answerInfo(const SipMessage& request);
    void reply(const SipMessage& request, int code, const QString& reason,
               const QList<std::pair<QByteArray, QByteArray>>& headers = {},
               const QByteArray& sdp = {});
    void retransmitOk();
    void end(const QString& originator, const QString& cause, int code);
    /// BYE in the dialog (with a `Reason` header when given), then end().
    void byeAndEnd(const QString& originator, const QString& cause, int code,
                   const QByteArray& reason = {});
    void sendSessionRefresh();
    void onSessionExpired();
    /// `Session-Expires` value of our refreshes and answers: `<s>;refresher=uac|uas`.
    QByteArray sessionExpiresValue() const;
    QByteArray contactHeader() const;

    UserAgent& m_ua;
    SessionDescriptionHandler* m_media = nullptr; ///< child
    SdpWait m_sdpWait = SdpWait::None;
    std::optional<SipMessage> m_reinvite; ///< the peer's re-INVITE/UPDATE being answered
    bool m_ackCarriesAnswer = false;      ///< our last 2xx held an offer: the ACK answers it
    Direction m_direction;
    QString m_id;
    State m_state;
    Dialog m_dialog;
    // outgoing
    OutgoingRequest m_invite;
    QPointer<ClientTransaction> m_inviteTransaction;
    bool m_provisional = false;
    bool m_cancelRequested = false;
    // incoming
    std::optional<SipMessage> m_incomingInvite;
    QByteArray m_okResponse; ///< our 200 to the INVITE, retransmitted until ACK
    QByteArray m_localSdp;   ///< answer (or offer, for an INVITE without one) in our 200
    QList<std::pair<QByteArray, QByteArray>> m_okHeaders; ///< headers of that 200
    QString m_rejectReason;
    int m_rejectCode = 0;
    QTimer m_noAnswerTimer;
    QTimer m_expiresTimer;
    QTimer m_okTimer;
    int m_okIntervalMs = 500;
    int m_okElapsedMs = 0;
    // mid-call
    bool m_localHold = false;
    bool m_pendingHold = false; ///< the hold state our re-INVITE in flight asks for
    bool m_remoteHold = false;
    bool m_reinviteInFlight = false;
    ReferSubscriber* m_refer = nullptr;
    InfoDtmfSender* m_dtmf = nullptr;
    SessionTimer* m_sessionTimer = nullptr;
    QString m_refresher; ///< "uac" | "uas" once the session timer was agreed, else ""
};

} // namespace sip
