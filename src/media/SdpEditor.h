#pragma once

#include "media/MediaDirection.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

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
    /// `sdp` with RFC 4733 telephone-event in its first audio section: each (payload type,
    /// clock rate in Hz) of `events` whose clock rate is that of a voice format the section
    /// lists, whose payload type is free and whose rate has no telephone-event yet, is appended
    /// to the m= line's format list with `a=rtpmap:<pt> telephone-event/<rate>` and
    /// `a=fmtp:<pt> 0-15` (RFC 4733 §7.1.1: events 0-15 are the DTMF digits, §3.2) after the
    /// section's last rtpmap/fmtp line. Anything else is returned unchanged.
    static QString withTelephoneEvents(const QString& sdp,
                                       const QList<std::pair<int, int>>& events);
    /// `sdp` with the m= port and the c= address of every m-section set to its best UDP
    /// host/srflx/relay candidate of component 1 (IPv4 first, then the highest priority): the
    /// default destination of RFC 8839 §4.2.1.2. webrtcbin writes `9` and `0.0.0.0` as a
    /// trickle ICE agent does; a non-trickle peer (baresip, plain SIP phones) then sees
    /// `a=ice-mismatch` and sends nowhere. Sections without candidates are unchanged.
    static QString withDefaultCandidateAddress(const QString& sdp);
    /// `sdp` with `a=mid:<mid>` after its first m= line when no line has an `a=mid`: webrtcbin
    /// needs one per m-section (RFC 8843 §7.1); SIP phones like baresip send none.
    static QString withMid(const QString& sdp, const QString& mid);
    /// `sdp` without `a=mid` and `a=group` lines: the answer to an offer that had no mids must
    /// not introduce them (RFC 5888 §9.2).
    static QString withoutMids(const QString& sdp);
    /// `sdp` with the session-level `a=ice-ufrag`, `a=ice-pwd`, `a=fingerprint` and `a=setup`
    /// (RFC 8839 §5.4, RFC 8122 §5, RFC 4145 §4) repeated right after the m= line of every
    /// m-section that lacks them: webrtcbin reads them per m-section, SIP phones like baresip
    /// write them once at session level, which is just as valid.
    static QString withMediaLevelTransport(const QString& sdp);
};

} // namespace media
