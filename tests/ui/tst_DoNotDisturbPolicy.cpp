// services::DoNotDisturbPolicy: with do-not-disturb on, an incoming call is rejected at once
// through the backend, History records it as "rejected" (not "missed"), and the journal gets
// a DoNotDisturbEvent line. With it off nothing happens and an unanswered call is "missed".
#include "support/FakeClock.h"

#include "services/AppSettings.h"
#include "services/CallHistoryRecorder.h"
#include "services/CallService.h"
#include "services/DoNotDisturbPolicy.h"
#include "services/History.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Outcome = services::CallHistoryEntry::Outcome;

Q_DECLARE_METATYPE(services::CallHistoryEntry::Outcome)

namespace {

class RecordingBackend final : public services::CallBackend {
public:
    QStringList log;
    bool accept = true;
    QString dial(const QString&, bool) override { return u"out"_s; }
    bool answer(const QString& id) override { return record(u"answer "_s + id); }
    bool hangUp(const QString& id) override { return record(u"hangup "_s + id); }
    bool hold(const QString& id, bool) override { return record(u"hold "_s + id); }
    bool unhold(const QString& id) override { return record(u"unhold "_s + id); }
    bool transfer(const QString&, const QString&) override { return true; }
    bool sendDtmf(const QString&, const QString&, core::DtmfType) override { return true; }

private:
    bool record(const QString& s) {
        log << s;
        return accept;
    }
};

core::CallStatusEvent incoming(const QString& id, const QString& status) {
    core::CallStatusEvent e;
    e.callId = id;
    e.status = core::fromWire<core::CallStatus>(QStringView(status));
    e.incoming = true;
    e.caller = u"2001"_s;
    e.callee = u"1000"_s;
    return e;
}

} // namespace

class tst_DoNotDisturbPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rejectsWhileOn_data() {
        QTest::addColumn<bool>("dnd");
        QTest::addColumn<bool>("backendAccepts");
        QTest::addColumn<QStringList>("backendLog");
        QTest::addColumn<int>("journalLines");
        QTest::addColumn<Outcome>("outcome");
        QTest::newRow("on") << true << true << QStringList{u"hangup c1"_s} << 1
                            << Outcome::Rejected;
        QTest::newRow("on, backend refuses")
            << true << false << QStringList{u"hangup c1"_s} << 1 << Outcome::Rejected;
        QTest::newRow("off") << false << true << QStringList{} << 0 << Outcome::Missed;
    }
    void rejectsWhileOn() {
        QFETCH(bool, dnd);
        QFETCH(bool, backendAccepts);
        QFETCH(QStringList, backendLog);
        QFETCH(int, journalLines);
        QFETCH(Outcome, outcome);

        QTemporaryDir dir;
        const auto clock = std::make_shared<testsupport::FakeClock>();
        QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        services::AppSettings settings(file);
        settings.setDoNotDisturb(dnd);
        services::History history(dir.filePath(u"h.sqlite"_s), clock.get());
        QVERIFY(history.open());
        services::CallService calls(clock);
        RecordingBackend backend;
        backend.accept = backendAccepts;
        calls.setBackend(u"acc"_s, &backend);
        QList<services::JournalEntry> journal;
        services::DoNotDisturbPolicy policy(
            settings, calls, *clock,
            [&journal](const services::JournalEntry& e) { journal.append(e); });
        services::CallHistoryRecorder recorder(calls, history);
        QSignalSpy rejected(&policy, &services::DoNotDisturbPolicy::callRejected);

        // Something else listening to ringing sees the call already marked as rejected here.
        bool sawHungUpHere = false;
        connect(&calls, &services::CallService::incomingCallRinging, this,
                [&](const QString& a, const QString& c) {
                    sawHungUpHere = calls.find(a, c)->hungUpHere;
                });

        calls.apply(u"acc"_s, incoming(u"c1"_s, u"RING"_s));
        QCOMPARE(backend.log, backendLog);
        QCOMPARE(rejected.size(), journalLines);
        QCOMPARE(policy.rejectedCount(), journalLines);
        QCOMPARE(sawHungUpHere, dnd);
        QCOMPARE(journal.size(), journalLines);
        if (dnd) {
            QCOMPARE(rejected.first().at(2).toString(), u"2001"_s);
            QCOMPARE(rejected.first().at(3).toBool(), !backendAccepts);
            const services::JournalEntry& e = journal.first();
            QCOMPARE(e.type, u"DoNotDisturbEvent"_s);
            QCOMPARE(e.status, u"REJECTED"_s);
            QCOMPARE(e.accountId, u"acc"_s);
            QCOMPARE(e.objectId, u"c1"_s);
            QCOMPARE(e.timestampMs, clock->nowMs());
            const QJsonObject json = QJsonDocument::fromJson(e.json).object();
            QCOMPARE(json.value(u"caller"_s).toString(), u"2001"_s);
            QVERIFY(json.value(u"info"_s).toString().contains(u"do not disturb"_s));
        }

        // The server ends the call (declined, or the caller gave up).
        clock->advance(2000);
        calls.apply(u"acc"_s, incoming(u"c1"_s, u"FINISH"_s));
        const QList<services::CallHistoryEntry> rows = history.calls();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().outcome, outcome);
        QCOMPARE(rows.first().peer, u"2001"_s);
    }

    void followsTheSettingLive() {
        QTemporaryDir dir;
        const auto clock = std::make_shared<testsupport::FakeClock>();
        QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        services::AppSettings settings(file);
        services::CallService calls(clock);
        RecordingBackend backend;
        calls.setBackend(u"acc"_s, &backend);
        services::DoNotDisturbPolicy policy(settings, calls, *clock);

        calls.apply(u"acc"_s, incoming(u"a"_s, u"RING"_s));
        settings.setDoNotDisturb(true);
        calls.apply(u"acc"_s, incoming(u"b"_s, u"RING"_s));
        settings.setDoNotDisturb(false);
        calls.apply(u"acc"_s, incoming(u"c"_s, u"RING"_s));
        QCOMPARE(backend.log, QStringList{u"hangup b"_s});
        QCOMPARE(policy.rejectedCount(), 1);
        // Outgoing calls are never touched.
        settings.setDoNotDisturb(true);
        core::CallStatusEvent out = incoming(u"d"_s, u"RING"_s);
        out.incoming = false;
        calls.apply(u"acc"_s, out);
        QCOMPARE(backend.log, QStringList{u"hangup b"_s});
    }
};

QTEST_GUILESS_MAIN(tst_DoNotDisturbPolicy)
#include "tst_DoNotDisturbPolicy.moc"
