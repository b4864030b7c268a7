#include "wcs/PlaceholderSdp.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

namespace wcs {

namespace {

QString randomToken(int length) {
    static const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i) {
        s.append(alphabet.at(QRandomGenerator::global()->bounded(alphabet.size())));
    }
    return s;
}

QString randomFingerprint() {
    QStringList bytes;
    for (int i = 0; i < 32; ++i) {
        bytes << QStringLiteral("%1")
                     .arg(QRandomGenerator::global()->bounded(256), 2, 16, QLatin1Char('0'))
                     .toUpper();
    }
    return bytes.join(QLatin1Char(':'));
}

struct MLine {
    QString media; // audio | video
    QString mid;
};

QString mediaSection(const MLine& m, const QString& direction, const QString& setup,
                     const QString& ufrag, const QString& pwd, const QString& fingerprint) {
    QString s;
    const bool audio = m.media == QLatin1StringView("audio");
    const QString payloads = audio ? QStringLiteral("111 0 8 101") : QStringLiteral("96 102");
    s += QStringLiteral("m=%1 9 UDP/TLS/RTP/SAVPF %2\r\n").arg(m.media, payloads);
    s += QStringLiteral("c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n");
    s += QStringLiteral("a=ice-ufrag:%1\r\na=ice-pwd:%2\r\n").arg(ufrag, pwd);
    s += QStringLiteral("a=fingerprint:sha-256 %1\r\na=setup:%2\r\n").arg(fingerprint, setup);
    s += QStringLiteral("a=mid:%1\r\na=%2\r\na=rtcp-mux\r\n").arg(m.mid, direction);
    if (audio) {
        s += QStringLiteral("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
                            "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n");
    } else {
        s += QStringLiteral("a=rtpmap:96 VP8/90000\r\na=rtpmap:102 H264/90000\r\n"
                            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;"
                            "profile-level-id=42e01f\r\n");
    }
    return s;
}

QString reversed(const QString& direction) {
    if (direction == QLatin1StringView("sendonly")) {
        return QStringLiteral("recvonly");
    }
    if (direction == QLatin1StringView("recvonly")) {
        return QStringLiteral("sendonly");
    }
    return direction;
}

} // namespace

QString PlaceholderSdp::create(const SdpRequest& request) {
    QList<MLine> lines;
    QString direction = request.direction;
    QString setup = QStringLiteral("actpass");
    if (!request.remoteOffer.isEmpty()) {
        setup = QStringLiteral("active");
        static const QRegularExpression mRe(QStringLiteral("^m=(\\w+) "),
                                            QRegularExpression::MultilineOption);
        static const QRegularExpression midRe(QStringLiteral("^a=mid:(\\S+)"),
                                              QRegularExpression::MultilineOption);
        static const QRegularExpression dirRe(
            QStringLiteral("^a=(sendrecv|sendonly|recvonly|inactive)"),
            QRegularExpression::MultilineOption);
        const QStringList sections = request.remoteOffer.split(QStringLiteral("\nm="));
        for (qsizetype i = 1; i < sections.size(); ++i) {
            const QString section = QStringLiteral("m=") + sections.at(i);
            const auto m = mRe.match(section);
            const auto mid = midRe.match(section);
            if (m.hasMatch()) {
                lines.append({m.captured(1),
                              mid.hasMatch() ? mid.captured(1) : QString::number(lines.size())});
            }
            if (const auto d = dirRe.match(section); d.hasMatch() && i == 1) {
                direction = reversed(d.captured(1));
            }
        }
    }
    if (lines.isEmpty()) {
        if (request.audio) {
            lines.append({QStringLiteral("audio"), QString::number(lines.size())});
        }
        if (request.video) {
            lines.append({QStringLiteral("video"), QString::number(lines.size())});
        }
    }
    QStringList mids;
    for (const MLine& m : lines) {
        mids << m.mid;
    }
    const QString ufrag = randomToken(4);
    const QString pwd = randomToken(24);
    const QString fingerprint = randomFingerprint();
    QString sdp = QStringLiteral("v=0\r\no=- %1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
                      .arg(QRandomGenerator::global()->generate64() >> 2);
    sdp += QStringLiteral("a=group:BUNDLE %1\r\na=msid-semantic: WMS\r\n").arg(mids.join(u' '));
    for (const MLine& m : lines) {
        sdp += mediaSection(m, direction, setup, ufrag, pwd, fingerprint);
    }
    return sdp;
}

} // namespace wcs
