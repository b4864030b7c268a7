#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace emulator {

/// The parts of an SDP offer (RFC 8866, JSEP RFC 8829) that an answer must mirror: the BUNDLE
/// group and, per m-section, media, port, proto, payload types, mid, direction and the codec
/// attributes. Lines it does not need are skipped. Parsing accepts any text and never fails;
/// malformed m-lines are kept as far as they can be read.
struct SdpOffer {
    struct Media {
        QString media;                  ///< "audio", "video", "application"
        QString port;                   ///< as written ("9"); "0" means the section is rejected
        QString proto;                  ///< "UDP/TLS/RTP/SAVPF", "UDP/DTLS/SCTP", "RTP/AVP"...
        QStringList formats;            ///< payload types (or "webrtc-datachannel"), offer order
        QString mid;                    ///< null when the section has no a=mid
        QString direction;              ///< sendrecv|sendonly|recvonly|inactive; null when absent
        QHash<QString, QString> rtpmap; ///< pt -> "opus/48000/2"
        QHash<QString, QString> fmtp;   ///< pt -> "minptime=10;useinbandfec=1"
        QHash<QString, QStringList> rtcpFb; ///< pt -> {"nack", "nack pli", ...}
        QStringList extmaps;                ///< "1 urn:ietf:params:rtp-hdrext:sdes:mid"...
        bool rtcpRsize = false;

        bool isRejected() const { return port == QLatin1StringView("0"); }
        bool isRtp() const { return proto.contains(QLatin1StringView("RTP")); }
    };

    QStringList bundleMids;   ///< mids of `a=group:BUNDLE`, empty when there is none
    QString sessionDirection; ///< session-level direction attribute, null when absent
    QList<Media> media;

    /// Largest number of m-sections kept; the rest are ignored.
    static constexpr qsizetype kMaxMedia = 64;

    /// Reads `sdp` (CRLF or LF line ends).
    static SdpOffer parse(const QString& sdp);
};

} // namespace emulator
