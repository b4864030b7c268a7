#include "services/History.h"

#include "services/HistorySchema.h"
#include "services/JournalWriter.h"
#include "services/LogControlCategories.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace services {

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

QString nextConnectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("callboard.history.%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

History::History(QString path, const core::Clock* clock, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_connectionName(nextConnectionName())
    , m_clock(clock)
    , m_writer(std::make_unique<JournalWriter>(m_connectionName + QStringLiteral(".writer"))) {
    if (!m_clock) {
        m_ownClock = std::make_unique<core::SystemClock>();
        m_clock = m_ownClock.get();
    }
    m_writerThread.setObjectName(QStringLiteral("callboard-journal"));
    m_writer->moveToThread(&m_writerThread);
    // Background write failures: reported on this thread, retried after flushInterval().
    connect(m_writer.get(), &JournalWriter::writeFailed, this, [this](const QString& message) {
        report(message);
        m_flushTimer.start();
    });
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(500);
    connect(&m_flushTimer, &QTimer::timeout, this, &History::writeInBackground);
    m_retentionTimer.setInterval(60 * 60 * 1000);
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] { applyRetention(); });
}

History::~History() {
    if (m_open) {
        flush();
    }
    closeConnection();
    m_writerThread.quit();
    m_writerThread.wait();
    m_writer.reset(); // its thread has finished: no event can reach it any more
}

int History::schemaVersion() {
    return HistorySchema::currentVersion();
}

QSqlDatabase History::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

void History::report(const QString& message) {
    m_lastError = message;
    qCWarning(lcServices).noquote() << "history" << m_path << ":" << message;
    Q_EMIT errorOccurred(message);
}

bool History::requireOpen(const char* what) {
    if (m_open) {
        return true;
    }
    report(QStringLiteral("%1: database is not open").arg(QLatin1StringView(what)));
    return false;
}

void History::closeConnection() {
    m_open = false;
    m_retentionTimer.stop();
    if (m_writerThread.isRunning()) {
        JournalWriter* writer = m_writer.get();
        QMetaObject::invokeMethod(
            writer, [writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    }
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = database();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool History::open() {
    closeConnection();
    const QString error = openConnection();
    if (!error.isEmpty()) {
        closeConnection(); // every QSqlDatabase / QSqlQuery of openConnection() is gone here
        report(error);
        return false;
    }
    if (!m_writerThread.isRunning()) {
        m_writerThread.start();
    }
    QString writerError;
    JournalWriter* writer = m_writer.get();
    const QString path = m_path;
    const int busyTimeoutMs = m_busyTimeoutMs;
    QMetaObject::invokeMethod(
        writer,
        [writer, path, busyTimeoutMs, &writerError] {
            writerError = writer->open(path, busyTimeoutMs);
        },
        Qt::BlockingQueuedConnection);
    if (!writerError.isEmpty()) {
        closeConnection();
        report(writerError);
        return false;
    }
    m_open = true;
    applyRetention();
    if (m_retentionTimer.interval() > 0) {
        m_retentionTimer.start();
    }
    if (m_writer->pendingCount() > 0 && !m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
    return true;
}

QString History::openConnection() {
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return QStringLiteral("cannot create directory %1").arg(info.absolutePath());
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        return QStringLiteral("Qt SQLite driver (QSQLITE) unavailable: %1")
            .arg(db.lastError().text());
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open()) {
        return QStringLiteral("cannot open: %1").arg(db.lastError().text());
    }
    QString error;
    // The first read fails on a file that is not a database; nothing is written before it.
    if (HistorySchema::version(db, &error) < 0) {
        return error;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0) {
        return QStringLiteral("cannot switch to WAL: %1").arg(q.lastError().text());
    }
    if (!q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
        return QStringLiteral("cannot set synchronous: %1").arg(q.lastError().text());
    }
    q.finish();
    if (!HistorySchema::migrate(db, &error)) {
        return error;
    }
    return {};
}

bool History::recordCall(const CallHistoryEntry& e) {
    if (!requireOpen("recordCall")) {
        return false;
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO calls (account_id, call_id, direction, peer, peer_name, outcome,"
        " started_at, answered_at, ended_at, end_status, end_reason, sip_status,"
        " quality_samples, rtt_avg_ms, jitter_max_ms, loss_percent, send_kbps, receive_kbps,"
        " mos) VALUES"
        " (COALESCE(?, ''), COALESCE(?, ''), ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?,"
        " COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.accountId);
    q.addBindValue(e.callId);
    q.addBindValue(CallHistoryEntry::toText(e.direction));
    q.addBindValue(e.peer);
    q.addBindValue(e.peerName);
    q.addBindValue(CallHistoryEntry::toText(e.outcome));
    q.addBindValue(e.startedAtMs);
    q.addBindValue(e.answeredAtMs);
    q.addBindValue(e.endedAtMs);
    q.addBindValue(e.endStatus);
    q.addBindValue(e.endReason);
    q.addBindValue(e.sipStatus);
    const CallQualitySummary& quality = e.quality;
    q.addBindValue(quality.samples);
    for (const double figure : {quality.averageRttMs, quality.maxJitterMs, quality.lossPercent,
                                quality.averageSendKbps, quality.averageReceiveKbps, quality.mos}) {
        q.addBindValue(figure >= 0 ? QVariant(figure) : QVariant()); // NULL = unknown
    }
    if (!q.exec()) {
        report(QStringLiteral("recordCall: %1").arg(q.lastError().text()));
        return false;
    }
    return true;
}

void History::append(JournalEntry entry) {
    m_writer->enqueue(std::move(entry)); // wakes the writer at batchSize()
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void History::writeInBackground() {
    if (m_open) { // else kept until open() succeeds
        QMetaObject::invokeMethod(m_writer.get(), &JournalWriter::writePending,
                                  Qt::QueuedConnection);
    }
}

int History::pendingCount() const {
    return static_cast<int>(m_writer->pendingCount());
}

qint64 History::droppedCount() const {
    return m_writer->droppedCount();
}

bool History::flush() {
    m_flushTimer.stop();
    if (m_writer->pendingCount() == 0) {
        return true;
    }
    if (!requireOpen("flush")) {
        return false; // kept until open() succeeds
    }
    // Queued behind any write under way; the writer never waits for this thread.
    QString error;
    JournalWriter* writer = m_writer.get();
    QMetaObject::invokeMethod(
        writer, [writer, &error] { error = writer->flushNow(); }, Qt::BlockingQueuedConnection);
    if (!error.isEmpty()) {
        report(error);
        m_flushTimer.start(); // retry later
        return false;
    }
    return m_writer->pendingCount() == 0;
}

void History::setBatchSize(int entries) {
    m_batchSize = qMax(1, entries);
    m_writer->setBatchSize(m_batchSize);
}

void History::setMaxBuffered(int entries) {
    m_maxBuffered = qMax(1, entries);
    m_writer->setMaxBuffered(m_maxBuffered);
}

void History::setFlushInterval(int ms) {
    m_flushTimer.setInterval(qMax(0, ms));
}

void History::setRetention(int maxAgeDays, qint64 maxRows) {
    m_maxAgeDays = qMax(0, maxAgeDays);
    m_maxRows = qMax<qint64>(0, maxRows);
}

void History::setRetentionInterval(int ms) {
    m_retentionTimer.setInterval(qMax(0, ms));
    if (ms <= 0) {
        m_retentionTimer.stop();
    } else if (m_open) {
        m_retentionTimer.start();
    }
}

bool History::applyRetention() {
    if (!requireOpen("applyRetention") || !flush()) {
        return false;
    }
    if (m_maxAgeDays == 0 && m_maxRows == 0) {
        return true;
    }
    QSqlDatabase db = database();
    if (!db.transaction()) {
        report(QStringLiteral("retention: cannot begin: %1").arg(db.lastError().text()));
        return false;
    }
    QSqlQuery q(db);
    QString error;
    auto run = [&](const QString& sql, qint64 value) {
        if (!error.isEmpty()) {
            return;
        }
        q.prepare(sql);
        q.addBindValue(value);
        if (!q.exec()) {
            error = q.lastError().text();
        }
    };
    if (m_maxAgeDays > 0) {
        const qint64 cutoff = m_clock->nowMs() - m_maxAgeDays * kDayMs;
        run(QStringLiteral("DELETE FROM journal WHERE ts < ?"), cutoff);
        run(QStringLiteral("DELETE FROM calls WHERE started_at < ?"), cutoff);
    }
    if (m_maxRows > 0) {
        run(QStringLiteral("DELETE FROM journal WHERE id IN (SELECT id FROM journal"
                           " ORDER BY ts DESC, id DESC LIMIT -1 OFFSET ?)"),
            m_maxRows);
        run(QStringLiteral("DELETE FROM calls WHERE id IN (SELECT id FROM calls"
                           " ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?)"),
            m_maxRows);
    }
    q.finish();
    if (error.isEmpty() && !db.commit()) {
        error = db.lastError().text();
    }
    if (!error.isEmpty()) {
        db.rollback();
        report(QStringLiteral("retention failed: %1").arg(error));
        return false;
    }
    return true;
}

} // namespace services
