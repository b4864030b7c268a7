#pragma once

#include <QString>

#include <optional>

namespace media {

/// Direction of an audio m-line, the `a=sendrecv|sendonly|recvonly|inactive` attribute of
/// RFC 3264 §5.1 and the transceiver direction of RFC 8829 (JSEP) §4.2.4. Always seen from the
/// side that owns it: SendOnly means "I send, I do not receive".
enum class MediaDirection {
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
};

/// The SDP attribute name without `a=`: "sendrecv", "sendonly", "recvonly", "inactive".
QString toSdpAttribute(MediaDirection direction);
/// Inverse of toSdpAttribute(), case-sensitive as in RFC 4566; nullopt for anything else.
std::optional<MediaDirection> directionFromSdpAttribute(const QString& attribute);
/// True for SendRecv and SendOnly.
bool sends(MediaDirection direction);
/// True for SendRecv and RecvOnly.
bool receives(MediaDirection direction);
/// The direction built from the two flags (the inverse of sends()/receives()).
MediaDirection directionFrom(bool send, bool receive);
/// The same stream seen from the other side: SendOnly <-> RecvOnly, the others unchanged.
MediaDirection reversed(MediaDirection direction);
/// The answer direction of RFC 3264 §6.1 for an offered direction when the answerer wants
/// `local`: it sends only if it wants to and the offerer receives, and receives only if it
/// wants to and the offerer sends.
MediaDirection answerDirection(MediaDirection offered, MediaDirection local);
/// Hold as in RFC 3264 §8.4: what we offer to put the other side on hold from `current`
/// (SendRecv -> SendOnly, RecvOnly -> Inactive, others unchanged).
MediaDirection holdDirection(MediaDirection current);

} // namespace media
