#pragma once

#include <QByteArray>

namespace sip {

/// The SDP offer (RFC 4566, RFC 3264) an outgoing call carries until the media layer exists:
/// one PCMU audio stream marked `a=inactive` on the discard port 9, so a peer can answer the
/// call without any media flowing. Callers are told in the UI that the call has no audio.
class PlaceholderOffer {
public:
    /// `sessionId`: the o= session id (decimal); one per call.
    static QByteArray make(quint64 sessionId);
};

} // namespace sip
