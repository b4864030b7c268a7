#pragma once

#include "services/JournalEntry.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <memory>

class QSqlQuery;

namespace services {

/// The disk side of services::History's event journal: a queue of entries not yet committed and
/// the SQLite connection that writes them, on a thread of its own (History owns the QThread).
///
/// * Shared state (queue, counters, limits) is guarded by a mutex: enqueue(), pendingCount(),
///   droppedCount() and the setters may be called from any thread (History's).
/// * open(), close(), writeBatches(), writePending() and flushNow() run on the writer's thread
///   (History calls them by queued or blocking-queued invocation). The writer never waits for
///   History's thread, so History may block on it.
/// * The connection is its own QSqlDatabase (name `<History's connection>.writer`) to the same
///   file: WAL lets History's connection read (and write call rows) meanwhile; a write lock held
///   by the other connection is waited for up to the busy timeout.
/// * Writes take every queued entry in one transaction (at least batchSize entries for
///   writeBatches()). A failed transaction is rolled back and its entries go back to the front of
///   the queue, in order; the writer then stays "failing" (no automatic writes at batchSize)
///   until writePending() or flushNow() succeeds.
/// * Bound: while the writer is open and not failing, enqueue() beyond maxBuffered waits (up to
///   5 s) for the writer to take the queue (back-pressure, nothing is lost because the disk is
///   slow); otherwise (not open, failing, or still full after the wait) the oldest entries
///   are dropped and counted.
class JournalWriter : public QObject {
    Q_OBJECT
public:
    /// `connectionName`: the Qt SQL connection name to create (unique per process).
    explicit JournalWriter(QString connectionName);
    /// Must run where no connection is open any more (after close()) or on the writer's thread.
    ~JournalWriter() override;

    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;

    // ---- any thread -------------------------------------------------------------------------

    /// Queues one entry (drops the oldest beyond maxBuffered, see the class notes) and posts a
    /// writeBatches() to the writer's thread when batchSize entries wait and the writer is open
    /// and not failing.
    void enqueue(JournalEntry entry);
    /// Entries queued or in the transaction under way (not yet committed).
    qsizetype pendingCount() const;
    /// Entries dropped because the queue overflowed.
    qint64 droppedCount() const;
    /// Entries that make writeBatches() write (>= 1).
    void setBatchSize(int entries);
    /// Bound of the queue (>= 1 entries).
    void setMaxBuffered(int entries);

    // ---- the writer's thread ----------------------------------------------------------------

    /// Opens the connection to `path` (already created and migrated by History), with
    /// `busyTimeoutMs` ms of busy timeout and synchronous=NORMAL, and prepares the insert.
    /// Returns an empty string, or the error text (the connection is closed again).
    QString open(const QString& path, int busyTimeoutMs);
    /// Closes and removes the connection; the queue is kept.
    void close();
    /// Writes while at least batchSize entries are queued. A failure emits writeFailed().
    void writeBatches();
    /// Writes every queued entry. A failure emits writeFailed().
    void writePending();
    /// Writes every queued entry; returns an empty string, or the error (no signal). For
    /// History::flush(), which waits for it.
    QString flushNow();

Q_SIGNALS:
    /// A write by writeBatches() or writePending() failed; `message` says how many entries and
    /// gives SQLite's text. Emitted on the writer's thread.
    void writeFailed(const QString& message);

private:
    /// One pass: takes the whole queue and writes it in one transaction, if `all` (at least one
    /// entry queued) or at least batchSize entries are queued and the writer is not failing.
    /// `wrote`: whether a transaction was attempted. Returns the error, empty on success or when
    /// there was nothing to take.
    QString writeOnce(bool all, bool* wrote);
    /// Inserts `batch` in one transaction; returns the SQLite error text, empty on success.
    QString insert(const QList<JournalEntry>& batch);
    void trimLocked();
    void postWakeLocked();

    const QString m_connectionName;
    std::unique_ptr<QSqlQuery> m_insert; // writer's thread only

    mutable QMutex m_mutex;
    QWaitCondition m_taken; // the queue was taken, or writing stopped (failure, close)
    QList<JournalEntry> m_queue;
    qsizetype m_writing = 0;
    qint64 m_dropped = 0;
    int m_batchSize = 100;
    int m_maxBuffered = 100000;
    bool m_open = false;
    bool m_failing = false;
    bool m_wakePosted = false;
};

} // namespace services
