// services::HistorySchema as used by History::open(): new file in WAL mode, migration of a
// v1 file (SQL of v1 written here) keeping its rows, newer or broken files refused untouched.
#include "HistoryTestSupport.h"
#include "services/HistorySchema.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace historytest;
using services::CallQuery;
using services::History;
using services::JournalQuery;

class tst_HistorySchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void openCreatesSchemaInWalMode();
    void migratesV1AndKeepsRows();
    void migratesV3AddsQualityAndKeepsRows();
    void newerSchemaIsRefused();
    void brokenFileIsReportedNotDeleted();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
};

void tst_HistorySchema::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_HistorySchema::openCreatesSchemaInWalMode() {
    const QString path = m_dir->filePath(QStringLiteral("sub/dir/history.sqlite"));
    History h(path);
    QVERIFY2(h.open(), qPrintable(h.lastError()));
    QVERIFY(QFile::exists(path));
    RawDb raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), History::schemaVersion());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QVERIFY(h.lastError().isEmpty());
}

void tst_HistorySchema::migratesV1AndKeepsRows() {
    {
        // Schema v1 exactly as the first release wrote it.
        RawDb raw(dbPath());
        for (const char* sql : {
                 "CREATE TABLE calls ( id INTEGER PRIMARY KEY, account_id TEXT NOT NULL DEFAULT '',"
                 " call_id TEXT NOT NULL DEFAULT '', direction TEXT NOT NULL,"
                 " peer TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL,"
                 " started_at INTEGER NOT NULL, answered_at INTEGER NOT NULL DEFAULT 0,"
                 " ended_at INTEGER NOT NULL DEFAULT 0, end_status TEXT NOT NULL DEFAULT '',"
                 " sip_status INTEGER NOT NULL DEFAULT 0)",
                 "CREATE INDEX calls_started ON calls(started_at)",
                 "CREATE TABLE journal ( id INTEGER PRIMARY KEY, ts INTEGER NOT NULL,"
                 " type TEXT NOT NULL DEFAULT '', account_id TEXT NOT NULL DEFAULT '',"
                 " object_id TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '',"
                 " json BLOB)",
                 "CREATE INDEX journal_ts ON journal(ts)",
                 "INSERT INTO calls (account_id, call_id, direction, peer, outcome, started_at,"
                 " answered_at, ended_at, end_status, sip_status) VALUES ('home', 'old-1',"
                 " 'incoming', '2042', 'answered', 1700000000000, 1700000001000, 1700000061000,"
                 " 'FINISH', 200)",
                 "INSERT INTO journal (ts, type, account_id, object_id, status, json) VALUES"
                 " (1700000000000, 'StreamStatusEvent', 'home', 'm-old', 'PLAYING',"
                 " CAST('{\"type\":\"StreamStatusEvent\",\"name\":\"old-cam\"}' AS BLOB))",
                 "INSERT INTO journal (ts, type, json) VALUES (1700000000001, 'Broken',"
                 " CAST('{not json' AS BLOB))",
                 "PRAGMA user_version = 1",
             }) {
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
        }
    }
    History h(dbPath());
    h.setRetention(0, 0);
    QVERIFY2(h.open(), qPrintable(h.lastError()));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_qs).toInt(), History::schemaVersion());

    const auto calls = h.calls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().callId, u"old-1"_qs);
    QCOMPARE(calls.first().direction, Direction::Incoming);
    QCOMPARE(calls.first().durationMs(), qint64(60'000));
    QCOMPARE(calls.first().peerName, QString());

    JournalQuery byName;
    byName.streamName = u"old-cam"_qs;
    const auto found = h.journal(byName);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().objectId, u"m-old"_qs);
    QCOMPARE(h.journal().size(), 2);

    // New rows use the new columns.
    CallHistoryEntry e = call(u"new-1"_qs, u"home"_qs, u"2042"_qs, Outcome::Answered, kT0 + 5);
    QVERIFY(h.recordCall(e));
    QCOMPARE(h.calls().first(), e);
}

void tst_HistorySchema::migratesV3AddsQualityAndKeepsRows() {
    {
        // Schema v3 exactly as the release before call quality wrote it.
        RawDb raw(dbPath());
        for (const char* sql : {
                 "CREATE TABLE calls ( id INTEGER PRIMARY KEY, account_id TEXT NOT NULL DEFAULT '',"
                 " call_id TEXT NOT NULL DEFAULT '', direction TEXT NOT NULL,"
                 " peer TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL,"
                 " started_at INTEGER NOT NULL, answered_at INTEGER NOT NULL DEFAULT 0,"
                 " ended_at INTEGER NOT NULL DEFAULT 0, end_status TEXT NOT NULL DEFAULT '',"
                 " sip_status INTEGER NOT NULL DEFAULT 0, peer_name TEXT NOT NULL DEFAULT '',"
                 " end_reason TEXT NOT NULL DEFAULT '')",
                 "CREATE INDEX calls_started ON calls(started_at)",
                 "CREATE INDEX calls_account ON calls(account_id, started_at)",
                 "CREATE TABLE journal ( id INTEGER PRIMARY KEY, ts INTEGER NOT NULL,"
                 " type TEXT NOT NULL DEFAULT '', account_id TEXT NOT NULL DEFAULT '',"
                 " object_id TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '',"
                 " json BLOB, stream_name TEXT NOT NULL DEFAULT '')",
                 "CREATE INDEX journal_ts ON journal(ts)",
                 "INSERT INTO calls (account_id, call_id, direction, peer, outcome, started_at,"
                 " answered_at, ended_at, end_status, sip_status, peer_name, end_reason) VALUES"
                 " ('home', 'v3-1', 'outgoing', '2042', 'answered', 1700000000000,"
                 " 1700000001000, 1700000061000, 'FINISH', 200, 'Reception Desk', 'Bye')",
                 "INSERT INTO calls (account_id, call_id, direction, peer, outcome, started_at)"
                 " VALUES ('home', 'v3-2', 'incoming', '1004', 'missed', 1700000100000)",
                 "INSERT INTO journal (ts, type, account_id, object_id, status, json,"
                 " stream_name) VALUES (1700000000000, 'CallStatusEvent', 'home', 'v3-1',"
                 " 'FINISH', NULL, '')",
                 "PRAGMA user_version = 3",
             }) {
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
        }
    }
    History h(dbPath());
    h.setRetention(0, 0);
    QVERIFY2(h.open(), qPrintable(h.lastError()));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_qs).toInt(), History::schemaVersion());
    QVERIFY(History::schemaVersion() >= 4);

    // Every old row is kept, with its quality unknown.
    const auto calls = h.calls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1).callId, u"v3-1"_qs);
    QCOMPARE(calls.at(1).peerName, u"Reception Desk"_qs);
    QCOMPARE(calls.at(1).endReason, u"Bye"_qs);
    QCOMPARE(calls.at(1).durationMs(), qint64(60'000));
    QCOMPARE(calls.at(0).callId, u"v3-2"_qs);
    for (const CallHistoryEntry& e : calls) {
        QCOMPARE(e.quality, services::CallQualitySummary());
        QVERIFY(!e.quality.isKnown());
    }
    QCOMPARE(h.journal().size(), 1);

    // New rows keep their quality.
    CallHistoryEntry e =
        call(u"new-1"_qs, u"home"_qs, u"2042"_qs, Outcome::Answered, kT0 + 200'000);
    e.quality.samples = 3;
    e.quality.averageRttMs = 20;
    e.quality.maxJitterMs = 6;
    e.quality.lossPercent = 1.5;
    e.quality.averageSendKbps = 32;
    e.quality.averageReceiveKbps = 30;
    e.quality.mos = 4.2;
    QVERIFY(h.recordCall(e));
    QCOMPARE(h.calls().first(), e);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM calls"_qs).toInt(), 3);
}

void tst_HistorySchema::newerSchemaIsRefused() {
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"PRAGMA user_version = 999"_qs));
    }
    History h(dbPath());
    QSignalSpy errors(&h, &History::errorOccurred);
    QVERIFY(!h.open());
    QCOMPARE(errors.size(), 1);
    QVERIFY(h.lastError().contains(u"newer"_qs));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_qs).toInt(), 999);
}

void tst_HistorySchema::brokenFileIsReportedNotDeleted() {
    const QByteArray garbage = QByteArray("this is not an SQLite database\n").repeated(200);
    {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    History h(dbPath());
    QSignalSpy errors(&h, &History::errorOccurred);
    QVERIFY(!h.open());
    QVERIFY(!h.isOpen());
    QCOMPARE(errors.size(), 1);
    QVERIFY(!h.lastError().isEmpty());
    QVERIFY(!h.recordCall(call(u"x"_qs, {}, {}, Outcome::Failed, kT0)));
    QVERIFY(h.calls().isEmpty());
    h.append(journalEvent(kT0, u"A"_qs, {}, u"1"_qs, {}));
    QVERIFY(!h.flush());
    QCOMPARE(h.pendingCount(), 1);
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage);
}

QTEST_GUILESS_MAIN(tst_HistorySchema)
#include "tst_HistorySchema.moc"
