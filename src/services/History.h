#pragma once

#include "core/Clock.h"
#include "services/CallHistoryEntry.h"
#include "services/CallQuery.h"
#include "services/JournalEntry.h"
#include "services/JournalQuery.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QTimer>

#include <memory>

namespace services {

class JournalWriter;

/// Call history and event journal in one SQLite file (Qt SQL, driver QSQLITE).
///
/// * Each instance has its own connection (unique connection name, never the default one) and
///   must be used from the thread that created it (History's thread).
/// * The journal is written by a services::JournalWriter on a thread of its own (started by
///   open(), see journalThread()), through a second connection to the same file: History's
///   thread only queues entries and never waits for the disk, except in flush() (and what
///   calls it: journal(), applyRetention(), the destructor), open() and the call history
///   (recordCall(), calls()), which stays on History's thread.
/// * The file is in WAL mode with synchronous=NORMAL: a committed transaction survives a crash
///   of the process (SIGKILL included); only an OS crash or power loss may lose the last
///   commits.
/// * The schema is versioned (HistorySchema); open() migrates an older file in place.
/// * Journal writes are batched: append() only buffers, and the writer thread writes the buffer
///   in one transaction when batchSize() entries are waiting, flushInterval() ms after the
///   first buffered entry, on flush(), before every query and in the destructor. Entries that
///   arrive while a transaction is under way go into the next one; the order is kept.
/// * Errors (cannot open, not a database, disk full, locked beyond busyTimeout()) never throw:
///   the call returns false / an empty list, lastError() holds the text and errorOccurred() is
///   emitted. A file that is not a readable database is reported and left untouched.
///   Journal entries that could not be written stay buffered (at most maxBuffered(), the
///   oldest are dropped beyond that and counted in droppedCount()) and are retried
///   flushInterval() ms later (no automatic write at batchSize() until a retry succeeds).
///   A failure of a write in the background is reported (errorOccurred(), on History's thread)
///   when History's event loop runs; a failure of flush() before it returns.
class History : public QObject {
    Q_OBJECT
public:
    /// `path`: the SQLite file (created with its directory if missing). `clock`: "now" for
    /// retention by age; nullptr uses the system clock. Does not touch the disk: call open().
    explicit History(QString path, const core::Clock* clock = nullptr, QObject* parent = nullptr);
    /// Flushes the journal buffer, then closes the connection.
    ~History() override;

    History(const History&) = delete;
    History& operator=(const History&) = delete;

    /// Opens (creating if needed) and migrates the database, then applies retention. Returns
    /// false and emits errorOccurred() on failure; may be called again to retry.
    bool open();
    /// True after a successful open().
    bool isOpen() const { return m_open; }
    /// The database file given to the constructor.
    QString path() const { return m_path; }
    /// Text of the last error, empty if none happened yet. Not cleared by later successes.
    QString lastError() const { return m_lastError; }
    /// Schema version written by this build (PRAGMA user_version).
    static int schemaVersion();

    /// How long (ms) a statement waits for a lock held by another connection before failing
    /// with "database is locked". Takes effect at the next open(). Default 2000.
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    int busyTimeout() const { return m_busyTimeoutMs; }

    // ---- call history -------------------------------------------------------------------

    /// Stores one finished call. Returns false (and reports) on error.
    bool recordCall(const CallHistoryEntry& entry);
    /// Calls matching `query`, newest first (startedAtMs). Empty on error (reported).
    QList<CallHistoryEntry> calls(const CallQuery& query = {});

    // ---- event journal ------------------------------------------------------------------

    /// Buffers one entry; never touches the disk. When batchSize() entries wait, the writer
    /// thread is woken. Blocks only while the writer works and maxBuffered() entries already
    /// wait (back-pressure: at most 5 s, then the oldest are dropped).
    void append(JournalEntry entry);
    /// Writes every buffered entry in one transaction and waits for the writer thread to
    /// commit it (and the transaction under way, if any). Returns true when nothing is left
    /// uncommitted; false (entries kept, error reported before returning) when the write
    /// failed or the database is not open.
    bool flush();
    /// Journal rows matching `query`, newest first. Flushes the buffer first. Empty on error.
    QList<JournalEntry> journal(const JournalQuery& query = {});

    /// Entries per write transaction (>= 1; default 100).
    void setBatchSize(int entries);
    int batchSize() const { return m_batchSize; }
    /// Longest time (ms) an entry waits in the buffer (>= 0; default 500).
    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushTimer.interval(); }
    /// Bound of the buffer (default 100000 entries). Beyond it, append() waits for a working
    /// writer (see append()); while writes fail or before open(), the oldest are dropped.
    void setMaxBuffered(int entries);
    int maxBuffered() const { return m_maxBuffered; }
    /// Entries appended and not yet committed (buffered, or in the transaction under way).
    int pendingCount() const;
    /// Entries dropped because the buffer overflowed (while writes failed or before open()).
    qint64 droppedCount() const;
    /// The thread that writes the journal (for diagnostics and tests); running once open().
    const QThread* journalThread() const { return &m_writerThread; }

    // ---- retention ----------------------------------------------------------------------

    /// Keeps journal and call rows at most `maxAgeDays` days old (by timestamp / startedAtMs)
    /// and at most `maxRows` rows per table (the newest). 0 disables a limit. Default: 90 days,
    /// 1,000,000 rows. Applied by applyRetention().
    void setRetention(int maxAgeDays, qint64 maxRows);
    int retentionMaxAgeDays() const { return m_maxAgeDays; }
    qint64 retentionMaxRows() const { return m_maxRows; }
    /// Period (ms) of the automatic applyRetention() while open; 0 disables it. Default 1 h.
    void setRetentionInterval(int ms);
    /// Flushes, then deletes the oldest rows beyond the limits in one transaction. Returns
    /// false (and reports) on error.
    bool applyRetention();

Q_SIGNALS:
    /// A database error; `message` says what failed and SQLite's text.
    void errorOccurred(const QString& message);

private:
    QSqlDatabase database() const;
    QString openConnection();
    bool requireOpen(const char* what);
    void report(const QString& message);
    void closeConnection();
    void writeInBackground();
    QList<CallHistoryEntry> runCallQuery(const CallQuery& query);
    QList<JournalEntry> runJournalQuery(const JournalQuery& query);

    QString m_path;
    QString m_connectionName;
    const core::Clock* m_clock;
    std::unique_ptr<core::Clock> m_ownClock;
    bool m_open = false;
    QString m_lastError;
    int m_busyTimeoutMs = 2000;

    // The writer lives in m_writerThread (started by open(), stopped by the destructor).
    QThread m_writerThread;
    std::unique_ptr<JournalWriter> m_writer;
    int m_batchSize = 100;
    int m_maxBuffered = 100000;
    QTimer m_flushTimer;

    int m_maxAgeDays = 90;
    qint64 m_maxRows = 1'000'000;
    QTimer m_retentionTimer;
};

} // namespace services
