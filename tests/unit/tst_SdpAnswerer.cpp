// emulator::SdpAnswerer and emulator::SdpOffer: answers that mirror Chromium's offers (the
// captured offers of the official SDK in shared/fixtures), the incoming-call offer, and the
// rules of spec §15 line by line. (That headless Chromium accepts them is checked by the
// conformance test; these tests pin the shape.)

#include "emulator/SdpAnswerer.h"
#include "emulator/SdpOffer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using emulator::SdpAnswerer;
using emulator::SdpOffer;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

const char* kChromiumPublishOffer =
    "v=0\r\no=- 7573631493854094061 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "a=group:BUNDLE 0 1\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS b97f\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\nc=IN IP4 0.0.0.0\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:3wWb\r\na=ice-pwd:2p54R8+oKVhhi6XsqBJtwR06\r\n"
    "a=ice-options:trickle\r\na=fingerprint:sha-256 1B:C2:34:9E:7C:18:15:86:0F:61:79:39:9A:C6:"
    "E9:0B:30:85:7E:C8:EF:B0:8E:28:D0:5D:D0:28:C0:A4:AF:9B\r\na=setup:actpass\r\na=mid:0\r\n"
    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendonly\r\na=msid:b97f cd8d\r\n"
    "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\na=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\n"
    "a=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
    "a=rtpmap:13 CN/8000\r\na=rtpmap:110 telephone-event/48000\r\n"
    "a=rtpmap:126 telephone-event/8000\r\na=ssrc:1646869525 cname:wJPH\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=ice-ufrag:3wWb\r\na=ice-pwd:2p54R8+oKVhhi6XsqBJtwR06\r\na=ice-options:trickle\r\n"
    "a=setup:actpass\r\na=mid:1\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=extmap:13/sendonly urn:3gpp:video-orientation\r\na=sendonly\r\na=rtcp-mux\r\n"
    "a=rtcp-rsize\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 goog-remb\r\na=rtcp-fb:96 nack\r\n"
    "a=rtcp-fb:96 nack pli\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
    "a=rtpmap:102 H264/90000\r\na=fmtp:102 packetization-mode=1;profile-level-id=42001f\r\n";

QStringList lines(const QString& sdp) {
    return sdp.split(s("\r\n"), Qt::SkipEmptyParts);
}

/// The lines of m-section `index` (0-based), m= line included.
QStringList section(const QString& sdp, int index) {
    QStringList out;
    int current = -1;
    for (const QString& l : lines(sdp)) {
        if (l.startsWith(s("m="))) {
            ++current;
        }
        if (current == index) {
            out << l;
        }
    }
    return out;
}

/// Offers sent by the official SDK in shared/fixtures (publishStream, playStream, call).
QHash<QString, QString> fixtureOffers() {
    QHash<QString, QString> out;
    QFile f(qEnvironmentVariable("CALLBOARD_SHARED_DIR") +
            s("/fixtures/wcs-official-sdk/chromium-calls-streams.jsonl"));
    if (!f.open(QIODevice::ReadOnly)) {
        return out;
    }
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(s("dir")).toString() != QLatin1StringView("C>S")) {
            continue;
        }
        const QJsonObject frame =
            QJsonDocument::fromJson(o.value(s("raw")).toString().toUtf8()).object();
        const QString name = frame.value(s("message")).toString();
        const QString sdp =
            frame.value(s("data")).toArray().at(0).toObject().value(s("sdp")).toString();
        if (!sdp.isEmpty() && !out.contains(name)) {
            out.insert(name, sdp);
        }
    }
    return out;
}

/// Checks every rule of spec §15 that a Chromium-acceptable answer needs.
void checkTransport(const QString& sdp, const QString& setup) {
    QVERIFY(sdp.startsWith(s("v=0\r\no=- ")));
    QVERIFY(sdp.endsWith(s("\r\n")));
    QVERIFY(!sdp.contains(QRegularExpression(s("[^\r]\n"))));
    QVERIFY(lines(sdp).contains(s("a=ice-lite")));
    const QRegularExpression fingerprint(
        s("^a=fingerprint:sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    const QRegularExpression ufrag(s("^a=ice-ufrag:[A-Za-z0-9+/]{4,256}$"));
    const QRegularExpression pwd(s("^a=ice-pwd:[A-Za-z0-9+/]{22,256}$"));
    for (int i = 0; !section(sdp, i).isEmpty(); ++i) {
        const QStringList m = section(sdp, i);
        if (m.first().split(u' ').value(1) == QLatin1StringView("0")) {
            continue; // rejected section
        }
        QVERIFY2(m.contains(s("c=IN IP4 127.0.0.1")), qPrintable(m.join(u'|')));
        QVERIFY(m.contains(s("a=setup:") + setup));
        QCOMPARE(m.filter(fingerprint).size(), 1);
        QCOMPARE(m.filter(ufrag).size(), 1);
        QCOMPARE(m.filter(pwd).size(), 1);
        QVERIFY(m.contains(s("a=candidate:1 1 udp 2130706431 127.0.0.1 9 typ host")));
        if (!m.first().startsWith(s("m=application"))) {
            QVERIFY(m.contains(s("a=rtcp-mux")));
        }
    }
}

} // namespace

class tst_SdpAnswerer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseOffer() {
        const SdpOffer o = SdpOffer::parse(s(kChromiumPublishOffer));
        QCOMPARE(o.bundleMids, (QStringList{s("0"), s("1")}));
        QCOMPARE(o.media.size(), 2);
        QCOMPARE(o.media.at(0).media, s("audio"));
        QCOMPARE(o.media.at(0).mid, s("0"));
        QCOMPARE(o.media.at(0).direction, s("sendonly"));
        QCOMPARE(o.media.at(0).formats.size(), 8);
        QCOMPARE(o.media.at(0).rtpmap.value(s("111")), s("opus/48000/2"));
        QCOMPARE(o.media.at(0).fmtp.value(s("111")), s("minptime=10;useinbandfec=1"));
        QCOMPARE(o.media.at(1).rtcpFb.value(s("96")).size(), 3);
        QVERIFY(o.media.at(1).rtcpRsize);
    }

    void answerMirrorsChromiumOffer() {
        SdpAnswerer answerer(7);
        const QString a = answerer.answer(s(kChromiumPublishOffer));
        checkTransport(a, s("passive"));
        QVERIFY(lines(a).contains(s("a=group:BUNDLE 0 1")));
        const QStringList audio = section(a, 0);
        QCOMPARE(audio.first(), s("m=audio 9 UDP/TLS/RTP/SAVPF 111"));
        QVERIFY(audio.contains(s("a=mid:0")));
        QVERIFY(audio.contains(s("a=recvonly")));
        QVERIFY(audio.contains(s("a=rtpmap:111 opus/48000/2")));
        QVERIFY(audio.contains(s("a=fmtp:111 minptime=10;useinbandfec=1")));
        QVERIFY(audio.contains(s("a=rtcp-fb:111 transport-cc")));
        QVERIFY(audio.contains(s("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid")));
        QVERIFY(audio.filter(s("a=msid:")).isEmpty()); // recvonly: we send nothing
        const QStringList video = section(a, 1);
        QCOMPARE(video.first(), s("m=video 9 UDP/TLS/RTP/SAVPF 96"));
        QVERIFY(video.contains(s("a=mid:1")));
        QVERIFY(video.contains(s("a=rtpmap:96 VP8/90000")));
        QVERIFY(video.contains(s("a=rtcp-rsize")));
        QVERIFY(
            video.filter(s("urn:3gpp:video-orientation")).isEmpty()); // directional extmap left out
        // Answers parse back with the same sections.
        const SdpOffer back = SdpOffer::parse(a);
        QCOMPARE(back.media.size(), 2);
        QCOMPARE(back.bundleMids, (QStringList{s("0"), s("1")}));
    }

    void fixtureOffers_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("directions");
        QTest::newRow("publishStream")
            << "publishStream" << QStringList{s("recvonly"), s("recvonly")};
        QTest::newRow("playStream") << "playStream" << QStringList{s("sendonly"), s("sendonly")};
        QTest::newRow("call") << "call" << QStringList{s("sendrecv")};
    }

    void fixtureOffers() {
        QFETCH(QString, command);
        QFETCH(QStringList, directions);
        const auto offers = ::fixtureOffers();
        if (offers.isEmpty()) {
            QSKIP("shared/fixtures not found (CALLBOARD_SHARED_DIR)");
        }
        QVERIFY(offers.contains(command));
        const SdpOffer offer = SdpOffer::parse(offers.value(command));
        SdpAnswerer answerer;
        const QString a = answerer.answer(offers.value(command));
        checkTransport(a, s("passive"));
        const SdpOffer back = SdpOffer::parse(a);
        QCOMPARE(back.media.size(), offer.media.size());
        QCOMPARE(back.bundleMids, offer.bundleMids);
        for (qsizetype i = 0; i < offer.media.size(); ++i) {
            QCOMPARE(back.media.at(i).media, offer.media.at(i).media);
            QCOMPARE(back.media.at(i).mid, offer.media.at(i).mid);
            QCOMPARE(back.media.at(i).proto, offer.media.at(i).proto);
            QCOMPARE(back.media.at(i).formats, QStringList{offer.media.at(i).formats.first()});
            QCOMPARE(back.media.at(i).direction, directions.at(i));
        }
        if (directions.first() != QLatin1StringView("recvonly")) {
            QCOMPARE(lines(a).filter(s("a=msid:")).size(), offer.media.size());
            QCOMPARE(lines(a).filter(QRegularExpression(s("^a=ssrc:\\d+ cname:"))).size(),
                     offer.media.size());
        }
    }

    void reverseDirection_data() {
        QTest::addColumn<QString>("offer");
        QTest::addColumn<QString>("answer");
        QTest::newRow("sendonly") << "sendonly"
                                  << "recvonly";
        QTest::newRow("recvonly") << "recvonly"
                                  << "sendonly";
        QTest::newRow("sendrecv") << "sendrecv"
                                  << "sendrecv";
        QTest::newRow("inactive") << "inactive"
                                  << "inactive";
        QTest::newRow("absent") << QString() << "sendrecv";
    }

    void reverseDirection() {
        QFETCH(QString, offer);
        QFETCH(QString, answer);
        QCOMPARE(SdpAnswerer::reverseDirection(offer), answer);
    }

    void chooseFormat_data() {
        QTest::addColumn<QString>("mline");
        QTest::addColumn<QString>("maps");
        QTest::addColumn<int>("index");
        QTest::newRow("first") << "m=audio 9 RTP/SAVPF 111 0"
                               << "a=rtpmap:111 opus/48000/2" << 0;
        QTest::newRow("skip red and rtx")
            << "m=video 9 RTP/SAVPF 118 119 96"
            << "a=rtpmap:118 red/90000\r\na=rtpmap:119 rtx/90000\r\na=rtpmap:96 VP8/90000" << 2;
        QTest::newRow("skip dtmf and cn")
            << "m=audio 9 RTP/SAVPF 126 13 8"
            << "a=rtpmap:126 telephone-event/8000\r\na=rtpmap:13 CN/8000" << 2;
        QTest::newRow("static without rtpmap") << "m=audio 9 RTP/AVP 0 8"
                                               << "" << 0;
        QTest::newRow("only auxiliary") << "m=audio 9 RTP/SAVPF 126"
                                        << "a=rtpmap:126 telephone-event/8000" << 0;
        QTest::newRow("none") << "m=audio 9 RTP/SAVPF"
                              << "" << -1;
    }

    void chooseFormat() {
        QFETCH(QString, mline);
        QFETCH(QString, maps);
        QFETCH(int, index);
        const SdpOffer o = SdpOffer::parse(mline + s("\r\n") + maps + s("\r\n"));
        QCOMPARE(o.media.size(), 1);
        QCOMPARE(int(SdpAnswerer::chooseFormat(o.media.first())), index);
    }

    void rejectedSectionStaysRejected() {
        const QString offer =
            s("v=0\r\na=group:BUNDLE 0 1\r\n"
              "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n"
              "m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\na=rtpmap:96 VP8/90000\r\n");
        SdpAnswerer answerer;
        const QString a = answerer.answer(offer);
        QVERIFY(lines(a).contains(s("a=group:BUNDLE 0")));
        QCOMPARE(section(a, 1).first(), s("m=video 0 UDP/TLS/RTP/SAVPF 96"));
        QVERIFY(section(a, 1).contains(s("a=inactive")));
        checkTransport(a, s("passive"));
    }

    void dataChannelAndStaticOffers() {
        SdpAnswerer answerer;
        const QString dc = answerer.answer(
            s("v=0\r\na=group:BUNDLE 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
              "a=mid:0\r\na=sctp-port:5000\r\n"));
        QCOMPARE(section(dc, 0).first(), s("m=application 9 UDP/DTLS/SCTP webrtc-datachannel"));
        QVERIFY(section(dc, 0).contains(s("a=sctp-port:5000")));
        checkTransport(dc, s("passive"));
        // WSPlayer's fixed offer: no mid, no BUNDLE, static payload types.
        const QString ws = answerer.answer(s(
            "v=0\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=video 0 RTP/AVP 32\r\na=rtpmap:32 MPV/90000\r\n"
            "a=recvonly\r\nm=audio 0 RTP/AVP 0\r\na=recvonly\r\n"));
        QVERIFY(lines(ws).filter(s("a=group:")).isEmpty());
        QVERIFY(lines(ws).filter(s("a=mid:")).isEmpty());
        QCOMPARE(lines(ws).filter(s("m=")).size(), 2);
    }

    void garbageGetsDefaultAnswer_data() {
        QTest::addColumn<QString>("offer");
        QTest::newRow("empty") << QString();
        QTest::newRow("placeholder") << "v=0\r\n";
        QTest::newRow("junk") << "\x01\x02 not sdp at all \n\n=\n";
    }

    void garbageGetsDefaultAnswer() {
        QFETCH(QString, offer);
        SdpAnswerer answerer;
        const QString a = answerer.answer(offer);
        checkTransport(a, s("passive"));
        QCOMPARE(section(a, 0).first(), s("m=audio 9 UDP/TLS/RTP/SAVPF 111"));
        QVERIFY(lines(a).contains(s("a=group:BUNDLE 0")));
        QVERIFY(section(a, 0).contains(s("a=sendrecv")));
    }

    void malformedOffersNeverCrash() {
        SdpAnswerer answerer;
        for (const char* o :
             {"m=", "m=audio", "m=audio 9", "a=rtpmap:", "a=fmtp:111",
              "m=audio 9 X\r\na=group:BUNDLE", "a=group:BUNDLE 0\r\nm=video 9 P 1\r\na=mid:",
              "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtcp-fb:\r\na=extmap:"}) {
            QVERIFY(!answerer.answer(QString::fromLatin1(o)).isEmpty());
        }
        QString many;
        for (int i = 0; i < 100; ++i) {
            many += QStringLiteral("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:%1\r\n").arg(i);
        }
        QCOMPARE(lines(answerer.answer(many)).filter(s("m=")).size(), int(SdpOffer::kMaxMedia));
    }

    void incomingCallOffer_data() {
        QTest::addColumn<bool>("video");
        QTest::newRow("audio") << false;
        QTest::newRow("audio+video") << true;
    }

    void incomingCallOffer() {
        QFETCH(bool, video);
        SdpAnswerer answerer;
        const QString o = answerer.offer(video);
        checkTransport(o, s("actpass"));
        QVERIFY(lines(o).contains(video ? s("a=group:BUNDLE 0 1") : s("a=group:BUNDLE 0")));
        const SdpOffer parsed = SdpOffer::parse(o);
        QCOMPARE(parsed.media.size(), video ? 2 : 1);
        QCOMPARE(parsed.media.at(0).rtpmap.value(s("111")), s("opus/48000/2"));
        QCOMPARE(parsed.media.at(0).direction, s("sendrecv"));
        if (video) {
            QCOMPARE(parsed.media.at(1).rtpmap.value(s("96")), s("VP8/90000"));
        }
    }

    void randomnessAndSeeds() {
        SdpAnswerer a1(42);
        SdpAnswerer a2(42);
        QCOMPARE(a1.answer(s(kChromiumPublishOffer)), a2.answer(s(kChromiumPublishOffer)));
        SdpAnswerer r;
        const QString x = r.answer(s(kChromiumPublishOffer));
        const QString y = r.answer(s(kChromiumPublishOffer));
        QVERIFY(lines(x).filter(s("a=fingerprint:")).first() !=
                lines(y).filter(s("a=fingerprint:")).first());
        QVERIFY(lines(x).filter(s("a=ice-ufrag:")).first() !=
                lines(y).filter(s("a=ice-ufrag:")).first());
    }
};

QTEST_GUILESS_MAIN(tst_SdpAnswerer)
#include "tst_SdpAnswerer.moc"
