// Real audio on SIP calls through the loopback Kamailio (issue #7): Callboard's WebRTC media
// (services::WebRtcDescriptionHandler on GStreamer webrtcbin) between two Callboard user
// agents, with baresip's WebRTC-style media (ICE + DTLS-SRTP + Opus) and with JsSIP in
// headless Chromium, both directions. Each side sends a sine and the test fails on silence:
// Callboard's received level comes from the endpoint's level probe, baresip's from the WAV its
// sndfile module writes of what it decoded, Chromium's from getStats() (inbound-rtp
// totalAudioEnergy over each 500 ms).
#include "SipKamailioFixture.h"
#include "services/MediaEngine.h"
#include "services/WebRtcDescriptionHandler.h"
#include "support/JsSipPeer.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using sip::RtcSession;
using testsupport::SipEventRecorder;

namespace {

/// One user's media: a MediaEngine sending a sine of `hz`, with the last received level.
struct UserMedia {
    services::MediaEngine engine{nullptr};
    QString account;
    double lastOutputDb = -200;

    UserMedia(const QString& user, int hz)
        : account(user) {
        engine.setElementOverride(
            u"audiotestsrc is-live=true wave=sine volume=0.3 freq=%1"_s.arg(hz),
            u"fakesink sync=false"_s);
        QObject::connect(&engine, &services::MediaEngine::outputLevelChanged, &engine,
                         [this](const QString&, const QString&, double dB) { lastOutputDb = dB; });
    }
    void attach(ConnectionManager& m) {
        m.setDescriptionHandlerFactory([this](const QString& id, QObject* parent) {
            return new services::WebRtcDescriptionHandler(engine, account, id, parent);
        });
    }
};

/// RMS level in dBFS of a 16-bit PCM WAV file (the data chunk), -200 when unreadable.
double wavLevelDb(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return -200;
    }
    const QByteArray all = f.readAll();
    const qsizetype data = all.indexOf("data");
    if (data < 0 || all.size() < data + 8) {
        return -200;
    }
    double sum = 0;
    qsizetype n = 0;
    for (qsizetype i = data + 8; i + 1 < all.size(); i += 2) {
        const auto sample = static_cast<qint16>(static_cast<quint8>(all[i]) |
                                                (static_cast<quint8>(all[i + 1]) << 8));
        sum += double(sample) * sample;
        ++n;
    }
    if (n == 0) {
        return -200;
    }
    const double rms = std::sqrt(sum / double(n)) / 32768.0;
    return rms > 0 ? 20 * std::log10(rms) : -200;
}

/// The loudest `*dec*.wav` (what baresip decoded from the peer) under `dir`, dBFS.
double loudestDecodedWav(const QString& dir) {
    double best = -200;
    for (const QFileInfo& fi : QDir(dir).entryInfoList({u"*dec*.wav"_s}, QDir::Files)) {
        best = std::max(best, wavLevelDb(fi.absoluteFilePath()));
    }
    return best;
}

/// A JsSIP `audio` line in which the peer heard the sine (mean level of the interval, 0..1).
bool jssipHeard(const QJsonObject& audio) {
    return audio.value(u"inboundAvgLevel"_s).toDouble() > 0.05;
}

} // namespace

class tst_SipKamailioAudio : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

    static constexpr double kHeard = -40;  ///< dBov: a -10 dB sine arrives well above this
    static constexpr double kSilent = -90; ///< dBov: nothing (or digital silence) arrives

private Q_SLOTS:
    void initTestCase() {
        services::MediaEngine probe(nullptr);
        QVERIFY2(probe.isAvailable(), qPrintable(probe.unavailableReason()));
    }
    void init() { startKamailio(); }
    void cleanup() { stopKamailio(); }

    void twoCallboardsHearEachOtherAndHoldSilences() {
        ConnectionManager alice(sipfixture::fastOptions());
        ConnectionManager bob(sipfixture::fastOptions());
        UserMedia am(u"alice"_s, 440);
        UserMedia bm(u"bob"_s, 880);
        am.attach(alice);
        bm.attach(bob);
        SipEventRecorder ra(alice);
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        QStringList answered;
        sipfixture::autoAnswer(bob, answered);

        const QString id = alice.call(u"bob"_s);
        QVERIFY(!id.isEmpty());
        RtcSession* call = alice.session(id);
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 10000);
        // Both offers went out with real WebRTC media.
        QVERIFY(am.engine.endpoint(u"alice"_s, id));
        QVERIFY(bm.engine.endpoint(u"bob"_s, id));
        QTRY_VERIFY2_WITH_TIMEOUT(
            am.lastOutputDb > kHeard && bm.lastOutputDb > kHeard,
            qPrintable(u"alice hears %1 dBov, bob hears %2 dBov"_s.arg(am.lastOutputDb)
                           .arg(bm.lastOutputDb)),
            10000);

        QVERIFY(call->hold()); // a=inactive: neither side hears the other
        QTRY_VERIFY_WITH_TIMEOUT(call->isOnHold(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            bm.lastOutputDb < kSilent && am.lastOutputDb < kSilent,
            qPrintable(
                u"on hold: alice %1, bob %2 dBov"_s.arg(am.lastOutputDb).arg(bm.lastOutputDb)),
            5000);
        QVERIFY(call->unhold());
        QTRY_VERIFY_WITH_TIMEOUT(!call->isOnHold(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            am.lastOutputDb > kHeard && bm.lastOutputDb > kHeard,
            qPrintable(
                u"resumed: alice %1, bob %2 dBov"_s.arg(am.lastOutputDb).arg(bm.lastOutputDb)),
            8000);

        QSignalSpy ended(call, &RtcSession::ended);
        QVERIFY(alice.hangUp(id));
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
        // The endpoints go with the calls.
        QTRY_VERIFY_WITH_TIMEOUT(!am.engine.endpoint(u"alice"_s, id), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!bm.engine.endpoint(u"bob"_s, id), 3000);
    }

    void callboardCallsBaresipWithWebRtcMedia() {
        sipfixture::BaresipPeer dave;
        QVERIFY2(dave.start(*m_kam, u"dave"_s, {u"--auto-answer"_s, u"--webrtc"_s}),
                 qPrintable(dave.output()));
        ConnectionManager alice(sipfixture::fastOptions());
        UserMedia am(u"alice"_s, 440);
        am.attach(alice);
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        const QString id = alice.call(u"dave"_s);
        RtcSession* call = alice.session(id);
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            am.lastOutputDb > kHeard,
            qPrintable(u"alice hears %1 dBov; baresip:\n"_s.arg(am.lastOutputDb) + dave.output()),
            10000);
        QTest::qWait(1500); // let baresip record a second and a half of what it decodes
        QVERIFY(alice.hangUp(id));
        QVERIFY2(dave.waitOutput(u"closed"_s, 5000) || dave.waitOutput(u"terminated"_s, 1000),
                 qPrintable(dave.output()));
        const double heard = loudestDecodedWav(dave.directory(u"dave"_s) + u"/rec"_s);
        QVERIFY2(heard > kHeard, qPrintable(u"baresip decoded %1 dBFS"_s.arg(heard)));
    }

    void baresipCallsCallboardWithWebRtcMedia() {
        ConnectionManager alice(sipfixture::fastOptions());
        UserMedia am(u"alice"_s, 440);
        am.attach(alice);
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QStringList answered;
        sipfixture::autoAnswer(alice, answered);
        sipfixture::BaresipPeer dave;
        QVERIFY2(
            dave.start(*m_kam, u"dave"_s, {u"--webrtc"_s, u"--dial"_s, u"sip:alice@sip.test"_s}),
            qPrintable(dave.output()));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 10000);
        RtcSession* call = alice.session(answered.first());
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 8000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            am.lastOutputDb > kHeard,
            qPrintable(u"alice hears %1 dBov; baresip:\n"_s.arg(am.lastOutputDb) + dave.output()),
            10000);
        QTest::qWait(1500);
        QVERIFY(alice.hangUp(answered.first()));
        QVERIFY2(dave.waitOutput(u"closed"_s, 5000) || dave.waitOutput(u"terminated"_s, 1000),
                 qPrintable(dave.output()));
        const double heard = loudestDecodedWav(dave.directory(u"dave"_s) + u"/rec"_s);
        QVERIFY2(heard > kHeard, qPrintable(u"baresip decoded %1 dBFS"_s.arg(heard)));
    }

    void callboardCallsJsSipInChromium() {
        testsupport::JsSipPeer bob;
        QVERIFY2(bob.start({u"--ws"_s, m_kam->wsUrl(), u"--user"_s, u"bob"_s, u"--auto-answer"_s,
                            u"--seconds"_s, u"40"_s, u"--no-sdp"_s}),
                 qPrintable(bob.error()));
        QVERIFY2(bob.waitFor(u"registered"_s, 20000) >= 0, qPrintable(bob.transcript()));
        ConnectionManager alice(sipfixture::fastOptions());
        UserMedia am(u"alice"_s, 440);
        am.attach(alice);
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        const QString id = alice.call(u"bob"_s);
        RtcSession* call = alice.session(id);
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            am.lastOutputDb > kHeard,
            qPrintable(u"Callboard hears %1 dBov from Chromium\n"_s.arg(am.lastOutputDb) +
                       bob.transcript()),
            10000);
        QVERIFY2(bob.waitForAudio(3, 10000, jssipHeard), qPrintable(bob.transcript()));
        QSignalSpy ended(call, &RtcSession::ended);
        QVERIFY(alice.hangUp(id));
        QVERIFY2(bob.waitFor(u"ended"_s, 5000) >= 0, qPrintable(bob.transcript()));
    }

    void jsSipInChromiumCallsCallboard() {
        ConnectionManager bob(sipfixture::fastOptions());
        UserMedia bm(u"bob"_s, 660);
        bm.attach(bob);
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        QStringList answered;
        sipfixture::autoAnswer(bob, answered);
        testsupport::JsSipPeer alice;
        QVERIFY2(alice.start({u"--ws"_s, m_kam->wsUrl(), u"--user"_s, u"alice"_s, u"--dial"_s,
                              u"sip:bob@sip.test"_s, u"--seconds"_s, u"40"_s, u"--no-sdp"_s}),
                 qPrintable(alice.error()));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 25000);
        RtcSession* call = bob.session(answered.first());
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 8000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            bm.lastOutputDb > kHeard,
            qPrintable(u"Callboard hears %1 dBov from Chromium\n"_s.arg(bm.lastOutputDb) +
                       alice.transcript()),
            10000);
        QVERIFY2(alice.waitForAudio(3, 10000, jssipHeard), qPrintable(alice.transcript()));
        QVERIFY(bob.hangUp(answered.first()));
        QVERIFY2(alice.waitFor(u"ended"_s, 5000) >= 0, qPrintable(alice.transcript()));
    }
};

QTEST_GUILESS_MAIN(tst_SipKamailioAudio)
#include "tst_SipKamailioAudio.moc"
