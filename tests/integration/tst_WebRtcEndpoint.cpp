// media::WebRtcEndpoint: two endpoints in one process, SDP handed over in-process (no
// signalling server), real webrtcbin ICE + DTLS-SRTP over loopback/host candidates, synthetic
// audio (audiotestsrc) and fakesink, so it runs headless without a sound card.
#include "WebRtcCallFixture.h"

#include "media/Gst.h"
#include "media/SdpInspector.h"

#include <QSignalSpy>
#include <QTest>

using media::MediaDirection;
using media::SdpType;
using media::WebRtcEndpoint;
using webrtctest::Call;
using webrtctest::kAudible;
using webrtctest::kQuiet;
using webrtctest::syntheticConfig;

class tst_WebRtcEndpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(media::Gst::ensureInitialized(&error), qPrintable(error));
        const QStringList missing = media::Gst::missingElements(
            {QStringLiteral("webrtcbin"), QStringLiteral("nicesrc"), QStringLiteral("opusenc"),
             QStringLiteral("opusdec"), QStringLiteral("audiotestsrc"), QStringLiteral("level")});
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing GStreamer elements: %1 "
                                                              "(packaging/install-deps.sh --test)")
                                                   .arg(missing.join(u' '))));
        qInfo("%s", qPrintable(media::Gst::versionString()));
    }

    /// WCS spec §15: non-trickle, so the published offer already holds every candidate.
    void offerIsCompleteAndNonTrickle() {
        WebRtcEndpoint endpoint(syntheticConfig(440));
        QSignalSpy ready(&endpoint, &WebRtcEndpoint::localDescriptionReady);
        QVERIFY(endpoint.createOffer());
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.size(), 1);
        QVERIFY(ready[0][1].value<SdpType>() == SdpType::Offer);
        const QString sdp = ready[0][0].toString();
        qInfo("offer:\n%s", qPrintable(sdp));
        const media::SdpInspector offer(sdp);
        QVERIFY(!offer.candidates().isEmpty());
        QVERIFY(offer.hasEndOfCandidates());
        QVERIFY(offer.hasRtcpMux());
        QCOMPARE(offer.bundleGroup(), QStringList{QStringLiteral("audio0")});
        QCOMPARE(offer.attribute(QStringLiteral("setup")), QStringLiteral("actpass"));
        QVERIFY(offer.attribute(QStringLiteral("ice-ufrag")).has_value());
        QVERIFY(offer.attribute(QStringLiteral("ice-pwd")).has_value());
        QVERIFY(offer.attribute(QStringLiteral("fingerprint")).has_value());
        QCOMPARE(offer.audioDirection(), MediaDirection::SendRecv);
        QStringList codecs;
        for (const auto& map : offer.audioRtpMaps())
            codecs << QStringLiteral("%1/%2/%3")
                          .arg(map.encodingName.toUpper())
                          .arg(map.payloadType)
                          .arg(map.clockRate);
        QVERIFY2(codecs.startsWith(QStringLiteral("OPUS/111/48000")),
                 qPrintable(codecs.join(u' ')));
        QVERIFY2(codecs.contains(QStringLiteral("PCMU/0/8000")), qPrintable(codecs.join(u' ')));
        QVERIFY2(codecs.contains(QStringLiteral("PCMA/8/8000")), qPrintable(codecs.join(u' ')));
        QCOMPARE(endpoint.localDescription(), sdp);
    }

    void loopbackCarriesAudioBothWays() {
        Call call;
        QSignalSpy connected(call.a().endpoint.get(), &WebRtcEndpoint::connectionStateChanged);
        QVERIFY(call.a().endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible && call.b().outputDb > kAudible,
                                 10000);
        qInfo("received levels: A %.1f dBov, B %.1f dBov; captured A %.1f dBov", call.a().outputDb,
              call.b().outputDb, call.a().inputDb);
        QVERIFY(call.a().inputDb > kAudible);
        QVERIFY(call.a().endpoint->connectionState() == media::PeerConnectionState::Connected);
        QVERIFY(!connected.isEmpty());
        QCOMPARE(call.a().endpoint->sendCodec()->encodingName, QStringLiteral("OPUS"));
        QCOMPARE(call.b().endpoint->sendCodec()->encodingName, QStringLiteral("OPUS"));
        QCOMPARE(call.a().endpoint->negotiatedDirection(), MediaDirection::SendRecv);
        QCOMPARE(call.b().endpoint->negotiatedDirection(), MediaDirection::SendRecv);
        const media::SdpInspector answer(call.b().lastAnswer);
        QVERIFY(!answer.candidates().isEmpty());
        QVERIFY(answer.hasRtcpMux());
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }

    /// B puts A on hold (inactive), then resumes: B re-offers, A answers, audio stops and
    /// comes back both ways.
    void holdAndResumeRenegotiate() {
        Call call;
        QVERIFY(call.a().endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible && call.b().outputDb > kAudible,
                                 10000);
        const int completedBefore = call.a().completed;
        call.b().endpoint->setDirection(MediaDirection::Inactive);
        QTRY_VERIFY_WITH_TIMEOUT(call.a().completed > completedBefore, 10000);
        QCOMPARE(media::SdpInspector(call.b().lastOffer).audioDirection(),
                 MediaDirection::Inactive);
        QCOMPARE(call.a().endpoint->negotiatedDirection(), MediaDirection::Inactive);
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb < kQuiet && call.b().outputDb < kQuiet, 5000);
        qInfo("on hold: A hears %.1f dBov, B hears %.1f dBov", call.a().outputDb,
              call.b().outputDb);

        call.b().endpoint->setDirection(MediaDirection::SendRecv);
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible && call.b().outputDb > kAudible,
                                 10000);
        qInfo("resumed: A hears %.1f dBov, B hears %.1f dBov", call.a().outputDb,
              call.b().outputDb);
        QCOMPARE(call.a().endpoint->negotiatedDirection(), MediaDirection::SendRecv);
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }

    /// sendonly hold: B keeps sending, A stops (recvonly answer).
    void sendOnlyHoldStopsOneWay() {
        Call call;
        QVERIFY(call.a().endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible && call.b().outputDb > kAudible,
                                 10000);
        call.b().endpoint->setDirection(MediaDirection::SendOnly);
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb < kQuiet, 10000);
        QCOMPARE(call.a().endpoint->negotiatedDirection(), MediaDirection::RecvOnly);
        QTest::qWait(500);
        QVERIFY2(call.a().outputDb > kAudible, qPrintable(QString::number(call.a().outputDb)));
    }

    /// webrtcdsp (AEC/NS/AGC) on the capture side, webrtcechoprobe on the playback side.
    void voiceProcessingCarriesAudio() {
        auto a = syntheticConfig(440);
        auto b = syntheticConfig(880);
        a.voiceProcessing = b.voiceProcessing = true;
        Call call(a, b);
        QVERIFY(call.a().endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible && call.b().outputDb > kAudible,
                                 10000);
        qInfo("with webrtcdsp: A hears %.1f dBov, B hears %.1f dBov", call.a().outputDb,
              call.b().outputDb);
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }

    void muteSendsSilence() {
        Call call;
        QVERIFY(call.a().endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb > kAudible, 10000);
        call.a().endpoint->setMuted(true);
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb < kQuiet, 5000);
        QVERIFY(call.a().inputDb > kAudible); // the meter still shows the source
        call.a().endpoint->setMuted(false);
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb > kAudible, 5000);
    }

    void statsCountPackets() {
        Call call;
        QVERIFY(call.a().endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible, 10000);
        QSignalSpy stats(call.a().endpoint.get(), &WebRtcEndpoint::statsReady);
        QVERIFY(call.a().endpoint->requestStats());
        QVERIFY(stats.wait(5000));
        QTest::qWait(1000);
        QVERIFY(call.a().endpoint->requestStats());
        QTRY_COMPARE_WITH_TIMEOUT(stats.size(), 2, 5000);
        const auto first = stats[0][0].value<media::MediaStats>();
        const auto second = stats[1][0].value<media::MediaStats>();
        qInfo("stats: %s", qPrintable(second.toString()));
        QVERIFY(first.packetsReceived > 0);
        QVERIFY(first.packetsSent > 0);
        QVERIFY(second.packetsReceived > first.packetsReceived);
        QVERIFY(second.receiveBitrateKbps > 1.0);
        QVERIFY(second.sendBitrateKbps > 1.0);
    }

    /// An offer that numbers Opus differently (109, as some servers do): the answer and the
    /// stream use the offerer's number.
    void answerFollowsOfferPayloadNumbers() {
        WebRtcEndpoint a(syntheticConfig(440));
        WebRtcEndpoint b(syntheticConfig(880));
        QSignalSpy offer(&a, &WebRtcEndpoint::localDescriptionReady);
        QSignalSpy answer(&b, &WebRtcEndpoint::localDescriptionReady);
        double bHears = WebRtcEndpoint::kSilenceDb;
        connect(&b, &WebRtcEndpoint::outputLevel, &b, [&bHears](double db) { bHears = db; });
        QVERIFY(a.createOffer());
        QVERIFY(offer.wait(10000));
        QString renumbered = offer[0][0].toString();
        renumbered.replace(QStringLiteral("RTP/SAVPF 111 "), QStringLiteral("RTP/SAVPF 109 "));
        renumbered.replace(QStringLiteral("a=rtpmap:111 "), QStringLiteral("a=rtpmap:109 "));
        renumbered.replace(QStringLiteral("a=rtcp-fb:111 "), QStringLiteral("a=rtcp-fb:109 "));
        renumbered.replace(QStringLiteral("a=fmtp:111 "), QStringLiteral("a=fmtp:109 "));
        QVERIFY(b.setRemoteDescription(renumbered, SdpType::Offer));
        QVERIFY(b.createAnswer());
        QVERIFY(answer.wait(10000));
        const auto maps = media::SdpInspector(answer[0][0].toString()).audioRtpMaps();
        QVERIFY(!maps.isEmpty());
        QCOMPARE(maps.first().payloadType, 109);
        QCOMPARE(maps.first().encodingName.toUpper(), QStringLiteral("OPUS"));
    }

    void invalidRemoteDescriptionFails() {
        WebRtcEndpoint endpoint(syntheticConfig(440));
        QSignalSpy failed(&endpoint, &WebRtcEndpoint::failed);
        QVERIFY(!endpoint.setRemoteDescription(QStringLiteral("not sdp"), SdpType::Offer));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!endpoint.setRemoteDescription(QStringLiteral("v=0\r\n"), SdpType::Answer));
        QVERIFY(!endpoint.createAnswer());
    }

    void brokenSourceFails() {
        auto config = syntheticConfig(440);
        config.sourceDescription = QStringLiteral("no-such-element-xyz");
        WebRtcEndpoint endpoint(config);
        QSignalSpy failed(&endpoint, &WebRtcEndpoint::failed);
        QVERIFY(!endpoint.createOffer());
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed[0][0].toString().contains(QStringLiteral("no-such-element-xyz")));
        QVERIFY(!endpoint.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_WebRtcEndpoint)
#include "tst_WebRtcEndpoint.moc"
