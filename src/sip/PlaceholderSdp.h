#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>

namespace sip {

/// SDP (RFC 4566, offer/answer of RFC 3264) for SIP calls while Callboard has no media engine
/// (issue #7 replaces it): one audio stream on the discard port 9 of 127.0.0.1, so a peer can
/// set the call up, hold it and transfer it while no media flows. The UI tells the user that
/// such a call has no audio.
///
/// Directions are the SDP attribute names (`sendrecv`, `sendonly`, `recvonly`, `inactive`,
/// RFC 4566 §6).
class PlaceholderSdp {
public:
    /// The direction Callboard can honour without a media engine: nothing is sent or received.
    static QString baseDirection() { return QStringLiteral("inactive"); }

    /// An offer: o= `sessionId` / `version` (RFC 3264 §8: same id, version + 1 for each new
    /// offer of the session), `m=audio 9 RTP/AVP 0 8 9` (PCMU, PCMA, G722), `a=<direction>`.
    static QByteArray offer(quint64 sessionId, quint64 version, const QString& direction);

    /// The answer to `offer` (RFC 3264 §6.1): the first audio stream keeps its protocol and
    /// gets port 9 and the first of the offer's payload types that is PCMU (0), PCMA (8) or
    /// G722 (9); other media lines are refused with port 0. The direction is the offer's,
    /// mirrored (sendonly -> recvonly, ...), limited to `localDirection`.
    /// nullopt, with `whyNot` set for the user, when the offer has no usable audio: no audio
    /// stream with a non-zero port, a secure profile (SAVP/SAVPF, DTLS-SRTP needs the media
    /// engine) or no common codec.
    static std::optional<QByteArray> answer(const QByteArray& offer, quint64 sessionId,
                                            quint64 version, const QString& localDirection,
                                            QString* whyNot = nullptr);

    /// Direction of the first audio stream: its own attribute, else the session-level one,
    /// else `sendrecv` (RFC 4566 §6). A connection address of 0.0.0.0 (the RFC 2543 hold
    /// still sent by older UAs, RFC 3264 §8.4) reads as `sendonly`. "" without audio.
    static QString direction(const QByteArray& sdp);
    /// The direction that puts a stream on hold (RFC 6337 §5.3): sendrecv -> sendonly,
    /// anything else -> inactive.
    static QString holdDirection(const QString& current);
    /// True when `remoteDirection` (from the peer's offer) means the peer holds the call.
    static bool isHold(const QString& remoteDirection);
    /// What the answerer may use given the offer's direction and what it wants (RFC 3264 §6.1).
    static QString answerDirection(const QString& offered, const QString& wanted);
    /// The o= line's session id and version; nullopt when absent or malformed.
    static std::optional<std::pair<quint64, quint64>> origin(const QByteArray& sdp);
};

} // namespace sip
