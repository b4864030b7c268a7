// services::Notifier: the real CallService, StreamMonitor and SessionMonitor fed with domain
// events; each kind is notified once, gated by AppSettings, and nothing is said for calls the
// user answered or rejected, streams that stopped normally or disconnects the user asked for.
#include "support/FakeClock.h"

#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/Notifier.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::NotificationKind;

Q_DECLARE_METATYPE(services::NotificationKind)

namespace {

class NullBackend final : public services::CallBackend {
public:
    QStringList hungUp;
    QString dial(const QString&, bool) override { return u"out"_s; }
    bool answer(const QString&) override { return true; }
    bool hangUp(const QString& id) override {
        hungUp << id;
        return true;
    }
    bool hold(const QString&, bool) override { return true; }
    bool unhold(const QString&) override { return true; }
    bool transfer(const QString&, const QString&) override { return true; }
    bool sendDtmf(const QString&, const QString&, core::DtmfType) override { return true; }
};

core::CallStatusEvent callEvent(const QString& id, const QString& status, bool incoming) {
    core::CallStatusEvent e;
    e.callId = id;
    e.status = core::fromWire<core::CallStatus>(QStringView(status));
    e.incoming = incoming;
    e.caller = u"2001"_s;
    e.callee = u"1000"_s;
    e.visibleName = u"Front desk"_s;
    return e;
}

core::StreamStatusEvent streamEvent(const QString& id, const QString& status) {
    core::StreamStatusEvent e;
    e.mediaSessionId = id;
    e.name = u"lobby-cam"_s;
    e.status = core::fromWire<core::StreamStatus>(QStringView(status));
    if (status == u"FAILED") {
        e.info = u"Failed by ICE timeout"_s;
    }
    return e;
}

core::ConnectionStatusEvent connection(const QString& status, const QString& info = {}) {
    core::ConnectionStatusEvent e;
    e.status = core::fromWire<core::SessionStatus>(QStringView(status));
    e.info = info;
    return e;
}

} // namespace

class tst_Notifier : public QObject {
    Q_OBJECT

    std::shared_ptr<testsupport::FakeClock> clock;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QSettings> file;
    std::unique_ptr<services::AppSettings> settings;
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::StreamMonitor> streams;
    std::unique_ptr<services::SessionMonitor> sessions;
    std::unique_ptr<services::Notifier> notifier;
    NullBackend backend;
    bool wanted = true;

    struct Seen {
        NotificationKind kind;
        QString title;
        QString body;
    };
    QList<Seen> seen;

    QList<NotificationKind> kinds() const {
        QList<NotificationKind> out;
        for (const Seen& s : seen) {
            out << s.kind;
        }
        return out;
    }

    /// Drives the services through one event of every kind.
    void produceEveryKind() {
        calls->apply(u"acc"_s, callEvent(u"c1"_s, u"RING"_s, true)); // incoming call
        clock->advance(30000);
        calls->apply(u"acc"_s, callEvent(u"c1"_s, u"FINISH"_s, true)); // caller gave up: missed
        streams->apply(streamEvent(u"m1"_s, u"PUBLISHING"_s), services::SourceOwnSession);
        streams->apply(streamEvent(u"m1"_s, u"FAILED"_s), services::SourceOwnSession);
        sessions->apply(u"acc"_s, connection(u"ESTABLISHED"_s));
        sessions->apply(u"acc"_s, connection(u"FAILED"_s, u"Connection timed out"_s));
        sessions->apply(u"acc"_s, connection(u"ESTABLISHED"_s));
    }

private Q_SLOTS:
    void init() {
        clock = std::make_shared<testsupport::FakeClock>();
        dir = std::make_unique<QTemporaryDir>();
        file = std::make_unique<QSettings>(dir->filePath(u"s.ini"_s), QSettings::IniFormat);
        settings = std::make_unique<services::AppSettings>(*file);
        calls = std::make_unique<services::CallService>(clock);
        streams = std::make_unique<services::StreamMonitor>(clock);
        sessions = std::make_unique<services::SessionMonitor>(clock);
        calls->setBackend(u"acc"_s, &backend);
        sessions->addAccount(u"acc"_s, true);
        notifier = std::make_unique<services::Notifier>(*settings, *calls, *streams, *sessions);
        notifier->setAccountNames(
            [](const QString& id) { return id == u"acc" ? u"Office"_s : QString(); });
        wanted = true;
        notifier->setConnectionWanted([this](const QString&) { return wanted; });
        seen.clear();
        connect(notifier.get(), &services::Notifier::notificationRequested, this,
                [this](NotificationKind k, const QString& t, const QString& b) {
                    seen.append({k, t, b});
                });
    }
    void cleanup() {
        notifier.reset();
        sessions.reset();
        streams.reset();
        calls.reset();
    }

    void everyKindOnce() {
        produceEveryKind();
        const QList<NotificationKind> expected{
            NotificationKind::IncomingCall, NotificationKind::MissedCall,
            NotificationKind::StreamFailed, NotificationKind::ConnectionLost,
            NotificationKind::ConnectionRestored};
        QCOMPARE(kinds(), expected);
        QCOMPARE(notifier->emittedCount(), 5);
        QCOMPARE(seen[0].title, u"Incoming call"_s);
        QVERIFY(seen[0].body.contains(u"Front desk (2001)"_s));
        QVERIFY(seen[0].body.contains(u"Office"_s));
        QCOMPARE(seen[1].title, u"Missed call"_s);
        QVERIFY(seen[1].body.contains(u"2001"_s));
        QVERIFY(seen[2].body.contains(u"lobby-cam"_s));
        QVERIFY(seen[2].body.contains(u"ICE timeout"_s));
        QCOMPARE(seen[3].body, u"Office: Connection timed out"_s);
        QCOMPARE(seen[4].body, u"Office"_s);
    }

    void gatedBySettings_data() {
        QTest::addColumn<NotificationKind>("off");
        for (const NotificationKind k : services::allNotificationKinds) {
            QTest::newRow(qPrintable(services::notificationKey(k))) << k;
        }
    }
    void gatedBySettings() {
        QFETCH(NotificationKind, off);
        settings->setNotificationEnabled(off, false);
        produceEveryKind();
        const QList<NotificationKind> got = kinds();
        QVERIFY(!got.contains(off));
        QCOMPARE(got.size(), 4);
        // Switched on again, the kind is back.
        settings->setNotificationEnabled(off, true);
        seen.clear();
        sessions->apply(u"acc"_s, connection(u"FAILED"_s, u"again"_s));
        sessions->apply(u"acc"_s, connection(u"ESTABLISHED"_s));
        calls->apply(u"acc"_s, callEvent(u"c2"_s, u"RING"_s, true));
        calls->apply(u"acc"_s, callEvent(u"c2"_s, u"FAILED"_s, true));
        streams->apply(streamEvent(u"m2"_s, u"PLAYING"_s), services::SourceOwnSession);
        streams->apply(streamEvent(u"m2"_s, u"FAILED"_s), services::SourceOwnSession);
        QVERIFY(kinds().contains(off));
    }

    /// Which ended calls are "missed": only incoming ones nobody answered or rejected here.
    void missedOnlyWhenNotAnsweredNorRejected_data() {
        QTest::addColumn<bool>("incoming");
        QTest::addColumn<QStringList>("steps"); // statuses; "reject" = hangUp from Callboard
        QTest::addColumn<bool>("missed");
        QTest::newRow("caller gave up") << true << QStringList{u"RING"_s, u"FINISH"_s} << true;
        QTest::newRow("caller cancelled (FAILED 487)")
            << true << QStringList{u"RING"_s, u"FAILED"_s} << true;
        QTest::newRow("answered") << true << QStringList{u"RING"_s, u"ESTABLISHED"_s, u"FINISH"_s}
                                  << false;
        QTest::newRow("rejected here")
            << true << QStringList{u"RING"_s, u"reject"_s, u"FINISH"_s} << false;
        QTest::newRow("outgoing not answered")
            << false << QStringList{u"TRYING"_s, u"RING"_s, u"FINISH"_s} << false;
        QTest::newRow("outgoing busy") << false << QStringList{u"TRYING"_s, u"BUSY"_s} << false;
    }
    void missedOnlyWhenNotAnsweredNorRejected() {
        QFETCH(bool, incoming);
        QFETCH(QStringList, steps);
        QFETCH(bool, missed);
        for (const QString& step : steps) {
            if (step == u"reject") {
                QVERIFY(calls->hangUp(u"acc"_s, u"c9"_s));
            } else {
                calls->apply(u"acc"_s, callEvent(u"c9"_s, step, incoming));
            }
        }
        QVERIFY(calls->find(u"acc"_s, u"c9"_s)->hasEnded());
        QCOMPARE(kinds().contains(NotificationKind::MissedCall), missed);
    }

    void streamStoppedNormallyIsQuiet() {
        streams->apply(streamEvent(u"m1"_s, u"PUBLISHING"_s), services::SourceOwnSession);
        streams->apply(streamEvent(u"m1"_s, u"UNPUBLISHED"_s), services::SourceOwnSession);
        streams->apply(streamEvent(u"m2"_s, u"PLAYING"_s), services::SourceOwnSession);
        streams->apply(streamEvent(u"m2"_s, u"STOPPED"_s), services::SourceOwnSession);
        QVERIFY(seen.isEmpty());
    }

    void doNotDisturbSilencesIncomingCalls() {
        settings->setDoNotDisturb(true);
        calls->apply(u"acc"_s, callEvent(u"c1"_s, u"RING"_s, true));
        QVERIFY(!kinds().contains(NotificationKind::IncomingCall));
        settings->setDoNotDisturb(false);
        calls->apply(u"acc"_s, callEvent(u"c2"_s, u"RING"_s, true));
        QCOMPARE(kinds(), QList<NotificationKind>{NotificationKind::IncomingCall});
    }

    void disconnectAskedForIsQuiet() {
        sessions->apply(u"acc"_s, connection(u"ESTABLISHED"_s));
        wanted = false; // the user pressed Disconnect
        sessions->apply(u"acc"_s, connection(u"DISCONNECTED"_s, u"closed by user"_s));
        wanted = true; // and Connect again later
        sessions->apply(u"acc"_s, connection(u"ESTABLISHED"_s));
        QVERIFY(seen.isEmpty());
        // A real loss afterwards is reported, and its return too.
        sessions->apply(u"acc"_s, connection(u"FAILED"_s, u"network down"_s));
        sessions->apply(u"acc"_s, connection(u"ESTABLISHED"_s));
        const QList<NotificationKind> expected{NotificationKind::ConnectionLost,
                                               NotificationKind::ConnectionRestored};
        QCOMPARE(kinds(), expected);
    }
};

QTEST_GUILESS_MAIN(tst_Notifier)
#include "tst_Notifier.moc"
