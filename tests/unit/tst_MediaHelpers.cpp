// media:: pure helpers: MediaDirection (RFC 3264 directions), SdpInspector (what an SDP
// carries), AudioCodec (the codec table and its webrtcbin caps).
#include "media/AudioCodec.h"
#include "media/MediaDirection.h"
#include "media/PeerConnectionState.h"
#include "media/SdpEditor.h"
#include "media/SdpInspector.h"

#include <QTest>

using media::MediaDirection;

Q_DECLARE_METATYPE(media::MediaDirection)

namespace {

/// An offer as webrtcbin 1.22 publishes it (CRLF line ends), trimmed.
const char* const kWebRtcBinOffer = "v=0\r\n"
                                    "o=- 1 0 IN IP4 0.0.0.0\r\n"
                                    "s=-\r\n"
                                    "t=0 0\r\n"
                                    "a=ice-options:trickle\r\n"
                                    "a=group:BUNDLE audio0\r\n"
                                    "m=audio 9 UDP/TLS/RTP/SAVPF 111 9 0 8 101\r\n"
                                    "c=IN IP4 0.0.0.0\r\n"
                                    "a=setup:actpass\r\n"
                                    "a=ice-ufrag:abc\r\n"
                                    "a=ice-pwd:def\r\n"
                                    "a=rtcp-mux\r\n"
                                    "a=sendrecv\r\n"
                                    "a=rtpmap:111 OPUS/48000/2\r\n"
                                    "a=rtpmap:9 G722/8000\r\n"
                                    "a=rtpmap:0 PCMU/8000\r\n"
                                    "a=rtpmap:8 PCMA/8000\r\n"
                                    "a=rtpmap:101 TELEPHONE-EVENT/48000\r\n"
                                    "a=mid:audio0\r\n"
                                    "a=candidate:1 1 UDP 2015363327 192.0.2.2 51741 typ host\r\n"
                                    "a=candidate:2 1 TCP 1015021823 192.0.2.2 9 typ host "
                                    "tcptype active\r\n"
                                    "a=end-of-candidates\r\n";

/// A SIP-style answer: LF line ends, static payload types without rtpmap, session-level
/// direction, video section after audio.
const char* const kPlainAnswer = "v=0\n"
                                 "o=- 2 0 IN IP4 192.0.2.9\n"
                                 "s=-\n"
                                 "c=IN IP4 192.0.2.9\n"
                                 "t=0 0\n"
                                 "a=recvonly\n"
                                 "m=audio 4000 RTP/AVP 8 0 101\n"
                                 "a=rtpmap:101 telephone-event/8000\n"
                                 "m=video 0 RTP/AVP 96\n"
                                 "a=sendrecv\n";

} // namespace

class tst_MediaHelpers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void directionTable_data() {
        QTest::addColumn<MediaDirection>("direction");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<bool>("sends");
        QTest::addColumn<bool>("receives");
        QTest::addColumn<MediaDirection>("reversed");
        QTest::addColumn<MediaDirection>("hold");
        QTest::newRow("sendrecv") << MediaDirection::SendRecv << "sendrecv" << true << true
                                  << MediaDirection::SendRecv << MediaDirection::SendOnly;
        QTest::newRow("sendonly") << MediaDirection::SendOnly << "sendonly" << true << false
                                  << MediaDirection::RecvOnly << MediaDirection::SendOnly;
        QTest::newRow("recvonly") << MediaDirection::RecvOnly << "recvonly" << false << true
                                  << MediaDirection::SendOnly << MediaDirection::Inactive;
        QTest::newRow("inactive") << MediaDirection::Inactive << "inactive" << false << false
                                  << MediaDirection::Inactive << MediaDirection::Inactive;
    }

    void directionTable() {
        QFETCH(MediaDirection, direction);
        QFETCH(QString, attribute);
        QFETCH(bool, sends);
        QFETCH(bool, receives);
        QFETCH(MediaDirection, reversed);
        QFETCH(MediaDirection, hold);
        QCOMPARE(media::toSdpAttribute(direction), attribute);
        QCOMPARE(media::directionFromSdpAttribute(attribute), direction);
        QCOMPARE(media::sends(direction), sends);
        QCOMPARE(media::receives(direction), receives);
        QCOMPARE(media::directionFrom(sends, receives), direction);
        QCOMPARE(media::reversed(direction), reversed);
        QCOMPARE(media::holdDirection(direction), hold);
    }

    void unknownDirectionAttribute() {
        QCOMPARE(media::directionFromSdpAttribute(QStringLiteral("SENDRECV")), std::nullopt);
        QCOMPARE(media::directionFromSdpAttribute(QString()), std::nullopt);
    }

    void answerDirection_data() {
        QTest::addColumn<MediaDirection>("offered");
        QTest::addColumn<MediaDirection>("local");
        QTest::addColumn<MediaDirection>("answer");
        QTest::newRow("sendrecv/sendrecv")
            << MediaDirection::SendRecv << MediaDirection::SendRecv << MediaDirection::SendRecv;
        QTest::newRow("hold offered")
            << MediaDirection::SendOnly << MediaDirection::SendRecv << MediaDirection::RecvOnly;
        QTest::newRow("inactive offered")
            << MediaDirection::Inactive << MediaDirection::SendRecv << MediaDirection::Inactive;
        QTest::newRow("recvonly offered")
            << MediaDirection::RecvOnly << MediaDirection::SendRecv << MediaDirection::SendOnly;
        QTest::newRow("we hold") << MediaDirection::SendRecv << MediaDirection::SendOnly
                                 << MediaDirection::SendOnly;
        QTest::newRow("both hold")
            << MediaDirection::SendOnly << MediaDirection::SendOnly << MediaDirection::Inactive;
    }

    void answerDirection() {
        QFETCH(MediaDirection, offered);
        QFETCH(MediaDirection, local);
        QFETCH(MediaDirection, answer);
        QCOMPARE(media::answerDirection(offered, local), answer);
    }

    void inspectsWebRtcBinOffer() {
        const media::SdpInspector sdp(QString::fromLatin1(kWebRtcBinOffer));
        QCOMPARE(sdp.mediaSectionCount(), 1);
        QCOMPARE(sdp.candidates().size(), 2);
        QVERIFY(sdp.candidates().first().startsWith(QLatin1String("candidate:1 1 UDP")));
        QVERIFY(sdp.hasEndOfCandidates());
        QVERIFY(sdp.hasRtcpMux());
        QCOMPARE(sdp.bundleGroup(), QStringList{QStringLiteral("audio0")});
        QCOMPARE(sdp.audioDirection(), MediaDirection::SendRecv);
        QCOMPARE(sdp.attribute(QStringLiteral("setup")), QStringLiteral("actpass"));
        QCOMPARE(sdp.attribute(QStringLiteral("ice-options")), QStringLiteral("trickle"));
        QCOMPARE(sdp.attribute(QStringLiteral("rtcp-mux")), QString());
        QCOMPARE(sdp.attribute(QStringLiteral("absent")), std::nullopt);
        const auto maps = sdp.audioRtpMaps();
        QCOMPARE(maps.size(), 5);
        QCOMPARE(maps[0].payloadType, 111);
        QCOMPARE(maps[0].encodingName, QStringLiteral("OPUS"));
        QCOMPARE(maps[0].clockRate, 48000);
        QCOMPARE(maps[0].channels, 2);
        QCOMPARE(maps[1].encodingName, QStringLiteral("G722"));
        QCOMPARE(maps[4].encodingName, QStringLiteral("TELEPHONE-EVENT"));
        QCOMPARE(maps[4].channels, 1);
    }

    void inspectsPlainAnswer() {
        const media::SdpInspector sdp(QString::fromLatin1(kPlainAnswer));
        QCOMPARE(sdp.mediaSectionCount(), 2);
        QVERIFY(sdp.candidates().isEmpty());
        QVERIFY(!sdp.hasEndOfCandidates());
        QVERIFY(!sdp.hasRtcpMux());
        QVERIFY(sdp.bundleGroup().isEmpty());
        // No direction in the audio section: the session-level one applies, not the video's.
        QCOMPARE(sdp.audioDirection(), MediaDirection::RecvOnly);
        const auto maps = sdp.audioRtpMaps();
        QCOMPARE(maps.size(), 3);
        QCOMPARE(maps[0].encodingName, QStringLiteral("PCMA"));
        QCOMPARE(maps[0].clockRate, 8000);
        QCOMPARE(maps[1].encodingName, QStringLiteral("PCMU"));
        QCOMPARE(maps[2].encodingName, QStringLiteral("telephone-event"));
        QCOMPARE(maps[2].payloadType, 101);
    }

    void inspectsNothing() {
        const media::SdpInspector sdp(QStringLiteral("v=0\r\ns=-\r\nm=video 9 RTP/AVP 96\r\n"));
        QCOMPARE(sdp.audioDirection(), std::nullopt);
        QVERIFY(sdp.audioRtpMaps().isEmpty());
        QVERIFY(media::SdpInspector(QString()).candidates().isEmpty());
    }

    void rewritesAudioDirection_data() {
        QTest::addColumn<QString>("sdp");
        QTest::newRow("webrtcbin, CRLF") << QString::fromLatin1(kWebRtcBinOffer);
        QTest::newRow("session-level only, LF") << QString::fromLatin1(kPlainAnswer);
    }

    void rewritesAudioDirection() {
        QFETCH(QString, sdp);
        for (const auto d : {MediaDirection::Inactive, MediaDirection::SendOnly,
                             MediaDirection::RecvOnly, MediaDirection::SendRecv}) {
            const QString edited = media::SdpEditor::withAudioDirection(sdp, d);
            QCOMPARE(media::SdpInspector(edited).audioDirection(), d);
            QCOMPARE(edited.count(QStringLiteral("a=") + media::toSdpAttribute(d)) >= 1, true);
            QCOMPARE(media::SdpInspector(edited).audioRtpMaps().size(),
                     media::SdpInspector(sdp).audioRtpMaps().size());
            QCOMPARE(edited.contains(QLatin1String("\r\n")), sdp.contains(QLatin1String("\r\n")));
        }
        // The video section keeps its own direction.
        const QString plain = media::SdpEditor::withAudioDirection(
            QString::fromLatin1(kPlainAnswer), MediaDirection::Inactive);
        QVERIFY(plain.endsWith(QLatin1String("m=video 0 RTP/AVP 96\na=sendrecv\n")));
    }

    void addsEndOfCandidatesOnce() {
        const QString offer = QString::fromLatin1(kWebRtcBinOffer);
        QCOMPARE(media::SdpEditor::withEndOfCandidates(offer), offer);
        QString withoutEnd = offer;
        withoutEnd.remove(QStringLiteral("a=end-of-candidates\r\n"));
        QCOMPARE(media::SdpEditor::withEndOfCandidates(withoutEnd), offer);
        const QString plain = QString::fromLatin1(kPlainAnswer);
        QCOMPARE(media::SdpEditor::withEndOfCandidates(plain), plain); // no candidates
    }

    // baresip's offer style: ICE/DTLS attributes at session level, no a=mid (RFC-valid, but
    // webrtcbin reads them per m-section and needs a mid).
    void normalisesSessionLevelTransportAndMid() {
        const QString baresip = QStringLiteral(
            "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            "a=ice-ufrag:AXy\r\na=ice-pwd:7wo\r\na=setup:actpass\r\na=fingerprint:SHA-256 C0:E7\r\n"
            "m=audio 34904 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 opus/48000/2\r\na=setup:active\r\n");
        const QString fixed = media::SdpEditor::withMid(
            media::SdpEditor::withMediaLevelTransport(baresip), QStringLiteral("0"));
        QCOMPARE(
            fixed.section(QStringLiteral("m=audio"), 1),
            QStringLiteral(" 34904 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=ice-ufrag:AXy\r\n"
                           "a=ice-pwd:7wo\r\na=fingerprint:SHA-256 C0:E7\r\n"
                           "a=rtpmap:96 opus/48000/2\r\na=setup:active\r\n")); // own setup kept
        QCOMPARE(media::SdpInspector(fixed).attribute(QStringLiteral("mid")), QStringLiteral("0"));
        // A text with a mid keeps it; one without m-sections is left alone.
        const QString offer = QString::fromLatin1(kWebRtcBinOffer);
        QCOMPARE(media::SdpEditor::withMid(offer, QStringLiteral("x")), offer);
        QCOMPARE(media::SdpEditor::withMediaLevelTransport(offer), offer);
        // The answer to a mid-less offer carries no mid and no BUNDLE group.
        const QString answer = media::SdpEditor::withoutMids(offer);
        QVERIFY(!answer.contains(QStringLiteral("a=mid:")));
        QVERIFY(!answer.contains(QStringLiteral("a=group:")));
        QVERIFY(answer.contains(QStringLiteral("a=rtcp-mux")));
    }

    void carriesCandidatesOver() {
        QString bare = QString::fromLatin1(kWebRtcBinOffer);
        const QStringList candidates = media::SdpInspector(bare).candidates();
        for (const QString& c : candidates)
            bare.remove(QStringLiteral("a=") + c + QStringLiteral("\r\n"));
        bare.remove(QStringLiteral("a=end-of-candidates\r\n"));
        QVERIFY(media::SdpInspector(bare).candidates().isEmpty());
        const QString restored = media::SdpEditor::withCandidates(bare, candidates);
        QCOMPARE(media::SdpInspector(restored).candidates(), candidates);
        QCOMPARE(media::SdpEditor::withEndOfCandidates(restored),
                 QString::fromLatin1(kWebRtcBinOffer));
    }

    void codecTable() {
        const auto codecs = media::AudioCodec::all();
        QCOMPARE(codecs.first().encodingName, QStringLiteral("OPUS"));
        const auto opus = media::AudioCodec::find(QStringLiteral("opus"));
        QVERIFY(opus.has_value());
        QCOMPARE(opus->payloadType, 111);
        QCOMPARE(opus->rtpCaps(), QStringLiteral("application/x-rtp, media=(string)audio, "
                                                 "encoding-name=(string)OPUS, payload=(int)111, "
                                                 "clock-rate=(int)48000, "
                                                 "encoding-params=(string)2"));
        const auto pcmu = media::AudioCodec::find(QStringLiteral("PCMU"));
        QVERIFY(pcmu.has_value());
        QCOMPARE(pcmu->payloadType, 0);
        QVERIFY(pcmu->isVoice());
        QVERIFY(!pcmu->rtpCaps().contains(QLatin1String("encoding-params")));
        const auto event8k = media::AudioCodec::find(QStringLiteral("telephone-event"), 8000);
        QVERIFY(event8k.has_value());
        QCOMPARE(event8k->payloadType, 126);
        QVERIFY(event8k->isTelephoneEvent() && !event8k->isVoice());
        QCOMPARE(media::AudioCodec::find(QStringLiteral("TELEPHONE-EVENT"), 48000)->payloadType,
                 110);
        QCOMPARE(media::AudioCodec::find(QStringLiteral("SILK")), std::nullopt);
    }

    /// webrtcbin's single-codec answer gets the offer's telephone-event at the voice codec's
    /// rate only; nothing changes when it is there or no voice codec has that rate.
    void addsTelephoneEvents() {
        const QString answer = QStringLiteral("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                                              "a=mid:audio0\r\na=rtpmap:111 OPUS/48000/2\r\n"
                                              "a=sendrecv\r\n");
        const QString edited =
            media::SdpEditor::withTelephoneEvents(answer, {{101, 48000}, {126, 8000}});
        QCOMPARE(edited, QStringLiteral("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 101\r\n"
                                        "a=mid:audio0\r\na=rtpmap:111 OPUS/48000/2\r\n"
                                        "a=rtpmap:101 telephone-event/48000\r\n"
                                        "a=fmtp:101 0-15\r\na=sendrecv\r\n"));
        QCOMPARE(media::SdpEditor::withTelephoneEvents(edited, {{110, 48000}}), edited);
        // payload type taken by another format, and no SDP audio section at all
        QCOMPARE(media::SdpEditor::withTelephoneEvents(answer, {{111, 48000}}), answer);
        QCOMPARE(media::SdpEditor::withTelephoneEvents(QStringLiteral("v=0\n"), {{101, 8000}}),
                 QStringLiteral("v=0\n"));
        const QString plain = QString::fromLatin1(kPlainAnswer); // has telephone-event/8000
        QCOMPARE(media::SdpEditor::withTelephoneEvents(plain, {{126, 8000}}), plain);
    }

    void connectionStateNames() {
        QCOMPARE(media::toString(media::PeerConnectionState::Connected),
                 QStringLiteral("connected"));
        QCOMPARE(media::toString(media::PeerConnectionState::Failed), QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(tst_MediaHelpers)
#include "tst_MediaHelpers.moc"
