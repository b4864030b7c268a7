#include "services/JournalWriter.h"

#include "services/LogControlCategories.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace services {

namespace {

/// Longest wait (ms) of enqueue() for the writer to take a full queue before dropping.
constexpr int kBackPressureMs = 5000;

} // namespace

JournalWriter::JournalWriter(QString connectionName)
    : m_connectionName(std::move(connectionName)) {}

JournalWriter::~JournalWriter() = default;

void JournalWriter::enqueue(JournalEntry entry) {
    QMutexLocker lock(&m_mutex);
    if (m_queue.size() >= m_maxBuffered && m_open && !m_failing) {
        // The disk is slower than the producer: wait for the writer instead of dropping.
        postWakeLocked();
        const QDeadlineTimer deadline(kBackPressureMs);
        while (m_queue.size() >= m_maxBuffered && m_open && !m_failing && !deadline.hasExpired()) {
            m_taken.wait(&m_mutex, deadline);
        }
    }
    m_queue.append(std::move(entry));
    trimLocked();
    if (m_queue.size() >= m_batchSize && m_open && !m_failing) {
        postWakeLocked();
    }
}

qsizetype JournalWriter::pendingCount() const {
    QMutexLocker lock(&m_mutex);
    return m_queue.size() + m_writing;
}

qint64 JournalWriter::droppedCount() const {
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

void JournalWriter::setBatchSize(int entries) {
    QMutexLocker lock(&m_mutex);
    m_batchSize = qMax(1, entries);
}

void JournalWriter::setMaxBuffered(int entries) {
    QMutexLocker lock(&m_mutex);
    m_maxBuffered = qMax(1, entries);
}

void JournalWriter::postWakeLocked() {
    if (!m_wakePosted) {
        m_wakePosted = true;
        QMetaObject::invokeMethod(this, &JournalWriter::writeBatches, Qt::QueuedConnection);
    }
}

void JournalWriter::trimLocked() {
    const qsizetype excess = m_queue.size() - m_maxBuffered;
    if (excess > 0) {
        m_queue.remove(0, excess);
        m_dropped += excess;
        qCWarning(lcServices) << "history: journal buffer full, dropped" << excess << "entries";
    }
}

QString JournalWriter::open(const QString& path, int busyTimeoutMs) {
    close();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open()) {
            error = QStringLiteral("journal writer cannot open: %1").arg(db.lastError().text());
        } else {
            // Per connection: History's own connection sets it too. The file is in WAL mode.
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
                error = QStringLiteral("journal writer cannot set synchronous: %1")
                            .arg(q.lastError().text());
            }
        }
        if (error.isEmpty()) {
            m_insert = std::make_unique<QSqlQuery>(db);
            if (!m_insert->prepare(QStringLiteral(
                    "INSERT INTO journal (ts, type, account_id, object_id, status,"
                    " stream_name, json) VALUES (?, COALESCE(?, ''), COALESCE(?, ''),"
                    " COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?)"))) {
                error = QStringLiteral("cannot prepare journal insert: %1")
                            .arg(m_insert->lastError().text());
            }
        }
    }
    if (!error.isEmpty()) {
        close();
        return error;
    }
    QMutexLocker lock(&m_mutex);
    m_open = true;
    m_failing = false;
    return {};
}

void JournalWriter::close() {
    {
        QMutexLocker lock(&m_mutex);
        m_open = false;
        m_taken.wakeAll();
    }
    m_insert.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void JournalWriter::writeBatches() {
    bool wrote = true;
    while (wrote) {
        const QString error = writeOnce(false, &wrote);
        if (!error.isEmpty()) {
            Q_EMIT writeFailed(error);
            return;
        }
    }
}

void JournalWriter::writePending() {
    bool wrote = false;
    const QString error = writeOnce(true, &wrote);
    if (!error.isEmpty()) {
        Q_EMIT writeFailed(error);
        return;
    }
    writeBatches(); // what arrived meanwhile (no wake was posted while failing)
}

QString JournalWriter::flushNow() {
    bool wrote = false;
    return writeOnce(true, &wrote);
}

QString JournalWriter::writeOnce(bool all, bool* wrote) {
    *wrote = false;
    QList<JournalEntry> batch;
    {
        QMutexLocker lock(&m_mutex);
        m_wakePosted = false;
        const qsizetype least = all ? 1 : qMin(m_batchSize, m_maxBuffered);
        if (!m_open || !m_insert || m_queue.size() < least || (!all && m_failing)) {
            return {};
        }
        batch.swap(m_queue);
        m_writing = batch.size();
        m_taken.wakeAll();
    }
    const QString error = insert(batch);
    *wrote = true;
    QMutexLocker lock(&m_mutex);
    m_writing = 0;
    if (error.isEmpty()) {
        m_failing = false;
        return {};
    }
    // Back to the front of the queue, in order, for the next attempt.
    m_failing = true;
    const qsizetype count = batch.size();
    batch.append(std::move(m_queue));
    m_queue = std::move(batch);
    trimLocked();
    m_taken.wakeAll();
    return QStringLiteral("journal write of %1 entries failed: %2").arg(count).arg(error);
}

QString JournalWriter::insert(const QList<JournalEntry>& batch) {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        return db.lastError().text();
    }
    QString error;
    QSqlQuery& q = *m_insert;
    for (const JournalEntry& e : batch) {
        q.bindValue(0, e.timestampMs);
        q.bindValue(1, e.type);
        q.bindValue(2, e.accountId);
        q.bindValue(3, e.objectId);
        q.bindValue(4, e.status);
        q.bindValue(5, e.streamName());
        q.bindValue(6, e.json.isNull() ? QVariant() : QVariant(e.json));
        if (!q.exec()) {
            error = q.lastError().text();
            break;
        }
    }
    q.finish();
    if (error.isEmpty() && !db.commit()) {
        error = db.lastError().text();
    }
    if (!error.isEmpty()) {
        db.rollback();
    }
    return error;
}

} // namespace services
