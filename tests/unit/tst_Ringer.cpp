// services::Ringer: the ring starts when an incoming call rings and stops when that call leaves
// RING, with do-not-disturb, on silence() and when the user places a call; a fake player stands
// in for the sound hardware.
#include "support/FakeClock.h"

#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/Ringer.h"
#include "services/RingerSoundEffect.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Records what the ringer asks of the sound hardware.
class FakePlayer final : public services::RingerPlayer {
public:
    void start(const QByteArray& deviceId) override {
        playing = true;
        ++starts;
        devices.append(deviceId);
    }
    void stop() override {
        playing = false;
        ++stops;
    }
    bool isPlaying() const override { return playing; }

    bool playing = false;
    int starts = 0;
    int stops = 0;
    QList<QByteArray> devices;
};

core::CallStatusEvent callEvent(const QString& id, const QString& status, bool incoming) {
    core::CallStatusEvent e;
    e.callId = id;
    e.status = core::fromWire<core::CallStatus>(QStringView(status));
    e.incoming = incoming;
    e.caller = u"2001"_s;
    e.callee = u"1000"_s;
    return e;
}

} // namespace

class tst_Ringer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::shared_ptr<testsupport::FakeClock> clock;
    std::unique_ptr<QSettings> file;
    std::unique_ptr<services::AppSettings> settings;
    std::unique_ptr<services::CallService> calls;
    FakePlayer* player = nullptr; // owned by ringer
    std::unique_ptr<services::Ringer> ringer;

    void ring(const QString& id) { calls->apply(u"acc"_s, callEvent(id, u"RING"_s, true)); }

private Q_SLOTS:
    void init() {
        clock = std::make_shared<testsupport::FakeClock>();
        file = std::make_unique<QSettings>(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        file->clear();
        settings = std::make_unique<services::AppSettings>(*file);
        calls = std::make_unique<services::CallService>(clock);
        auto p = std::make_unique<FakePlayer>();
        player = p.get();
        ringer = std::make_unique<services::Ringer>(*calls, *settings, std::move(p));
    }
    void cleanup() {
        ringer.reset();
        calls.reset();
        settings.reset();
        file.reset();
    }

    void stopsWhenTheCallLeavesRing_data() {
        QTest::addColumn<QString>("next");
        QTest::newRow("answered") << u"ESTABLISHED"_s;
        QTest::newRow("ended") << u"FINISH"_s;
        QTest::newRow("failed") << u"FAILED"_s;
    }
    void stopsWhenTheCallLeavesRing() {
        QFETCH(QString, next);
        QSignalSpy changed(ringer.get(), &services::Ringer::ringingChanged);
        settings->setRingerDevice("usb-headset");
        ring(u"c1"_s);
        QVERIFY(ringer->isRinging());
        QCOMPARE(player->starts, 1);
        QCOMPARE(player->devices.value(0), QByteArray("usb-headset"));
        calls->apply(u"acc"_s, callEvent(u"c1"_s, next, true));
        QVERIFY(!ringer->isRinging());
        QCOMPARE(player->stops, 1);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toBool(), true);
        QCOMPARE(changed.at(1).at(0).toBool(), false);
    }

    void outgoingCallsDoNotRing() {
        calls->apply(u"acc"_s, callEvent(u"out"_s, u"RING"_s, false));
        QVERIFY(!ringer->isRinging());
        QCOMPARE(player->starts, 0);
    }

    void ringsUntilTheLastCallStops() {
        ring(u"c1"_s);
        ring(u"c2"_s);
        QCOMPARE(player->starts, 1);
        QCOMPARE(ringer->ringingCalls().size(), 2);
        calls->apply(u"acc"_s, callEvent(u"c1"_s, u"FINISH"_s, true));
        QVERIFY(ringer->isRinging());
        calls->apply(u"acc"_s, callEvent(u"c2"_s, u"ESTABLISHED"_s, true));
        QVERIFY(!ringer->isRinging());
    }

    void doNotDisturbKeepsItQuiet() {
        settings->setDoNotDisturb(true);
        ring(u"c1"_s);
        QVERIFY(!ringer->isRinging());
        QCOMPARE(player->starts, 0);
    }

    void doNotDisturbSwitchedOnStopsTheRing() {
        ring(u"c1"_s);
        QVERIFY(ringer->isRinging());
        settings->setDoNotDisturb(true);
        QVERIFY(!ringer->isRinging());
    }

    void silenceStopsOnlyTheCurrentCalls() {
        ring(u"c1"_s);
        ringer->silence();
        QVERIFY(!ringer->isRinging());
        ring(u"c2"_s);
        QVERIFY(ringer->isRinging());
        QCOMPARE(player->starts, 2);
    }

    void placingACallSilences() {
        ring(u"c1"_s);
        calls->apply(u"acc"_s, callEvent(u"out"_s, u"TRYING"_s, false));
        QVERIFY(!ringer->isRinging());
    }

    void builtInSoundIsALoopableWav() {
        services::RingerSoundEffect effect;
        effect.start(QByteArray("no-such-device")); // falls back to the default output
        QVERIFY(effect.isPlaying());
        QFile wav(u":/sounds/ring.wav"_s); // the resource is there once the player started
        QVERIFY(wav.open(QIODevice::ReadOnly));
        const QByteArray header = wav.read(44);
        QCOMPARE(header.left(4), QByteArray("RIFF"));
        QCOMPARE(header.mid(8, 8), QByteArray("WAVEfmt "));
        QVERIFY(wav.size() > 22050 * 2); // more than one second of 16-bit mono at 22.05 kHz
        effect.stop();
        QVERIFY(!effect.isPlaying());
        QCOMPARE(services::RingerSoundEffect::defaultSource(), QUrl(u"qrc:/sounds/ring.wav"_s));
    }

    void changingTheDeviceWhileRingingMovesTheRing() {
        ring(u"c1"_s);
        settings->setRingerDevice("hdmi");
        QVERIFY(ringer->isRinging());
        QCOMPARE(player->devices.last(), QByteArray("hdmi"));
    }
};

QTEST_GUILESS_MAIN(tst_Ringer)
#include "tst_Ringer.moc"
