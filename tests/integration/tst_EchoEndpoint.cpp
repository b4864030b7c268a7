// media::EchoEndpoint: a caller endpoint (440 Hz sine) and an echo endpoint in one process,
// SDP handed over in-process, real ICE + DTLS-SRTP on loopback. The caller must hear its own
// tone back, and silence once it mutes (so the level really comes from the echo).
#include "media/EchoEndpoint.h"
#include "media/Gst.h"
#include "media/SdpInspector.h"
#include "media/WebRtcEndpoint.h"

#include <QSignalSpy>
#include <QTest>

using media::EchoEndpoint;
using media::MediaDirection;
using media::SdpType;
using media::WebRtcEndpoint;

namespace {

constexpr double kAudible = -40.0; ///< dBov: the echoed sine (about -9 dBov) is far above this
constexpr double kQuiet = -90.0;   ///< dBov: silence or the codec's noise floor

media::AudioEndpointConfig callerConfig() {
    media::AudioEndpointConfig config;
    config.sourceDescription =
        QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.5 freq=440");
    config.sinkDescription = QStringLiteral("fakesink sync=false");
    return config;
}

} // namespace

class tst_EchoEndpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(media::Gst::ensureInitialized(&error), qPrintable(error));
        QStringList needed = WebRtcEndpoint::requiredElements(false) +
                             EchoEndpoint::requiredElements() +
                             QStringList{QStringLiteral("audiotestsrc"), QStringLiteral("opusenc")};
        const QStringList missing = media::Gst::missingElements(needed);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
    }

    void configUsesOneUniqueChannel() {
        EchoEndpoint a;
        EchoEndpoint b;
        QVERIFY(a.channel() != b.channel());
        const auto config = EchoEndpoint::echoConfig(QStringLiteral("chan-x"));
        QVERIFY(
            config.sourceDescription.startsWith(QStringLiteral("interaudiosrc channel=chan-x ")));
        QCOMPARE(config.sinkDescription,
                 QStringLiteral("interaudiosink channel=chan-x sync=false"));
        QVERIFY(config.direction == MediaDirection::SendRecv);
    }

    /// The caller offers, the echo answers: the caller hears its own tone, and silence once it
    /// mutes (a level that did not come back from the echo would not follow the mute).
    void callerHearsItselfAndSilenceWhenMuted() {
        WebRtcEndpoint caller(callerConfig());
        EchoEndpoint echo;
        double heard = WebRtcEndpoint::kSilenceDb;
        QStringList failures;
        connect(&caller, &WebRtcEndpoint::outputLevel, this, [&](double db) { heard = db; });
        connect(&caller, &WebRtcEndpoint::failed, this, [&](const QString& r) { failures << r; });
        connect(&echo, &WebRtcEndpoint::failed, this, [&](const QString& r) { failures << r; });
        connect(&caller, &WebRtcEndpoint::localDescriptionReady, this,
                [&](const QString& sdp, SdpType type) {
                    QVERIFY(type == SdpType::Offer);
                    QVERIFY(echo.setRemoteDescription(sdp, SdpType::Offer));
                    QVERIFY(echo.createAnswer());
                });
        connect(&echo, &WebRtcEndpoint::localDescriptionReady, this,
                [&](const QString& sdp, SdpType type) {
                    QVERIFY(type == SdpType::Answer);
                    QVERIFY(media::SdpInspector(sdp).audioDirection() == MediaDirection::SendRecv);
                    QVERIFY(caller.setRemoteDescription(sdp, SdpType::Answer));
                });
        QVERIFY(caller.createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(heard > kAudible, 10000);
        qInfo("caller hears its echo at %.1f dBov", heard);
        QVERIFY(echo.connectionState() == media::PeerConnectionState::Connected);

        caller.setMuted(true);
        QTRY_VERIFY_WITH_TIMEOUT(heard < kQuiet, 5000);
        qInfo("muted: caller hears %.1f dBov", heard);
        caller.setMuted(false);
        QTRY_VERIFY_WITH_TIMEOUT(heard > kAudible, 5000);
        QCOMPARE(failures, QStringList{});
    }
};

QTEST_GUILESS_MAIN(tst_EchoEndpoint)
#include "tst_EchoEndpoint.moc"
