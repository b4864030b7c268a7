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
class ReferSubscriber;
class SessionTimer;
class UserAgent;

/// One call of a UserAgent, in either direction (JsSIP's RTCSession; spec §8.9, RFC 3261
/// §12-§15): the INVITE dialog, hold and unhold by re-INVITE (RFC 3264 §8.4, RFC 6337 §5.3),
/// blind transfer by REFER (ReferSubscriber), DTMF by INFO (InfoDtmfSender) and the answers to
/// the peer's in-dialog requests. SDP comes from PlaceholderSdp until the media engine lands
/// (issue #7): calls are set up with `a=inactive` audio and carry no sound.
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
    bool isRemoteHold() const { return m_remoteHold; }
    /// Incoming only: why the call is refused at once ("" when it can ring): 415 for a body
    /// that is not SDP, 500 without Contact, 488 when the offer has no usable audio.
    QString rejectionReason() const { return m_rejectReason; }
    int rejectionCode() const { return m_rejectCode; }

    // --- driven by the UserAgent ---
    /// Outgoing: sends `invite` (its body is the SDP offer) in a new INVITE client transaction.
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
    /// had none).
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
    void onInviteProvisional(const SipMessage& response);
    void onInviteResult(const RequestResult& result);
    void sendCancel();
    void sendAck(quint32 cseq);
    void sendReinvite(bool hold);
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
    QString localDirection() const;
    void sendSessionRefresh();
    void onSessionExpired();
    /// `Session-Expires` value of our refreshes and answers: `<s>;refresher=uac|uas`.
    QByteArray sessionExpiresValue() const;
    QByteArray contactHeader() const;

    UserAgent& m_ua;
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
    QString m_rejectReason;
    int m_rejectCode = 0;
    QTimer m_noAnswerTimer;
    QTimer m_expiresTimer;
    QTimer m_okTimer;
    int m_okIntervalMs = 500;
    int m_okElapsedMs = 0;
    // mid-call
    quint64 m_sdpSessionId = 0;
    quint64 m_sdpVersion = 0;
    bool m_localHold = false;
    bool m_remoteHold = false;
    bool m_reinviteInFlight = false;
    ReferSubscriber* m_refer = nullptr;
    InfoDtmfSender* m_dtmf = nullptr;
    SessionTimer* m_sessionTimer = nullptr;
    QString m_refresher; ///< "uac" | "uas" once the session timer was agreed, else ""
};

} // namespace sip
