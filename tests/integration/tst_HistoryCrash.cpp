// services::History survives SIGKILL: a child process (this binary with --writer) writes journal
// batches and call records continuously and prints each committed count; the test kills it with
// SIGKILL mid-stream, reopens the file and finds every committed row, in an intact database.
#include "services/History.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using services::CallHistoryEntry;
using services::History;
using services::JournalEntry;

namespace {

constexpr int kBatch = 50;

/// Child mode: writes until killed. Prints "committed <journal rows> <call rows>" after each
/// successful commit (the journal's on History's writer thread, awaited by flush()).
int runWriter(const QString& path) {
    History h(path);
    h.setRetention(0, 0);
    h.setBatchSize(kBatch);
    h.setFlushInterval(60'000);
    if (!h.open()) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(h.lastError()));
        return 1;
    }
    qint64 journalRows = 0;
    qint64 callRows = 0;
    for (;;) {
        for (int i = 0; i < kBatch; ++i) {
            JournalEntry e;
            e.timestampMs = QDateTime::currentMSecsSinceEpoch();
            e.type = QStringLiteral("StreamStatusEvent");
            e.objectId = QString::number(journalRows + i);
            e.status = QStringLiteral("PLAYING");
            e.json = QByteArrayLiteral(R"({"type":"StreamStatusEvent","name":"cam"})");
            h.append(std::move(e)); // the kBatch-th append hands the batch to the writer
        }
        if (!h.flush()) { // waits for the writer thread's commit
            std::fprintf(stderr, "flush failed: %s\n", qPrintable(h.lastError()));
            return 2;
        }
        journalRows += kBatch;
        CallHistoryEntry c;
        c.callId = QString::number(callRows);
        c.outcome = CallHistoryEntry::Outcome::Answered;
        c.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        if (!h.recordCall(c)) {
            return 3;
        }
        ++callRows;
        std::printf("committed %lld %lld\n", static_cast<long long>(journalRows),
                    static_cast<long long>(callRows));
        std::fflush(stdout);
    }
}

} // namespace

class tst_HistoryCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void committedRowsSurviveSigkill_data();
    void committedRowsSurviveSigkill();
};

void tst_HistoryCrash::committedRowsSurviveSigkill_data() {
    QTest::addColumn<int>("killAfterRows");
    QTest::newRow("early") << 500;
    QTest::newRow("later") << 5000;
}

void tst_HistoryCrash::committedRowsSurviveSigkill() {
    QFETCH(int, killAfterRows);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));

    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--writer"), path});
    QVERIFY(writer.waitForStarted(5000));
    qint64 committedJournal = 0;
    qint64 committedCalls = 0;
    QDeadlineTimer deadline(20'000);
    while (committedJournal < killAfterRows && !deadline.hasExpired()) {
        if (!writer.canReadLine() && !writer.waitForReadyRead(1000)) {
            QVERIFY2(writer.state() == QProcess::Running, "writer exited early");
            continue;
        }
        while (writer.canReadLine()) {
            const QList<QByteArray> parts = writer.readLine().trimmed().split(' ');
            if (parts.size() == 3 && parts.at(0) == "committed") {
                committedJournal = parts.at(1).toLongLong();
                committedCalls = parts.at(2).toLongLong();
            }
        }
    }
    QVERIFY2(committedJournal >= killAfterRows, "writer too slow");
    writer.kill(); // SIGKILL: no destructor, no flush, no checkpoint
    QVERIFY(writer.waitForFinished(5000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    // The killed writer left its write-ahead log behind: reopening must recover from it.
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
    // Lines printed between the last read and the kill are committed too.
    while (writer.canReadLine()) {
        const QList<QByteArray> parts = writer.readLine().trimmed().split(' ');
        if (parts.size() == 3 && parts.at(0) == "committed") {
            committedJournal = parts.at(1).toLongLong();
            committedCalls = parts.at(2).toLongLong();
        }
    }

    {
        History h(path);
        h.setRetention(0, 0);
        QVERIFY2(h.open(), qPrintable(h.lastError()));
        services::JournalQuery all;
        all.limit = 0;
        const auto rows = h.journal(all);
        QSet<QString> ids;
        for (const auto& e : rows) {
            ids.insert(e.objectId);
        }
        QVERIFY2(
            rows.size() >= committedJournal,
            qPrintable(
                QStringLiteral("%1 rows, %2 committed").arg(rows.size()).arg(committedJournal)));
        QCOMPARE(rows.size() % kBatch, 0); // whole batches only: a transaction is all or nothing
        for (qint64 i = 0; i < committedJournal; ++i) {
            QVERIFY2(ids.contains(QString::number(i)), qPrintable(QString::number(i)));
        }
        services::CallQuery calls;
        calls.limit = 0;
        QVERIFY(h.calls(calls).size() >= committedCalls);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), u"check"_qs);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"check"_qs);
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--writer") == 0) {
        return runWriter(QString::fromLocal8Bit(argv[2]));
    }
    tst_HistoryCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_HistoryCrash.moc"
