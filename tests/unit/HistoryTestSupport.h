#pragma once
// Helpers shared by tst_History and tst_HistorySchema.
#include "services/History.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QtDebug>

namespace historytest {

using services::CallHistoryEntry;
using services::JournalEntry;
using Outcome = CallHistoryEntry::Outcome;
using Direction = CallHistoryEntry::Direction;

constexpr qint64 kT0 = 1'700'000'000'000;

/// A second, independent connection to `path` for checks behind History's back.
class RawDb {
public:
    explicit RawDb(const QString& path) {
        static int n = 0; // one per process: tests are single-threaded
        m_name = QStringLiteral("tst_History.raw.%1").arg(++n);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant scalar(const QString& sql) const {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next()) {
            return {};
        }
        return q.value(0);
    }
    bool exec(const QString& sql) const {
        QSqlQuery q(db());
        const bool ok = q.exec(sql);
        if (!ok) {
            qWarning() << sql << q.lastError().text();
        }
        return ok;
    }

private:
    QString m_name;
};

inline CallHistoryEntry call(const QString& id, const QString& account, const QString& peer,
                             Outcome outcome, qint64 startedAt, qint64 answeredAt = 0) {
    CallHistoryEntry e;
    e.accountId = account;
    e.callId = id;
    e.direction = outcome == Outcome::Missed ? Direction::Incoming : Direction::Outgoing;
    e.peer = peer;
    e.peerName = peer == QLatin1StringView("2042") ? QStringLiteral("Reception Desk") : QString();
    e.outcome = outcome;
    e.startedAtMs = startedAt;
    e.answeredAtMs = answeredAt;
    e.endedAtMs = startedAt + 60'000;
    e.endStatus = QStringLiteral("FINISH");
    e.endReason = QStringLiteral("Normal call clearing");
    e.sipStatus = 200;
    return e;
}

inline JournalEntry journalEvent(qint64 ts, const QString& type, const QString& account,
                                 const QString& object, const QString& status,
                                 const QString& streamName = {}) {
    QJsonObject o{{QStringLiteral("type"), type}, {QStringLiteral("status"), status}};
    if (!streamName.isEmpty()) {
        o.insert(QStringLiteral("name"), streamName);
        o.insert(QStringLiteral("mediaSessionId"), object);
    } else {
        o.insert(QStringLiteral("callId"), object);
    }
    return JournalEntry::fromEventJson(ts, account, o);
}

inline QStringList ids(const QList<CallHistoryEntry>& calls) {
    QStringList out;
    for (const auto& c : calls) {
        out << c.callId;
    }
    return out;
}

inline QStringList objects(const QList<JournalEntry>& entries) {
    QStringList out;
    for (const auto& e : entries) {
        out << e.objectId;
    }
    return out;
}

} // namespace historytest
