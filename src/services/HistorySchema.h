#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace services {

/// The SQLite schema of services::History and its migrations. The schema version is kept in
/// `PRAGMA user_version`; version N is reached by applying migration steps 1..N in order, each
/// in its own transaction (a failing step is rolled back and leaves the previous version).
///
/// Tables (times in ms since the Unix epoch):
/// * `calls(id, account_id, call_id, direction, peer, peer_name, outcome, started_at,
///   answered_at, ended_at, end_status, end_reason, sip_status, quality_samples, rtt_avg_ms,
///   jitter_max_ms, loss_percent, send_kbps, receive_kbps, mos)`; direction and outcome hold
///   the texts of CallHistoryEntry::toText; the quality figures (CallQualitySummary: ms,
///   percent, kbit/s, MOS 1..4.5) are NULL when unknown (and in rows older than version 4).
/// * `journal(id, ts, type, account_id, object_id, status, stream_name, json)`.
class HistorySchema {
public:
    /// One migration: the statements that take the schema from `version - 1` to `version`.
    struct Step {
        int version;
        QStringList statements;
    };

    /// Every step, oldest first; the last step's version is currentVersion().
    static const std::vector<Step>& steps();

    /// The schema version this build writes.
    static int currentVersion();

    /// Reads `PRAGMA user_version` of `db`; -1 (and `error` set) when the file is not a
    /// readable SQLite database.
    static int version(QSqlDatabase& db, QString* error);

    /// Brings `db` to currentVersion(). Returns false with `error` set when the database is
    /// newer than this build (it is left untouched) or a step fails (that step is rolled back).
    static bool migrate(QSqlDatabase& db, QString* error);
};

} // namespace services
