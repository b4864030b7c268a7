// media::WebRtcEndpoint: replacing the capture and playback elements in a running call
// (setSourceDescription/setSinkDescription), and the fallback when a device cannot start. Two
// endpoints in one process, synthetic tones, fakesink: headless, no sound card.
#include "WebRtcCallFixture.h"

#include "media/Gst.h"

#include <QSignalSpy>
#include <QTest>

using media::WebRtcEndpoint;
using webrtctest::Call;
using webrtctest::kAudible;
using webrtctest::kQuiet;
using webrtctest::syntheticConfig;

namespace {

const QString kSine = QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.5 freq=440");
const QString kSilence = QStringLiteral("audiotestsrc is-live=true wave=silence");
/// An element that exists but cannot start: no such PulseAudio source (or no server at all).
const QString kMissingDevice = QStringLiteral("pulsesrc device=\"callboard-no-such-device\"");

} // namespace

class tst_WebRtcEndpointDevices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(media::Gst::ensureInitialized(&error), qPrintable(error));
        const QStringList missing = media::Gst::missingElements(
            WebRtcEndpoint::requiredElements(false) +
            QStringList{QStringLiteral("opusenc"), QStringLiteral("audiotestsrc")});
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
    }

    /// Before start() the description is only configuration.
    void switchBeforeStartConfigures() {
        WebRtcEndpoint endpoint(syntheticConfig(440));
        QSignalSpy changed(&endpoint, &WebRtcEndpoint::sourceChanged);
        QVERIFY(endpoint.setSourceDescription(kSilence));
        QVERIFY(endpoint.setSinkDescription(QStringLiteral("fakesink")));
        QCOMPARE(endpoint.sourceDescription(), kSilence);
        QCOMPARE(endpoint.sinkDescription(), QStringLiteral("fakesink"));
        QVERIFY(changed.isEmpty());
        QVERIFY(!endpoint.isRunning());
    }

    /// sine -> silence -> sine on A: B hears it follow, with no renegotiation.
    void sourceSwitchChangesWhatPeerHears() {
        Call call(syntheticConfig(440), syntheticConfig(880));
        QVERIFY(call.establish());
        WebRtcEndpoint& a = *call.a().endpoint;
        QSignalSpy changed(&a, &WebRtcEndpoint::sourceChanged);
        const int exchanges = call.a().completed;

        QVERIFY(a.setSourceDescription(kSilence));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toString(), kSilence);
        QCOMPARE(a.sourceDescription(), kSilence);
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb < kQuiet, 5000);
        QVERIFY(call.a().outputDb > kAudible); // A still hears B

        QVERIFY(a.setSourceDescription(kSine));
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb > kAudible, 5000);
        qInfo("B hears A again at %.1f dBov", call.b().outputDb);
        QCOMPARE(call.a().completed, exchanges);
        QVERIFY(a.connectionState() == media::PeerConnectionState::Connected);
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }

    /// A device that cannot start and a description that does not parse: the endpoint says so,
    /// falls back (autoaudiosrc, else silence), and the call goes on: a later switch is heard.
    void brokenSourceFallsBackAndCallContinues_data() {
        QTest::addColumn<QString>("description");
        QTest::newRow("missing device") << kMissingDevice;
        QTest::newRow("no such element") << QStringLiteral("no-such-element-xyz");
    }
    void brokenSourceFallsBackAndCallContinues() {
        QFETCH(QString, description);
        Call call;
        QVERIFY(call.establish());
        WebRtcEndpoint& a = *call.a().endpoint;
        QSignalSpy deviceFailed(&a, &WebRtcEndpoint::deviceFailed);
        QSignalSpy changed(&a, &WebRtcEndpoint::sourceChanged);

        QVERIFY(!a.setSourceDescription(description));
        QCOMPARE(deviceFailed.size(), 1);
        qInfo("reported: %s", qPrintable(deviceFailed[0][0].toString()));
        QCOMPARE(changed.size(), 1);
        const QString fallback = changed[0][0].toString();
        QVERIFY2(fallback == QStringLiteral("autoaudiosrc") || fallback == kSilence,
                 qPrintable(fallback));
        QCOMPARE(a.sourceDescription(), fallback);
        QVERIFY(a.isRunning());
        QCOMPARE(call.a().failures, QStringList{}); // not a call failure

        QVERIFY(a.setSourceDescription(kSine));
        call.b().outputDb = WebRtcEndpoint::kSilenceDb;
        QTRY_VERIFY_WITH_TIMEOUT(call.b().outputDb > kAudible, 5000);
        QVERIFY(a.connectionState() == media::PeerConnectionState::Connected);
        QCOMPARE(call.b().failures, QStringList{});
    }

    /// A new playback element keeps receiving; a broken one falls back to autoaudiosink (or
    /// fakesink) and receiving goes on.
    void sinkSwitchKeepsReceiving() {
        Call call;
        QVERIFY(call.establish());
        WebRtcEndpoint& a = *call.a().endpoint;
        QSignalSpy changed(&a, &WebRtcEndpoint::sinkChanged);
        QSignalSpy deviceFailed(&a, &WebRtcEndpoint::deviceFailed);

        QVERIFY(a.setSinkDescription(QStringLiteral("fakesink sync=true")));
        QCOMPARE(changed.size(), 1);
        call.a().outputDb = WebRtcEndpoint::kSilenceDb;
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible, 5000);

        QVERIFY(!a.setSinkDescription(QStringLiteral("pulsesink device=\"callboard-no-such\"")));
        QCOMPARE(deviceFailed.size(), 1);
        QCOMPARE(changed.size(), 2);
        qInfo("playback fell back to %s", qPrintable(a.sinkDescription()));
        call.a().outputDb = WebRtcEndpoint::kSilenceDb;
        QTRY_VERIFY_WITH_TIMEOUT(call.a().outputDb > kAudible, 5000);
        QTest::qWait(300);
        QVERIFY(a.isRunning());
        QCOMPARE(call.a().failures, QStringList{});
        QCOMPARE(call.b().failures, QStringList{});
    }
};

QTEST_GUILESS_MAIN(tst_WebRtcEndpointDevices)
#include "tst_WebRtcEndpointDevices.moc"
