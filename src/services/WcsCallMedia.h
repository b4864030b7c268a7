#pragma once

#include "core/CallStatusEvent.h"
#include "wcs/CallRequest.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace media {
class WebRtcEndpoint;
}
namespace wcs {
class Session;
}

namespace services {

class MediaEngine;

/// The audio of one WCS account's calls (issue #7): one media::WebRtcEndpoint per call from
/// MediaEngine::createEndpoint(accountId, callId, SendRecv), driven by the WCS signalling of
/// spec §7 and §15 (no trickle ICE: every description is sent complete, with its candidates).
///
/// * Outgoing (§7.1, §15 step 2): dial() makes the callId (a UUID, §10), creates the endpoint,
///   reports the call at once as a local PENDING event, and sends `call` with the offer once
///   ICE gathering is complete; the server's `setRemoteSDP [callId, answer]` is applied to the
///   endpoint. Hanging up before `call` was sent (cancel()) only drops the endpoint and ends the
///   call locally.
/// * Incoming (§7.2, §15 step 3): answer() applies the offer the server sent before
///   `notifyIncomingCall` (wcs::Session::remoteOffer), creates the answer and sends `answer` with
///   it once gathering is complete.
/// * Hold (§7.4): pure signalling on the wire. The user expects the other party to stop hearing
///   them at once, so holdRequested() mutes the call's microphone (MediaEngine::setMuted, so the
///   mute state the UI shows is true) before `hold` goes out, and the first ESTABLISHED after it
///   restores the mute state from before the hold. A HOLD the server reports without our request
///   mutes too. What the server sends while held (hold music) is still played.
/// * End: a terminal status (FINISH/BUSY/FAILED, also the FAILED of a lost session) stops and
///   deletes the endpoint.
/// * Failures never lose the call: an endpoint that fails before its description was sent falls
///   back to wcs::PlaceholderSdp (the call goes on without audio); later failures and an ICE/DTLS
///   connection that fails leave the call as it is. Either way mediaProblem() says why, as
///   "no audio: <reason>".
///
/// Threading: the Qt thread of the session. The endpoints are children of this object.
class WcsCallMedia : public QObject {
    Q_OBJECT

public:
    /// `session` and `engine` must outlive this object; `engine` must be isAvailable().
    WcsCallMedia(QString accountId, wcs::Session& session, MediaEngine& engine,
                 QObject* parent = nullptr);
    ~WcsCallMedia() override;

    /// Starts an outgoing call with audio (see the class comment). `request.callId` and
    /// `request.sdp` are filled here. Returns the callId, or empty when the session refused
    /// (not ESTABLISHED: wcs::Session::commandRefused says why).
    QString dial(wcs::CallRequest request);
    /// Answers incoming call `callId` with audio; false (nothing sent) when the server's offer
    /// has not arrived (spec §7.2) or the session refused.
    bool answer(const QString& callId);
    /// Ends an outgoing call whose `call` has not been sent yet (offer still gathering): the
    /// endpoint goes and a local FINISH follows. False when the call is not in that stage
    /// (then the caller sends `hangup` as usual).
    bool cancel(const QString& callId);
    /// The user asked to hold `callId`: mutes its microphone until the call is ESTABLISHED again.
    void holdRequested(const QString& callId);
    /// True while `callId` has an endpoint here.
    bool hasMedia(const QString& callId) const { return m_calls.contains(callId); }

Q_SIGNALS:
    /// A call event that did not come from the server: the local PENDING of dial(), the local
    /// FINISH of cancel(), the local FAILED of a `call` the session refused after gathering.
    void localCallEvent(const core::CallStatusEvent& event);
    /// The call goes on without (working) audio: `info` is "no audio: <reason>" (e.g. "no audio:
    /// ICE/DTLS connection failed").
    void mediaProblem(const QString& callId, const QString& info);

private:
    enum class Stage {
        Offering,       ///< outgoing: gathering for the offer, `call` not sent
        AwaitingAnswer, ///< outgoing: `call` sent, waiting for setRemoteSDP
        Answering,      ///< incoming: gathering for the answer, `answer` not sent
        Live,           ///< both descriptions exchanged
    };
    struct Call {
        QPointer<media::WebRtcEndpoint> endpoint;
        Stage stage = Stage::Offering;
        wcs::CallRequest request; ///< outgoing: what `call` will carry
        bool heldMuted = false;   ///< muted by hold; restore mutedBeforeHold on resume
        bool mutedBeforeHold = false;
    };

    media::WebRtcEndpoint* createEndpoint(const QString& callId);
    void onLocalDescription(const QString& callId, const QString& sdp);
    void onRemoteSdp(const QString& callId, const QString& sdp);
    void onCallStatus(const core::CallStatusEvent& event);
    void onEndpointFailed(const QString& callId, const QString& reason);
    /// Sends the pending `call`/`answer` with placeholder SDP (the endpoint could not describe
    /// itself) and reports why.
    void fallBack(const QString& callId, const QString& reason);
    void sendCall(const QString& callId, wcs::CallRequest request);
    void remove(const QString& callId);
    void restoreAfterHold(const QString& callId);
    core::CallStatusEvent localEvent(const QString& callId, core::CallStatus status,
                                     const QString& info) const;

    QString m_accountId;
    wcs::Session& m_session;
    MediaEngine& m_engine;
    QHash<QString, Call> m_calls;
};

} // namespace services
