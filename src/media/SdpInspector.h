#pragma once

#include "media/MediaDirection.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace media {

/// Read-only questions about an SDP text (RFC 4566 / RFC 8866 syntax; lines end in CRLF or LF).
/// Pure string work, no GStreamer: used by WebRtcEndpoint to pick the send codec and the
/// negotiated direction, and by tests to check what an offer carries (RFC 8829 §5.2, WCS spec
/// §15: full ICE credentials, candidates inside the SDP, rtcp-mux, BUNDLE). Every question about
/// "the audio section" looks at the first `m=audio` section only; a text without one yields
/// empty answers, never an error.
class SdpInspector {
public:
    /// One entry of the audio m-line's format list with its `a=rtpmap` (RFC 4566 §6). Static
    /// payload types without an rtpmap get the RFC 3551 §6 names (0 PCMU, 8 PCMA, 9 G722, 13
    /// CN at 8000 Hz); other formats without one are skipped.
    struct RtpMap {
        int payloadType = -1;
        QString encodingName; ///< as written in the SDP ("opus", "PCMU", "telephone-event")
        int clockRate = 0;    ///< Hz
        int channels = 1;     ///< encoding parameters, 1 when absent
    };

    explicit SdpInspector(const QString& sdp);

    /// Values of every `a=candidate:` line, without the leading "a=" (RFC 8839 §5.1).
    QStringList candidates() const;
    /// True if any section has `a=end-of-candidates` (RFC 8840 §8.2).
    bool hasEndOfCandidates() const;
    /// The audio formats in m-line order (the offerer's preference order).
    QList<RtpMap> audioRtpMaps() const;
    /// True if the audio section (or the session level) has `a=rtcp-mux` (RFC 5761).
    bool hasRtcpMux() const;
    /// The mids of `a=group:BUNDLE` (RFC 9143), empty if there is no such group.
    QStringList bundleGroup() const;
    /// The direction attribute of the audio section, else of the session level, else SendRecv
    /// (RFC 3264 §5.1); nullopt when there is no audio section.
    std::optional<MediaDirection> audioDirection() const;
    /// The value of the first `a=<name>` (or `a=<name>:value`) line in the audio section, else at
    /// the session level; nullopt if absent, an empty string for a flag attribute.
    std::optional<QString> attribute(const QString& name) const;
    /// Number of `m=` sections.
    int mediaSectionCount() const;

private:
    QStringList sessionLines() const;
    QStringList audioLines() const;
    static std::optional<QString> findAttribute(const QStringList& lines, const QString& name);

    QStringList m_lines;
};

} // namespace media
