// media::WebRtcEndpoint: RFC 4733 DTMF between two endpoints in one process: telephone-event in
// offers and answers (webrtcbin 1.22 leaves it out of answers and re-offers; the endpoint adds
// it), events sent in the voice stream and reported once each, in order, on the other side.
#include "WebRtcCallFixture.h"

#include "media/Gst.h"
#include "media/SdpInspector.h"

#include <QSignalSpy>
#include <QTest>

using media::MediaDirection;
using media::WebRtcEndpoint;
using webrtctest::Call;
using webrtctest::kAudible;
using webrtctest::syntheticConfig;

namespace {

/// "TELEPHONE-EVENT/110/48000 ..." of the audio section.
QStringList telephoneEvents(const QString& sdp) {
    QStringList result;
    for (const auto& map : media::SdpInspector(sdp).audioRtpMaps()) {
        if (map.encodingName.compare(QLatin1String("telephone-event"), Qt::CaseInsensitive) == 0)
            result << QStringLiteral("%1/%2").arg(map.payloadType).arg(map.clockRate);
    }
    return result;
}

media::AudioEndpointConfig withCodecs(media::AudioEndpointConfig config, QStringList codecs) {
    config.codecs = std::move(codecs);
    return config;
}

} // namespace

class tst_WebRtcEndpointDtmf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(media::Gst::ensureInitialized(&error), qPrintable(error));
        const QStringList missing = media::Gst::missingElements(
            {QStringLiteral("rtpdtmfsrc"), QStringLiteral("rtpdtmfmux"),
             QStringLiteral("rtpdtmfdepay"), QStringLiteral("opusenc"), QStringLiteral("mulawenc"),
             QStringLiteral("audiotestsrc")});
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
    }

    /// Opus + G.711 offer: telephone-event at both clock rates, Chromium's numbers.
    void offerListsTelephoneEvent() {
        WebRtcEndpoint endpoint(syntheticConfig(440));
        QSignalSpy ready(&endpoint, &WebRtcEndpoint::localDescriptionReady);
        QVERIFY(endpoint.createOffer());
        QVERIFY(ready.wait(10000));
        const QStringList events = telephoneEvents(ready[0][0].toString());
        QVERIFY2(events.contains(QStringLiteral("110/48000")), qPrintable(events.join(u' ')));
        QVERIFY2(events.contains(QStringLiteral("126/8000")), qPrintable(events.join(u' ')));
    }

    /// Digits from A reach B in order, and back from the answerer; the answer carries
    /// telephone-event although webrtcbin 1.22 answers with one codec.
    void roundTripOpus() {
        Call call;
        QVERIFY(call.establish());
        QCOMPARE(telephoneEvents(call.b().lastAnswer), QStringList{QStringLiteral("110/48000")});
        QCOMPARE(call.a().endpoint->dtmfPayloadType(), 110);
        QCOMPARE(call.b().endpoint->dtmfPayloadType(), 110);

        QVERIFY(call.a().endpoint->sendDtmf(QStringLiteral("159*#0ad"), 80, 60));
        QTRY_COMPARE_WITH_TIMEOUT(call.b().dtmf, QStringLiteral("159*#0AD"), 5000);
        QVERIFY(call.b().endpoint->sendDtmf(QStringLiteral("42")));
        QTRY_COMPARE_WITH_TIMEOUT(call.a().dtmf, QStringLiteral("42"), 5000);
        QTest::qWait(300); // no late duplicates (end packets are sent three times)
        QCOMPARE(call.b().dtmf, QStringLiteral("159*#0AD"));
        QCOMPARE(call.a().dtmf, QStringLiteral("42"));
        // Voice resumes after the events.
        call.b().outputDb = WebRtcEndpoint::kSilenceDb;
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb > kAudible, 3000);
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }

    /// G.711 only: telephone-event/8000 (payload 126).
    void roundTripPcmu() {
        const QStringList codecs{QStringLiteral("PCMU"), QStringLiteral("TELEPHONE-EVENT")};
        Call call(withCodecs(syntheticConfig(440), codecs),
                  withCodecs(syntheticConfig(880), codecs));
        QVERIFY(call.establish());
        QCOMPARE(call.a().endpoint->sendCodec()->encodingName, QStringLiteral("PCMU"));
        QCOMPARE(telephoneEvents(call.a().lastOffer), QStringList{QStringLiteral("126/8000")});
        QCOMPARE(telephoneEvents(call.b().lastAnswer), QStringList{QStringLiteral("126/8000")});
        QVERIFY(call.a().endpoint->sendDtmf(QStringLiteral("7#")));
        QTRY_COMPARE_WITH_TIMEOUT(call.b().dtmf, QStringLiteral("7#"), 5000);
    }

    /// Hold and resume renegotiate (B re-offers, A answers): telephone-event stays in both
    /// descriptions and DTMF still works, although webrtcbin narrowed to the flowing codec.
    void survivesRenegotiation() {
        Call call;
        QVERIFY(call.establish());
        QVERIFY(call.a().endpoint->sendDtmf(QStringLiteral("1")));
        QTRY_COMPARE_WITH_TIMEOUT(call.b().dtmf, QStringLiteral("1"), 5000);
        call.b().endpoint->setDirection(MediaDirection::Inactive);
        QTRY_COMPARE_WITH_TIMEOUT(call.a().endpoint->negotiatedDirection(),
                                  MediaDirection::Inactive, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(call.b().endpoint->negotiatedDirection(),
                                  MediaDirection::Inactive, 10000);
        QVERIFY(!call.a().endpoint->sendDtmf(QStringLiteral("2"))); // on hold: nothing sent
        call.b().endpoint->setDirection(MediaDirection::SendRecv);
        // Both ends: A completes on its answer, B only once A's answer is applied.
        QTRY_COMPARE_WITH_TIMEOUT(call.a().endpoint->negotiatedDirection(),
                                  MediaDirection::SendRecv, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(call.b().endpoint->negotiatedDirection(),
                                  MediaDirection::SendRecv, 10000);
        QCOMPARE(telephoneEvents(call.b().lastOffer), QStringList{QStringLiteral("110/48000")});
        QCOMPARE(telephoneEvents(call.a().lastAnswer), QStringList{QStringLiteral("110/48000")});
        QVERIFY(call.a().endpoint->sendDtmf(QStringLiteral("3")));
        QVERIFY(call.b().endpoint->sendDtmf(QStringLiteral("4")));
        QTRY_COMPARE_WITH_TIMEOUT(call.b().dtmf, QStringLiteral("13"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(call.a().dtmf, QStringLiteral("4"), 5000);
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }

    /// A peer that does not offer telephone-event: none in the answer, sendDtmf refuses, audio
    /// is unaffected.
    void peerWithoutTelephoneEvent() {
        Call call(syntheticConfig(440), withCodecs(syntheticConfig(880), {QStringLiteral("OPUS")}));
        QVERIFY(call.establish());
        QCOMPARE(telephoneEvents(call.b().lastAnswer), QStringList{});
        QCOMPARE(call.a().endpoint->dtmfPayloadType(), std::nullopt);
        QVERIFY(!call.a().endpoint->sendDtmf(QStringLiteral("1")));
        QVERIFY(!call.b().endpoint->sendDtmf(QStringLiteral("1")));
    }

    void rejectsWhatIsNotDtmf() {
        WebRtcEndpoint idle(syntheticConfig(440));
        QVERIFY(!idle.sendDtmf(QStringLiteral("1"))); // nothing negotiated
        Call call;
        QVERIFY(call.establish());
        WebRtcEndpoint& a = *call.a().endpoint;
        QVERIFY(!a.sendDtmf(QString()));
        QVERIFY(!a.sendDtmf(QStringLiteral("12x")));
        QVERIFY(!a.sendDtmf(QStringLiteral("1"), 39));
        QVERIFY(!a.sendDtmf(QStringLiteral("1"), 100, 5001));
        QTest::qWait(300);
        QCOMPARE(call.b().dtmf, QString()); // nothing of a refused call was queued
    }
};

QTEST_GUILESS_MAIN(tst_WebRtcEndpointDtmf)
#include "tst_WebRtcEndpointDtmf.moc"
