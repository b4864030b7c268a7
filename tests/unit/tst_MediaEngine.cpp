#include "media/WebRtcEndpoint.h"
#include "services/AppSettings.h"
#include "services/AudioDevices.h"
#include "services/MediaEngine.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using services::MediaEngine;

namespace {

/// Fixed device lists instead of QMediaDevices; plug()/unplug() emit the hot-plug signals.
class FakeDevices : public services::AudioDevices {
public:
    QList<Device> in{{"mic-1", u"Mic"_qs, false}};
    QList<Device> out{{"spk-2", u"Speaker"_qs, false}};
    QList<Device> inputs() override { return in; }
    QList<Device> outputs() override { return out; }
};

} // namespace

class tst_MediaEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qunsetenv("CALLBOARD_AUDIO_SOURCE");
        qunsetenv("CALLBOARD_AUDIO_SINK");
    }

    void deviceElements_data() {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("sink");
        QTest::newRow("default") << QByteArray() << u"autoaudiosrc"_qs << u"autoaudiosink"_qs;
        QTest::newRow("pulse name") << QByteArray("alsa_input.usb-Jabra-00.mono")
                                    << u"pulsesrc device=\"alsa_input.usb-Jabra-00.mono\""_qs
                                    << u"pulsesink device=\"alsa_input.usb-Jabra-00.mono\""_qs;
        QTest::newRow("quotes escaped")
            << QByteArray("a\"b\\c") << u"pulsesrc device=\"a\\\"b\\\\c\""_qs
            << u"pulsesink device=\"a\\\"b\\\\c\""_qs;
    }
    void deviceElements() {
        QFETCH(QByteArray, id);
        QFETCH(QString, source);
        QFETCH(QString, sink);
        QCOMPARE(MediaEngine::sourceForDevice(id), source);
        QCOMPARE(MediaEngine::sinkForDevice(id), sink);
    }

    void configFollowsSettingsAndOverride() {
        QTemporaryDir dir;
        QSettings ini(dir.filePath(u"s.ini"_qs), QSettings::IniFormat);
        services::AppSettings settings(ini);
        settings.setInputDevice("mic-1");
        settings.setOutputDevice("spk-2");
        MediaEngine engine(&settings);
        engine.setIceServers(u"stun://127.0.0.1:3478"_qs, {u"turn://u:p@127.0.0.1:3478"_qs});
        auto c = engine.endpointConfig(media::MediaDirection::SendRecv);
        QCOMPARE(c.sourceDescription, u"pulsesrc device=\"mic-1\""_qs);
        QCOMPARE(c.sinkDescription, u"pulsesink device=\"spk-2\""_qs);
        QCOMPARE(c.direction, media::MediaDirection::SendRecv);
        // A publisher (SendOnly) never opens the speaker, a player (RecvOnly) the microphone.
        c = engine.endpointConfig(media::MediaDirection::SendOnly);
        QCOMPARE(c.sourceDescription, u"pulsesrc device=\"mic-1\""_qs);
        QCOMPARE(c.sinkDescription, QString::fromLatin1(MediaEngine::kNoPlayback));
        QVERIFY(!c.voiceProcessing);
        c = engine.endpointConfig(media::MediaDirection::RecvOnly);
        QCOMPARE(c.sourceDescription, QString::fromLatin1(MediaEngine::kNoCapture));
        QCOMPARE(c.sinkDescription, u"pulsesink device=\"spk-2\""_qs);
        QCOMPARE(c.direction, media::MediaDirection::RecvOnly);
        QCOMPARE(c.stunServer, u"stun://127.0.0.1:3478"_qs);
        QCOMPARE(c.turnServers.size(), 1);

        engine.setElementOverride(u"audiotestsrc is-live=true"_qs, u"fakesink"_qs);
        c = engine.endpointConfig(media::MediaDirection::SendRecv);
        QCOMPARE(c.sourceDescription, u"audiotestsrc is-live=true"_qs);
        QCOMPARE(c.sinkDescription, u"fakesink"_qs);
        QVERIFY(!c.voiceProcessing); // no echo canceller on a synthetic source
    }

    void accountIceServers() {
        MediaEngine engine(nullptr);
        engine.setIceServers(u"stun://global:3478"_qs, {});
        const QString turn = u"turn://u:p@10.0.0.2:3478?transport=udp"_qs;
        QVERIFY(!engine.hasAccountIceServers(u"acc"_qs));
        engine.setAccountIceServers(u"acc"_qs, u"stun://10.0.0.1:19302"_qs, {turn});
        QVERIFY(engine.hasAccountIceServers(u"acc"_qs));
        auto c = engine.endpointConfig(media::MediaDirection::SendRecv, u"acc"_qs);
        QCOMPARE(c.stunServer, u"stun://10.0.0.1:19302"_qs);
        QCOMPARE(c.turnServers, QStringList{turn});
        // Another account (and no account) keeps the global servers.
        c = engine.endpointConfig(media::MediaDirection::SendRecv, u"other"_qs);
        QCOMPARE(c.stunServer, u"stun://global:3478"_qs);
        QVERIFY(c.turnServers.isEmpty());
        QCOMPARE(engine.endpointConfig(media::MediaDirection::RecvOnly).stunServer,
                 u"stun://global:3478"_qs);
        // An account with TURN only does not inherit the global STUN server.
        engine.setAccountIceServers(u"turn-only"_qs, QString(), {turn});
        c = engine.endpointConfig(media::MediaDirection::SendOnly, u"turn-only"_qs);
        QVERIFY(c.stunServer.isEmpty());
        QCOMPARE(c.turnServers, QStringList{turn});
        // Disconnected: back to the global ones.
        engine.clearAccountIceServers(u"acc"_qs);
        QVERIFY(!engine.hasAccountIceServers(u"acc"_qs));
        c = engine.endpointConfig(media::MediaDirection::SendRecv, u"acc"_qs);
        QCOMPARE(c.stunServer, u"stun://global:3478"_qs);
        QVERIFY(c.turnServers.isEmpty());
    }

    void registryAndMute() {
        MediaEngine engine(nullptr);
        engine.setElementOverride(u"audiotestsrc is-live=true"_qs, u"fakesink"_qs);
        QSignalSpy created(&engine, &MediaEngine::endpointCreated);
        QSignalSpy removed(&engine, &MediaEngine::endpointRemoved);
        QSignalSpy muted(&engine, &MediaEngine::mutedChanged);
        QVERIFY(!engine.setMuted(u"acc"_qs, u"c1"_qs, true)); // nothing to mute yet

        auto* e =
            engine.createEndpoint(u"acc"_qs, u"c1"_qs, media::MediaDirection::SendRecv, nullptr);
        QCOMPARE(created.size(), 1);
        QCOMPARE(engine.endpoint(u"acc"_qs, u"c1"_qs), e);
        QVERIFY(!engine.endpoint(u"other"_qs, u"c1"_qs));
        QVERIFY(engine.setMuted(u"acc"_qs, u"c1"_qs, true));
        QVERIFY(engine.isMuted(u"acc"_qs, u"c1"_qs));
        QVERIFY(e->isMuted());
        QCOMPARE(muted.size(), 1);
        QVERIFY(engine.setMuted(u"acc"_qs, u"c1"_qs, true)); // same state: no signal
        QCOMPARE(muted.size(), 1);

        // A replacement for the same key is not forgotten when the first one goes away.
        auto* second =
            engine.createEndpoint(u"acc"_qs, u"c1"_qs, media::MediaDirection::SendRecv, nullptr);
        delete e;
        QCOMPARE(removed.size(), 0);
        QCOMPARE(engine.endpoint(u"acc"_qs, u"c1"_qs), second);
        delete second;
        QCOMPARE(removed.size(), 1);
        QVERIFY(!engine.endpoint(u"acc"_qs, u"c1"_qs));
    }

    /// Settings changes and hot-plug switch the endpoints of live calls (not started here, so
    /// the switch shows in their configuration); an override is never switched.
    void switchesLiveEndpoints() {
        QTemporaryDir dir;
        QSettings ini(dir.filePath(u"s.ini"_qs), QSettings::IniFormat);
        services::AppSettings settings(ini);
        settings.setInputDevice("mic-1");
        settings.setOutputDevice("spk-2");
        FakeDevices devices;
        MediaEngine engine(&settings, &devices);
        engine.setElementOverride(QString(), QString());
        std::unique_ptr<media::WebRtcEndpoint> e(
            engine.createEndpoint(u"acc"_qs, u"c1"_qs, media::MediaDirection::SendRecv, nullptr));
        QCOMPARE(e->sourceDescription(), u"pulsesrc device=\"mic-1\""_qs);

        settings.setOutputDevice("spk-3"); // not plugged in: system default
        QCOMPARE(e->sinkDescription(), u"autoaudiosink"_qs);
        devices.out.append({"spk-3", u"Headset"_qs, false});
        Q_EMIT devices.outputsChanged();
        QCOMPARE(e->sinkDescription(), u"pulsesink device=\"spk-3\""_qs);

        devices.in.clear(); // microphone unplugged, then back
        Q_EMIT devices.inputsChanged();
        QCOMPARE(e->sourceDescription(), u"autoaudiosrc"_qs);
        QCOMPARE(engine.currentSource(), u"autoaudiosrc"_qs);
        devices.in.append({"mic-1", u"Mic"_qs, false});
        Q_EMIT devices.inputsChanged();
        QCOMPARE(e->sourceDescription(), u"pulsesrc device=\"mic-1\""_qs);

        engine.setElementOverride(u"audiotestsrc is-live=true"_qs, u"fakesink"_qs);
        settings.setInputDevice(QByteArray());
        QCOMPARE(e->sourceDescription(), u"pulsesrc device=\"mic-1\""_qs); // untouched
        QCOMPARE(engine.currentSource(), u"audiotestsrc is-live=true"_qs);
    }

    void availability() {
        MediaEngine engine(nullptr);
        // The test machine has the packages of packaging/install-deps.sh.
        QVERIFY2(engine.isAvailable(), qPrintable(engine.unavailableReason()));
    }
};

QTEST_GUILESS_MAIN(tst_MediaEngine)
#include "tst_MediaEngine.moc"
