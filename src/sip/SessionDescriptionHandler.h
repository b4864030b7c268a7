#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace sip {

/// The media side of one sip::RtcSession, the SIP.js "SessionDescriptionHandler": it makes
/// SDP offers and answers (RFC 3264) and applies the peer's, asynchronously, because a real
/// media engine publishes a description only when ICE gathering is complete (no trickle ICE
/// over SIP here). RtcSession asks for one description at a time and waits for
/// descriptionReady() or failed() before asking again.
///
/// Implementations: PlaceholderDescriptionHandler (no media: `a=inactive` on the discard port)
/// and services::WebRtcDescriptionHandler (GStreamer webrtcbin, ICE + DTLS-SRTP, RFC 8827).
/// An implementation may emit from inside the request (synchronously) or later.
class SessionDescriptionHandler : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// Empty when `offer` (the body of an INVITE or re-INVITE) can be answered, else why not,
    /// in words for the user and the `Warning: 399` header of the 488 (RFC 3261 §20.43).
    virtual QString checkOffer(const QByteArray& offer) const = 0;
    /// Our offer: the initial one, an offer in a 2xx for an offer-less INVITE, or a re-offer
    /// (RFC 3264 §8). `hold` puts the peer on hold (§8.4). descriptionReady() or failed().
    virtual void createOffer(bool hold) = 0;
    /// Applies the peer's `offer` and makes our answer (RFC 3264 §6), keeping our hold state
    /// `hold`. descriptionReady() or failed().
    virtual void createAnswer(const QByteArray& offer, bool hold) = 0;
    /// Applies the peer's answer to our last offer (2xx or ACK body): answerApplied() or
    /// failed() when it cannot be used (RFC 3261 §13.2.1: the caller then ends the call).
    virtual void applyAnswer(const QByteArray& answer) = 0;
    /// Our last offer was refused (non-2xx to a re-INVITE, RFC 3261 §14.1): the session goes
    /// on with the descriptions of the last completed exchange.
    virtual void rollback() = 0;
    /// Stops the media; nothing is emitted afterwards. Idempotent.
    virtual void close() = 0;
    /// Empty when the call carries audio, else why it does not ("the media engine is not
    /// available: ..."), for the call row.
    virtual QString noAudioReason() const = 0;

Q_SIGNALS:
    /// The description asked for (offer or answer), ready to be sent as the SIP body.
    void descriptionReady(const QByteArray& sdp);
    /// The answer given to applyAnswer() is in force: the exchange is complete.
    void answerApplied();
    /// The request failed, or the media broke during the call; `reason` says why.
    void failed(const QString& reason);
};

/// Makes the handler of a new session (its id, parent to own it). Installed on a UserAgent
/// with UserAgent::setDescriptionHandlerFactory(); without one, PlaceholderDescriptionHandler.
using SessionDescriptionHandlerFactory =
    std::function<SessionDescriptionHandler*(const QString& sessionId, QObject* parent)>;

} // namespace sip
