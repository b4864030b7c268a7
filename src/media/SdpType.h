#pragma once

#include <QString>

namespace media {

/// The two description types a WebRtcEndpoint exchanges (RFC 8829 §4.1.8; WCS carries both in
/// `sdp` fields, spec §15). Rollback and pranswer are not used.
enum class SdpType {
    Offer,
    Answer,
};

/// "offer" or "answer", the JSEP type names.
inline QString toString(SdpType type) {
    return type == SdpType::Offer ? QStringLiteral("offer") : QStringLiteral("answer");
}

} // namespace media
