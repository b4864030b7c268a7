// services::History: call history, batched journal, retention, errors at run time.
// Schema, migrations and open errors: tst_HistorySchema.
#include "HistoryTestSupport.h"
#include "support/FakeClock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace historytest;
using services::CallQuery;
using services::History;
using services::JournalQuery;

class tst_History : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void eachInstanceHasItsOwnConnection();
    void durationIsDerived_data();
    void durationIsDerived();
    void callsQuery_data();
    void callsQuery();
    void callRoundTripKeepsEveryField();
    void journalQuery_data();
    void journalQuery();
    void appendBuffersUntilBatchSize();
    void timerFlushesAfterInterval();
    void destructorFlushes();
    void lockedDatabaseKeepsBufferAndRetries();
    void writesRunOnTheJournalThread();
    void backgroundFailureIsReportedAndRetried();
    void nothingLostAcrossManyAppends();
    void notOpenReportsInsteadOfCrashing();
    void retentionByAge();
    void retentionByRows();
    void retentionRunsPeriodically();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
};

void tst_History::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_History::eachInstanceHasItsOwnConnection() {
    History a(m_dir->filePath(QStringLiteral("a.sqlite")));
    History b(m_dir->filePath(QStringLiteral("b.sqlite")));
    QVERIFY(a.open());
    QVERIFY(b.open());
    QVERIFY(!QSqlDatabase::contains(QLatin1StringView(QSqlDatabase::defaultConnection)));
    a.recordCall(call(QStringLiteral("c1"), QStringLiteral("acc"), QStringLiteral("1"),
                      Outcome::Answered, kT0));
    QCOMPARE(a.calls().size(), 1);
    QCOMPARE(b.calls().size(), 0);
}

void tst_History::durationIsDerived_data() {
    QTest::addColumn<qint64>("answered");
    QTest::addColumn<qint64>("ended");
    QTest::addColumn<qint64>("duration");
    QTest::newRow("answered") << kT0 + 5'000 << kT0 + 65'000 << qint64(60'000);
    QTest::newRow("never answered") << qint64(0) << kT0 + 30'000 << qint64(0);
    QTest::newRow("ended before answer") << kT0 + 5'000 << kT0 + 1'000 << qint64(0);
    QTest::newRow("zero length") << kT0 << kT0 << qint64(0);
}

void tst_History::durationIsDerived() {
    QFETCH(qint64, answered);
    QFETCH(qint64, ended);
    QFETCH(qint64, duration);
    CallHistoryEntry e;
    e.startedAtMs = kT0;
    e.answeredAtMs = answered;
    e.endedAtMs = ended;
    QCOMPARE(e.durationMs(), duration);
}

void tst_History::callsQuery_data() {
    QTest::addColumn<CallQuery>("query");
    QTest::addColumn<QStringList>("expected");
    const auto q = [](auto&& setup) {
        CallQuery query;
        setup(query);
        return query;
    };
    QTest::newRow("all newest first")
        << CallQuery{} << QStringList{u"c5"_qs, u"c4"_qs, u"c3"_qs, u"c2"_qs, u"c1"_qs};
    QTest::newRow("peer substring")
        << q([](CallQuery& c) { c.peer = u"04"_qs; }) << QStringList{u"c4"_qs, u"c2"_qs, u"c1"_qs};
    QTest::newRow("peer name, any case")
        << q([](CallQuery& c) { c.peer = u"reception"_qs; }) << QStringList{u"c4"_qs, u"c1"_qs};
    QTest::newRow("peer wildcard is literal")
        << q([](CallQuery& c) { c.peer = u"%"_qs; }) << QStringList{};
    QTest::newRow("account") << q([](CallQuery& c) { c.accountId = u"work"_qs; })
                             << QStringList{u"c5"_qs, u"c3"_qs};
    QTest::newRow("outcome") << q([](CallQuery& c) { c.outcome = Outcome::Missed; })
                             << QStringList{u"c3"_qs, u"c2"_qs};
    QTest::newRow("from inclusive") << q([](CallQuery& c) { c.fromMs = kT0 + 2'000; })
                                    << QStringList{u"c5"_qs, u"c4"_qs, u"c3"_qs};
    QTest::newRow("to exclusive") << q([](CallQuery& c) { c.toMs = kT0 + 2'000; })
                                  << QStringList{u"c2"_qs, u"c1"_qs};
    QTest::newRow("range") << q([](CallQuery& c) {
        c.fromMs = kT0 + 1'000;
        c.toMs = kT0 + 4'000;
    }) << QStringList{u"c4"_qs, u"c3"_qs, u"c2"_qs};
    QTest::newRow("limit") << q([](CallQuery& c) { c.limit = 2; })
                           << QStringList{u"c5"_qs, u"c4"_qs};
    QTest::newRow("limit offset") << q([](CallQuery& c) {
        c.limit = 2;
        c.offset = 2;
    }) << QStringList{u"c3"_qs, u"c2"_qs};
    QTest::newRow("combined") << q([](CallQuery& c) {
        c.accountId = u"home"_qs;
        c.peer = u"2042"_qs;
        c.outcome = Outcome::Answered;
    }) << QStringList{u"c4"_qs, u"c1"_qs};
}

void tst_History::callsQuery() {
    QFETCH(CallQuery, query);
    QFETCH(QStringList, expected);
    History h(dbPath());
    QVERIFY(h.open());
    const QString home = QStringLiteral("home");
    const QString work = QStringLiteral("work");
    QVERIFY(h.recordCall(call(u"c1"_qs, home, u"2042"_qs, Outcome::Answered, kT0, kT0 + 1)));
    QVERIFY(h.recordCall(call(u"c2"_qs, home, u"1004"_qs, Outcome::Missed, kT0 + 1'000)));
    QVERIFY(h.recordCall(call(u"c3"_qs, work, u"3000"_qs, Outcome::Missed, kT0 + 2'000)));
    QVERIFY(h.recordCall(
        call(u"c4"_qs, home, u"2042"_qs, Outcome::Answered, kT0 + 3'000, kT0 + 3'500)));
    QVERIFY(h.recordCall(call(u"c5"_qs, work, u"555"_qs, Outcome::Busy, kT0 + 4'000)));
    QCOMPARE(ids(h.calls(query)), expected);
}

void tst_History::callRoundTripKeepsEveryField() {
    History h(dbPath());
    QVERIFY(h.open());
    CallHistoryEntry e = call(u"abc"_qs, u"acc"_qs, u"2042"_qs, Outcome::Rejected, kT0);
    e.direction = Direction::Incoming;
    e.sipStatus = 603;
    e.endStatus = u"FAILED"_qs;
    e.endReason = u"Decline"_qs;
    QVERIFY(h.recordCall(e));
    // Quality figures: known ones kept to the bit, unknown (-1) ones stored as NULL.
    CallHistoryEntry withQuality =
        call(u"q"_qs, u"acc"_qs, u"2042"_qs, Outcome::Answered, kT0 + 1, kT0 + 2);
    withQuality.quality.samples = 31;
    withQuality.quality.averageRttMs = 23.456;
    withQuality.quality.maxJitterMs = 7.25;
    withQuality.quality.lossPercent = 0.4;
    withQuality.quality.averageSendKbps = 32.1;
    withQuality.quality.averageReceiveKbps = -1;
    withQuality.quality.mos = 4.31;
    QVERIFY(h.recordCall(withQuality));
    const auto calls = h.calls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1), e);
    QCOMPARE(calls.at(0), withQuality);
    RawDb raw(dbPath());
    QVERIFY(raw.scalar(u"SELECT receive_kbps FROM calls WHERE call_id = 'q'"_qs).isNull());
    QVERIFY(raw.scalar(u"SELECT mos FROM calls WHERE call_id = 'abc'"_qs).isNull());
}

void tst_History::journalQuery_data() {
    QTest::addColumn<JournalQuery>("query");
    QTest::addColumn<QStringList>("expected");
    const auto q = [](auto&& setup) {
        JournalQuery query;
        setup(query);
        return query;
    };
    QTest::newRow("all newest first")
        << JournalQuery{} << QStringList{u"m2"_qs, u"call2"_qs, u"m1"_qs, u"m1"_qs, u"call1"_qs};
    QTest::newRow("type") << q([](JournalQuery& j) { j.type = u"StreamStatusEvent"_qs; })
                          << QStringList{u"m2"_qs, u"m1"_qs, u"m1"_qs};
    QTest::newRow("account") << q([](JournalQuery& j) { j.accountId = u"work"_qs; })
                             << QStringList{u"m2"_qs, u"call2"_qs};
    QTest::newRow("object") << q([](JournalQuery& j) { j.objectId = u"m1"_qs; })
                            << QStringList{u"m1"_qs, u"m1"_qs};
    QTest::newRow("stream name") << q([](JournalQuery& j) { j.streamName = u"lobby-cam"_qs; })
                                 << QStringList{u"m1"_qs, u"m1"_qs};
    QTest::newRow("status") << q([](JournalQuery& j) { j.status = u"PLAYING"_qs; })
                            << QStringList{u"m2"_qs, u"m1"_qs};
    QTest::newRow("time range") << q([](JournalQuery& j) {
        j.fromMs = kT0 + 10;
        j.toMs = kT0 + 30;
    }) << QStringList{u"m1"_qs, u"m1"_qs};
    QTest::newRow("limit") << q([](JournalQuery& j) { j.limit = 1; }) << QStringList{u"m2"_qs};
    QTest::newRow("no match") << q([](JournalQuery& j) { j.streamName = u"nope"_qs; })
                              << QStringList{};
}

void tst_History::journalQuery() {
    QFETCH(JournalQuery, query);
    QFETCH(QStringList, expected);
    History h(dbPath());
    QVERIFY(h.open());
    const QString home = QStringLiteral("home");
    const QString work = QStringLiteral("work");
    const QString sse = QStringLiteral("StreamStatusEvent");
    h.append(journalEvent(kT0, u"CallStatusEvent"_qs, home, u"call1"_qs, u"RING"_qs));
    h.append(journalEvent(kT0 + 10, sse, home, u"m1"_qs, u"PUBLISHING"_qs, u"lobby-cam"_qs));
    h.append(journalEvent(kT0 + 20, sse, home, u"m1"_qs, u"PLAYING"_qs, u"lobby-cam"_qs));
    h.append(journalEvent(kT0 + 30, u"CallStatusEvent"_qs, work, u"call2"_qs, u"FINISH"_qs));
    h.append(journalEvent(kT0 + 40, sse, work, u"m2"_qs, u"PLAYING"_qs, u"stage"_qs));
    QCOMPARE(h.pendingCount(), 5); // below the default batch size: journal() flushes
    QCOMPARE(objects(h.journal(query)), expected);
    QCOMPARE(h.pendingCount(), 0);
}

void tst_History::appendBuffersUntilBatchSize() {
    History h(dbPath());
    h.setBatchSize(3);
    h.setFlushInterval(60'000);
    QVERIFY(h.open());
    RawDb raw(dbPath());
    const auto count = [&] { return raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(); };
    h.append(journalEvent(kT0, u"A"_qs, {}, u"1"_qs, {}));
    h.append(journalEvent(kT0, u"A"_qs, {}, u"2"_qs, {}));
    QCOMPARE(count(), 0);
    QCOMPARE(h.pendingCount(), 2);
    h.append(journalEvent(kT0, u"A"_qs, {}, u"3"_qs, {})); // wakes the writer thread
    QTRY_COMPARE_WITH_TIMEOUT(count(), 3, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(h.pendingCount(), 0, 2000);
    h.append(journalEvent(kT0, u"A"_qs, {}, u"4"_qs, {}));
    QVERIFY(h.flush());
    QCOMPARE(count(), 4);
    const auto rows = h.journal();
    QCOMPARE(rows.first().json, journalEvent(kT0, u"A"_qs, {}, u"4"_qs, {}).json);
}

void tst_History::timerFlushesAfterInterval() {
    History h(dbPath());
    h.setFlushInterval(50);
    QVERIFY(h.open());
    RawDb raw(dbPath());
    h.append(journalEvent(kT0, u"A"_qs, {}, u"1"_qs, {}));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(), 1, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(h.pendingCount(), 0, 2000);
}

void tst_History::destructorFlushes() {
    {
        History h(dbPath());
        h.setFlushInterval(60'000);
        QVERIFY(h.open());
        for (int i = 0; i < 10; ++i) {
            h.append(journalEvent(kT0 + i, u"A"_qs, {}, QString::number(i), {}));
        }
        QCOMPARE(h.pendingCount(), 10);
    }
    History again(dbPath());
    again.setRetention(0, 0); // kT0 is older than the default 90 days
    QVERIFY(again.open());
    QCOMPARE(again.journal().size(), 10);
}

void tst_History::lockedDatabaseKeepsBufferAndRetries() {
    History h(dbPath());
    h.setBusyTimeout(50);
    h.setFlushInterval(60'000);
    QVERIFY(h.open());
    QSignalSpy errors(&h, &History::errorOccurred);
    RawDb locker(dbPath());
    QVERIFY(locker.exec(u"BEGIN EXCLUSIVE"_qs));
    h.append(journalEvent(kT0, u"A"_qs, {}, u"1"_qs, {}));
    h.append(journalEvent(kT0, u"A"_qs, {}, u"2"_qs, {}));
    QVERIFY(!h.flush());
    QCOMPARE(errors.size(), 1);
    QVERIFY2(h.lastError().contains(u"locked"_qs), qPrintable(h.lastError()));
    QCOMPARE(h.pendingCount(), 2);
    QVERIFY(!h.recordCall(call(u"x"_qs, {}, {}, Outcome::Failed, kT0)));
    QVERIFY(locker.exec(u"COMMIT"_qs));
    QVERIFY(h.flush());
    QCOMPARE(h.pendingCount(), 0);
    QCOMPARE(h.journal().size(), 2);
}

void tst_History::writesRunOnTheJournalThread() {
    History h(dbPath());
    h.setBatchSize(10);
    h.setFlushInterval(100); // what is left below the batch size after the batches
    QVERIFY(h.open());
    QVERIFY(h.journalThread()->isRunning());
    QVERIFY(h.journalThread() != QThread::currentThread());
    // A "slow disk": another connection holds the write lock for 300 ms; the writer waits for
    // it (busy timeout 2 s) on its own thread while this one goes on.
    RawDb locker(dbPath());
    QVERIFY(locker.exec(u"BEGIN EXCLUSIVE"_qs));
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < 30; ++i) {
        h.append(journalEvent(kT0 + i, u"A"_qs, {}, QString::number(i), {}));
    }
    QVERIFY2(elapsed.elapsed() < 200, qPrintable(QString::number(elapsed.elapsed())));
    QTest::qWait(300);
    QCOMPARE(h.pendingCount(), 30); // nothing committed while locked
    QVERIFY(locker.exec(u"COMMIT"_qs));
    RawDb raw(dbPath());
    QTRY_COMPARE_WITH_TIMEOUT(raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(), 30, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(h.pendingCount(), 0, 2000);
    QVERIFY(h.lastError().isEmpty());
}

void tst_History::backgroundFailureIsReportedAndRetried() {
    History h(dbPath());
    h.setBusyTimeout(50);
    h.setBatchSize(2);
    h.setFlushInterval(100);
    QVERIFY(h.open());
    QSignalSpy errors(&h, &History::errorOccurred);
    RawDb locker(dbPath());
    QVERIFY(locker.exec(u"BEGIN EXCLUSIVE"_qs));
    h.append(journalEvent(kT0, u"A"_qs, {}, u"1"_qs, {}));
    h.append(journalEvent(kT0 + 1, u"A"_qs, {}, u"2"_qs, {}));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 2000); // delivered on this thread
    QVERIFY2(h.lastError().contains(u"locked"_qs), qPrintable(h.lastError()));
    h.append(journalEvent(kT0 + 2, u"A"_qs, {}, u"3"_qs, {}));
    QCOMPARE(h.pendingCount(), 3); // kept, in order, behind the failed batch
    QVERIFY(locker.exec(u"COMMIT"_qs));
    // Retried flushInterval() after the failure, without a flush() from here.
    QTRY_COMPARE_WITH_TIMEOUT(h.pendingCount(), 0, 3000);
    QCOMPARE(h.droppedCount(), qint64(0));
    QCOMPARE(objects(h.journal()), (QStringList{u"3"_qs, u"2"_qs, u"1"_qs}));
}

void tst_History::nothingLostAcrossManyAppends() {
    constexpr int kCount = 100'000;
    History h(dbPath());
    h.setRetention(0, 0);
    h.setBatchSize(100);
    QVERIFY(h.open());
    for (int i = 0; i < kCount; ++i) {
        h.append(journalEvent(kT0 + i, u"A"_qs, {}, QString::number(i), {}));
        if (i % 1000 == 0) {
            QCoreApplication::processEvents(); // as an event loop would between bursts
        }
    }
    QVERIFY(h.flush());
    QCOMPARE(h.pendingCount(), 0);
    QCOMPARE(h.droppedCount(), qint64(0));
    QVERIFY(h.lastError().isEmpty());
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(), kCount);
    // Written in the order appended: row ids follow the appends.
    QCOMPARE(
        raw.scalar(u"SELECT COUNT(*) FROM journal WHERE CAST(object_id AS INTEGER) + 1 <> id"_qs)
            .toInt(),
        0);
}

void tst_History::notOpenReportsInsteadOfCrashing() {
    History h(dbPath());
    QSignalSpy errors(&h, &History::errorOccurred);
    QVERIFY(!h.recordCall(CallHistoryEntry{}));
    QVERIFY(h.calls().isEmpty());
    QVERIFY(h.journal().isEmpty());
    QVERIFY(!h.applyRetention());
    QCOMPARE(errors.size(), 4);
    QVERIFY(h.lastError().contains(u"not open"_qs));
    h.setMaxBuffered(3);
    h.setRetention(0, 0);
    for (int i = 0; i < 5; ++i) {
        h.append(journalEvent(kT0 + i, u"A"_qs, {}, QString::number(i), {}));
    }
    QCOMPARE(h.pendingCount(), 3);
    QCOMPARE(h.droppedCount(), qint64(2));
    QVERIFY(h.open()); // buffered entries survive until the database opens
    QCOMPARE(objects(h.journal()), (QStringList{u"4"_qs, u"3"_qs, u"2"_qs}));
}

void tst_History::retentionByAge() {
    testsupport::FakeClock clock(kT0 + 10LL * 24 * 3600 * 1000);
    History h(dbPath(), &clock);
    h.setRetention(0, 0);
    QVERIFY(h.open());
    const qint64 day = 24LL * 3600 * 1000;
    for (int d = 0; d < 10; ++d) {
        h.append(journalEvent(kT0 + d * day, u"A"_qs, {}, QString::number(d), {}));
        QVERIFY(h.recordCall(call(QString::number(d), {}, {}, Outcome::Answered, kT0 + d * day)));
    }
    h.setRetention(3, 0); // keeps ts >= now - 3 days = kT0 + 7 days
    QVERIFY(h.applyRetention());
    QCOMPARE(objects(h.journal()), (QStringList{u"9"_qs, u"8"_qs, u"7"_qs}));
    QCOMPARE(ids(h.calls()), (QStringList{u"9"_qs, u"8"_qs, u"7"_qs}));
}

void tst_History::retentionByRows() {
    History h(dbPath());
    h.setRetention(0, 0);
    QVERIFY(h.open());
    for (int i = 0; i < 20; ++i) {
        h.append(journalEvent(kT0 + i, u"A"_qs, {}, QString::number(i), {}));
        QVERIFY(h.recordCall(call(QString::number(i), {}, {}, Outcome::Answered, kT0 + i)));
    }
    h.setRetention(0, 5);
    QVERIFY(h.applyRetention());
    JournalQuery all;
    all.limit = 0;
    const auto rows = h.journal(all);
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.first().objectId, u"19"_qs);
    QCOMPARE(rows.last().objectId, u"15"_qs);
    QCOMPARE(h.calls().size(), 5);
}

void tst_History::retentionRunsPeriodically() {
    History h(dbPath());
    h.setRetention(0, 2);
    QVERIFY(h.open());
    for (int i = 0; i < 6; ++i) {
        h.append(journalEvent(kT0 + i, u"A"_qs, {}, QString::number(i), {}));
    }
    QVERIFY(h.flush());
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(), 6);
    h.setRetentionInterval(30);
    QTRY_COMPARE_WITH_TIMEOUT(raw.scalar(u"SELECT COUNT(*) FROM journal"_qs).toInt(), 2, 2000);
}

QTEST_GUILESS_MAIN(tst_History)
#include "tst_History.moc"
