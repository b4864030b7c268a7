#include "JournalCount.h"

#include "EventKinds.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace soak {

bool JournalCount::read(const QString& path, QString* error) {
    const QString name = QStringLiteral("soak-journal-count");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            if (error) {
                *error = db.lastError().text();
            }
        } else {
            // Local FAILED rows carry EventKinds::localFailurePrefix() as their info.
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "SELECT type, status, CAST(json AS TEXT) LIKE ? AS local, COUNT(*) FROM journal"
                " GROUP BY 1, 2, 3"));
            q.addBindValue(QStringLiteral("%\"info\":\"") + EventKinds::localFailurePrefix() +
                           QStringLiteral("%"));
            ok = q.exec();
            while (ok && q.next()) {
                const QString type = q.value(0).toString();
                const QString status = q.value(1).toString();
                const bool localFailure = q.value(2).toInt() != 0;
                const qint64 n = q.value(3).toLongLong();
                m_rows += n;
                const bool local = (type == QLatin1StringView("ConnectionStatusEvent") &&
                                    status != QLatin1StringView("ESTABLISHED")) ||
                                   (localFailure && status == QLatin1StringView("FAILED") &&
                                    (type == QLatin1StringView("StreamStatusEvent") ||
                                     type == QLatin1StringView("CallStatusEvent")));
                (local ? m_local : m_server)[type] += n;
                m_serverRows += local ? 0 : n;
            }
            if (ok && q.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) && q.next()) {
                m_calls = q.value(0).toLongLong();
            }
            if (!ok && error) {
                *error = q.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace soak
