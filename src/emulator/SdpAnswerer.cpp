#include "emulator/SdpAnswerer.h"

#include <array>

namespace emulator {

namespace {

constexpr QLatin1StringView kCrlf("\r\n");

/// rtpmap of static payload types (RFC 3551) for offers that leave it out.
QString staticRtpmap(const QString& pt) {
    static const std::array<std::pair<int, const char*>, 8> table{{{0, "PCMU/8000"},
                                                                   {3, "GSM/8000"},
                                                                   {8, "PCMA/8000"},
                                                                   {9, "G722/8000"},
                                                                   {13, "CN/8000"},
                                                                   {18, "G729/8000"},
                                                                   {26, "JPEG/90000"},
                                                                   {32, "MPV/90000"}}};
    bool ok = false;
    const int n = pt.toInt(&ok);
    for (const auto& [code, map] : table) {
        if (ok && code == n) {
            return QString::fromLatin1(map);
        }
    }
    return {};
}

bool isAuxiliary(const QString& rtpmap) {
    const QString codec = rtpmap.section(u'/', 0, 0).toLower();
    return codec == QLatin1StringView("rtx") || codec == QLatin1StringView("red") ||
           codec == QLatin1StringView("ulpfec") || codec.startsWith(QLatin1StringView("flexfec")) ||
           codec == QLatin1StringView("cn") || codec == QLatin1StringView("telephone-event");
}

} // namespace

SdpAnswerer::SdpAnswerer()
    : m_random(QRandomGenerator::global()->generate()) {
    m_streamId = randomToken(16);
}

SdpAnswerer::SdpAnswerer(quint32 seed)
    : m_random(seed) {
    m_streamId = randomToken(16);
}

QString SdpAnswerer::reverseDirection(const QString& offerDirection) {
    if (offerDirection == QLatin1StringView("sendonly")) {
        return QStringLiteral("recvonly");
    }
    if (offerDirection == QLatin1StringView("recvonly")) {
        return QStringLiteral("sendonly");
    }
    if (offerDirection == QLatin1StringView("inactive")) {
        return QStringLiteral("inactive");
    }
    return QStringLiteral("sendrecv");
}

qsizetype SdpAnswerer::chooseFormat(const SdpOffer::Media& m) {
    if (m.formats.isEmpty()) {
        return -1;
    }
    for (qsizetype i = 0; i < m.formats.size(); ++i) {
        const QString map = m.rtpmap.value(m.formats.at(i), staticRtpmap(m.formats.at(i)));
        if (!isAuxiliary(map)) {
            return i;
        }
    }
    return 0;
}

QString SdpAnswerer::randomToken(int length, bool iceChars) {
    // ice-char (RFC 8839) allows + and /; msid and cname ids stay alphanumeric.
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i) {
        s += QLatin1Char(kAlphabet[m_random.bounded(iceChars ? 64 : 62)]);
    }
    return s;
}

SdpAnswerer::Transport SdpAnswerer::newTransport() {
    Transport t;
    t.ufrag = randomToken(8, true);
    t.pwd = randomToken(24, true);
    QStringList bytes;
    for (int i = 0; i < 32; ++i) {
        bytes << QStringLiteral("%1").arg(m_random.bounded(256), 2, 16, QLatin1Char('0')).toUpper();
    }
    t.fingerprint = bytes.join(u':');
    return t;
}

QString SdpAnswerer::sessionLines(const QStringList& bundleMids) {
    QString s = QStringLiteral("v=0\r\no=- %1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n")
                    .arg(m_random.bounded(Q_UINT64_C(1000000000000000000)) + 1);
    if (!bundleMids.isEmpty()) {
        s += QStringLiteral("a=group:BUNDLE ") + bundleMids.join(u' ') + kCrlf;
    }
    s += QStringLiteral("a=msid-semantic: WMS ") + m_streamId + kCrlf;
    return s;
}

QString SdpAnswerer::transportLines(const Transport& t, QLatin1StringView setup) const {
    return QStringLiteral("c=IN IP4 127.0.0.1\r\na=ice-ufrag:%1\r\na=ice-pwd:%2\r\n"
                          "a=fingerprint:sha-256 %3\r\na=setup:%4\r\n")
        .arg(t.ufrag, t.pwd, t.fingerprint, setup);
}

QString SdpAnswerer::streamLines(const QString& mediaKind) {
    const QString track = mediaKind + u'-' + randomToken(12);
    return QStringLiteral("a=msid:%1 %2\r\n").arg(m_streamId, track);
}

QString SdpAnswerer::answerMedia(const SdpOffer::Media& m, const QString& direction,
                                 const Transport& t) {
    const QString port = QString::number(kCandidatePort);
    QString s;
    if (m.media == QLatin1StringView("application") || !m.isRtp()) {
        const bool sctp = m.proto.contains(QLatin1StringView("SCTP"));
        s += QStringLiteral("m=%1 %2 %3 %4\r\n")
                 .arg(m.media, port, m.proto, m.formats.value(0, QStringLiteral("0")));
        s += transportLines(t, QLatin1StringView("passive"));
        if (!m.mid.isNull()) {
            s += QStringLiteral("a=mid:") + m.mid + kCrlf;
        }
        if (sctp) {
            s += QStringLiteral("a=sctp-port:5000\r\na=max-message-size:262144\r\n");
        } else {
            s += QStringLiteral("a=") + direction + kCrlf;
        }
    } else {
        const qsizetype idx = chooseFormat(m);
        const QString pt = idx < 0 ? QStringLiteral("0") : m.formats.at(idx);
        s += QStringLiteral("m=%1 %2 %3 %4\r\n").arg(m.media, port, m.proto, pt);
        s += transportLines(t, QLatin1StringView("passive"));
        if (!m.mid.isNull()) {
            s += QStringLiteral("a=mid:") + m.mid + kCrlf;
        }
        for (const QString& ext : m.extmaps) {
            if (!ext.section(u' ', 0, 0).contains(u'/')) {
                s += QStringLiteral("a=extmap:") + ext + kCrlf;
            }
        }
        s += QStringLiteral("a=") + direction + kCrlf;
        const bool sending = direction == QLatin1StringView("sendrecv") ||
                             direction == QLatin1StringView("sendonly");
        if (sending) {
            s += streamLines(m.media);
        }
        s += QStringLiteral("a=rtcp-mux\r\n");
        if (m.rtcpRsize) {
            s += QStringLiteral("a=rtcp-rsize\r\n");
        }
        const QString map = m.rtpmap.value(pt, staticRtpmap(pt));
        if (!map.isEmpty()) {
            s += QStringLiteral("a=rtpmap:%1 %2\r\n").arg(pt, map);
        }
        for (const QString& fb : m.rtcpFb.value(pt)) {
            s += QStringLiteral("a=rtcp-fb:%1 %2\r\n").arg(pt, fb);
        }
        if (m.fmtp.contains(pt)) {
            s += QStringLiteral("a=fmtp:%1 %2\r\n").arg(pt, m.fmtp.value(pt));
        }
        if (sending) {
            s += QStringLiteral("a=ssrc:%1 cname:%2\r\n")
                     .arg(m_random.bounded(1u, 0xFFFFFFF0u))
                     .arg(m_streamId);
        }
    }
    s += QStringLiteral("a=candidate:1 1 udp 2130706431 127.0.0.1 %1 typ host\r\n"
                        "a=end-of-candidates\r\n")
             .arg(port);
    return s;
}

QString SdpAnswerer::answer(const QString& offerText) {
    SdpOffer offer = SdpOffer::parse(offerText);
    if (offer.media.isEmpty()) {
        // Not a usable offer (e.g. a placeholder): answer one sendrecv Opus audio section.
        offer = SdpOffer::parse(QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n"
                                               "a=rtpmap:111 opus/48000/2\r\n"));
        offer.bundleMids = QStringList{QStringLiteral("0")};
    }
    const Transport t = newTransport();
    QStringList bundle;
    for (const auto& m : std::as_const(offer.media)) {
        if (!m.isRejected() && !m.mid.isNull() && offer.bundleMids.contains(m.mid)) {
            bundle << m.mid;
        }
    }
    QString sdp = sessionLines(bundle);
    for (const auto& m : std::as_const(offer.media)) {
        if (m.isRejected()) {
            sdp += QStringLiteral("m=%1 0 %2 %3\r\nc=IN IP4 0.0.0.0\r\n")
                       .arg(m.media, m.proto, m.formats.value(0, QStringLiteral("0")));
            if (!m.mid.isNull()) {
                sdp += QStringLiteral("a=mid:") + m.mid + kCrlf;
            }
            sdp += QStringLiteral("a=inactive\r\n");
            continue;
        }
        const QString dir = m.direction.isNull() ? offer.sessionDirection : m.direction;
        sdp += answerMedia(m, reverseDirection(dir), t);
    }
    return sdp;
}

QString SdpAnswerer::offer(bool hasVideo) {
    const Transport t = newTransport();
    const QString port = QString::number(kCandidatePort);
    const QString candidate =
        QStringLiteral("a=candidate:1 1 udp 2130706431 127.0.0.1 %1 typ host\r\n"
                       "a=end-of-candidates\r\n")
            .arg(port);
    QString sdp = sessionLines(hasVideo ? QStringList{QStringLiteral("0"), QStringLiteral("1")}
                                        : QStringList{QStringLiteral("0")});
    sdp += QStringLiteral("m=audio %1 UDP/TLS/RTP/SAVPF 111 0 8 126\r\n").arg(port);
    sdp += transportLines(t, QLatin1StringView("actpass"));
    sdp += QStringLiteral("a=mid:0\r\na=sendrecv\r\n") + streamLines(QStringLiteral("audio"));
    sdp += QStringLiteral("a=rtcp-mux\r\n"
                          "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
                          "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                          "a=rtpmap:126 telephone-event/8000\r\n");
    sdp += QStringLiteral("a=ssrc:%1 cname:%2\r\n")
               .arg(m_random.bounded(1u, 0xFFFFFFF0u))
               .arg(m_streamId);
    sdp += candidate;
    if (hasVideo) {
        sdp += QStringLiteral("m=video %1 UDP/TLS/RTP/SAVPF 96 102\r\n").arg(port);
        sdp += transportLines(t, QLatin1StringView("actpass"));
        sdp += QStringLiteral("a=mid:1\r\na=sendrecv\r\n") + streamLines(QStringLiteral("video"));
        sdp += QStringLiteral("a=rtcp-mux\r\na=rtcp-rsize\r\n");
        for (const char* pt : {"96", "102"}) {
            for (const char* fb : {"goog-remb", "ccm fir", "nack", "nack pli"}) {
                sdp += QStringLiteral("a=rtcp-fb:%1 %2\r\n")
                           .arg(QLatin1StringView(pt), QLatin1StringView(fb));
            }
        }
        sdp += QStringLiteral("a=rtpmap:96 VP8/90000\r\na=rtpmap:102 H264/90000\r\n"
                              "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;"
                              "profile-level-id=42e01f\r\n");
        sdp += QStringLiteral("a=ssrc:%1 cname:%2\r\n")
                   .arg(m_random.bounded(1u, 0xFFFFFFF0u))
                   .arg(m_streamId);
        sdp += candidate;
    }
    return sdp;
}

} // namespace emulator
