#pragma once

#include "media/MediaDirection.h"

#include <QString>
#include <QStringList>

namespace media {

/// The few SDP rewrites WebRtcEndpoint applies to webrtcbin's text. Pure string work; line ends
/// (CRLF or LF) are kept as found, and the text always ends with one.
class SdpEditor {
public:
    /// `sdp` with the direction attribute of its first audio section set to `direction`
    /// (replaced, or added after the m= line's other attributes when absent). RFC 3264 §5.1.
    static QString withAudioDirection(const QString& sdp, MediaDirection direction);
    /// `sdp` with `a=end-of-candidates` (RFC 8840 §8.2) at the end of every m-section that has
    /// candidates and lacks it.
    static QString withEndOfCandidates(const QString& sdp);
    /// `sdp` with `a=<candidate>` lines appended to its first m-section (for a re-offer that
    /// keeps the ICE session of an earlier description). `candidates` are attribute values as
    /// SdpInspector::candidates() returns them.
    static QString withCandidates(const QString& sdp, const QStringList& candidates);
};

} // namespace media
