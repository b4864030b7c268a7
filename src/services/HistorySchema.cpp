#include "services/HistorySchema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace services {

const std::vector<HistorySchema::Step>& HistorySchema::steps() {
    static const std::vector<Step> kSteps{
        {1,
         {
             QStringLiteral("CREATE TABLE calls ("
                            " id INTEGER PRIMARY KEY,"
                            " account_id TEXT NOT NULL DEFAULT '',"
                            " call_id TEXT NOT NULL DEFAULT '',"
                            " direction TEXT NOT NULL,"
                            " peer TEXT NOT NULL DEFAULT '',"
                            " outcome TEXT NOT NULL,"
                            " started_at INTEGER NOT NULL,"
                            " answered_at INTEGER NOT NULL DEFAULT 0,"
                            " ended_at INTEGER NOT NULL DEFAULT 0,"
                            " end_status TEXT NOT NULL DEFAULT '',"
                            " sip_status INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX calls_started ON calls(started_at)"),
             QStringLiteral("CREATE TABLE journal ("
                            " id INTEGER PRIMARY KEY,"
                            " ts INTEGER NOT NULL,"
                            " type TEXT NOT NULL DEFAULT '',"
                            " account_id TEXT NOT NULL DEFAULT '',"
                            " object_id TEXT NOT NULL DEFAULT '',"
                            " status TEXT NOT NULL DEFAULT '',"
                            " json BLOB)"),
             QStringLiteral("CREATE INDEX journal_ts ON journal(ts)"),
         }},
        {2,
         {
             // Display name and the reason text of the final status.
             QStringLiteral("ALTER TABLE calls ADD COLUMN peer_name TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN end_reason TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX calls_account ON calls(account_id, started_at)"),
         }},
        {3,
         {
             // Stream name searchable without parsing JSON; back-filled from existing rows.
             QStringLiteral("ALTER TABLE journal ADD COLUMN stream_name TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("UPDATE journal SET stream_name ="
                            " CASE WHEN json_valid(CAST(json AS TEXT)) THEN"
                            "  CASE WHEN json_type(CAST(json AS TEXT), '$.name') = 'text'"
                            "  THEN json_extract(CAST(json AS TEXT), '$.name') ELSE '' END"
                            " ELSE '' END"
                            " WHERE json IS NOT NULL"),
             QStringLiteral("CREATE INDEX journal_type ON journal(type, ts)"),
             QStringLiteral("CREATE INDEX journal_object ON journal(object_id)"),
             QStringLiteral("CREATE INDEX journal_stream ON journal(stream_name)"),
         }},
        {4,
         {
             // Audio quality over the call (CallQualitySummary); NULL = unknown.
             QStringLiteral(
                 "ALTER TABLE calls ADD COLUMN quality_samples INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN rtt_avg_ms REAL"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN jitter_max_ms REAL"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN loss_percent REAL"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN send_kbps REAL"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN receive_kbps REAL"),
             QStringLiteral("ALTER TABLE calls ADD COLUMN mos REAL"),
         }},
    };
    return kSteps;
}

int HistorySchema::currentVersion() {
    return steps().back().version;
}

int HistorySchema::version(QSqlDatabase& db, QString* error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (error) {
            *error = QStringLiteral("cannot read schema version: %1").arg(q.lastError().text());
        }
        return -1;
    }
    return q.value(0).toInt();
}

bool HistorySchema::migrate(QSqlDatabase& db, QString* error) {
    const int from = version(db, error);
    if (from < 0) {
        return false;
    }
    if (from > currentVersion()) {
        if (error) {
            *error = QStringLiteral("database schema version %1 is newer than this build (%2)")
                         .arg(from)
                         .arg(currentVersion());
        }
        return false;
    }
    for (const Step& step : steps()) {
        if (step.version <= from) {
            continue;
        }
        if (!db.transaction()) {
            if (error) {
                *error = QStringLiteral("migration to v%1: cannot begin: %2")
                             .arg(step.version)
                             .arg(db.lastError().text());
            }
            return false;
        }
        QSqlQuery q(db);
        QStringList statements = step.statements;
        statements << QStringLiteral("PRAGMA user_version = %1").arg(step.version);
        for (const QString& sql : statements) {
            if (!q.exec(sql)) {
                if (error) {
                    *error = QStringLiteral("migration to v%1 failed: %2 (%3)")
                                 .arg(step.version)
                                 .arg(q.lastError().text(), sql.left(80));
                }
                q.finish();
                db.rollback();
                return false;
            }
        }
        q.finish();
        if (!db.commit()) {
            if (error) {
                *error = QStringLiteral("migration to v%1: commit failed: %2")
                             .arg(step.version)
                             .arg(db.lastError().text());
            }
            db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace services
