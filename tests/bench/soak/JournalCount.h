#pragma once

#include <QHash>
#include <QString>

namespace soak {

/// The rows of Callboard's event journal (table `journal` of services::History's SQLite file),
/// counted through a connection of its own, split as EventKinds describes: rows that stand for
/// a server frame, and rows Callboard made up itself (local).
class JournalCount {
public:
    /// Counts the rows of the database at `path`; false with `error` set on failure. Flush the
    /// History first (History::flush()): buffered entries are not rows yet.
    bool read(const QString& path, QString* error);

    qint64 rows() const { return m_rows; }
    /// Rows that stand for a server frame, by journal type.
    const QHash<QString, qint64>& serverByType() const { return m_server; }
    qint64 serverRows() const { return m_serverRows; }
    /// Rows Callboard made up (connection lifecycle, FAILED at socket loss), by type.
    const QHash<QString, qint64>& localByType() const { return m_local; }
    qint64 localRows() const { return m_rows - m_serverRows; }
    /// Rows in the `calls` table (finished calls).
    qint64 callRows() const { return m_calls; }

private:
    qint64 m_rows = 0;
    qint64 m_serverRows = 0;
    qint64 m_calls = 0;
    QHash<QString, qint64> m_server;
    QHash<QString, qint64> m_local;
};

} // namespace soak
