#pragma once

#include "services/JournalEntry.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>
#include <functional>

class QIODevice;

namespace models {

/// The live event log: a bounded ring of services::JournalEntry (oldest first, at most
/// capacity() rows; the oldest rows are removed when new ones arrive).
///
/// append() only buffers: new entries are shown at the next frame tick (frameInterval(),
/// default 16 ms) with at most one removal of old rows and one insertion per tick. While
/// paused the buffer keeps filling (bounded by capacity() too, the oldest dropped and
/// counted) and is shown on resume.
class EventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn, ///< local time hh:mm:ss.zzz
        TypeColumn, ///< event type ("CallStatusEvent")
        AccountColumn,
        StatusColumn,   ///< status wire text
        ObjectIdColumn, ///< callId, mediaSessionId, sessionId...
        SummaryColumn,  ///< the event's most telling fields in one line
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        TimestampMsRole = Qt::UserRole + 1, ///< qint64 ms since the epoch
        TypeRole,                           ///< QString
        AccountIdRole,                      ///< QString
        StatusRole,                         ///< QString status wire text
        ObjectIdRole,                       ///< QString
        SummaryRole,                        ///< QString
        JsonRole,                           ///< QByteArray compact JSON of the event
        SortRole,                           ///< per column: a value that sorts naturally
    };
    Q_ENUM(Role)

    /// Entry filter for exportJsonLines(); an empty function accepts everything.
    using Filter = std::function<bool(const services::JournalEntry&)>;

    explicit EventLogModel(QObject* parent = nullptr);

    /// Display name of an account id for the account column (e.g. the profile name); empty
    /// result or no lookup: the id is shown. Roles keep the id.
    using AccountNameLookup = std::function<QString(const QString& accountId)>;
    void setAccountNameLookup(AccountNameLookup lookup);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Buffers one entry; it is shown at the next frame tick (or on resume when paused).
    void append(services::JournalEntry entry);
    const services::JournalEntry& entryAt(int row) const { return m_rows.at(size_t(row)); }

    /// Most rows kept (>= 1, default 10000). Shrinking removes the oldest rows now.
    void setCapacity(int rows);
    int capacity() const { return m_capacity; }

    /// Paused: new entries wait in the buffer, the shown rows stay still.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// Entries waiting to be shown.
    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    /// Entries dropped before being shown: more than capacity() arrived while paused (or
    /// within one frame).
    qint64 droppedCount() const { return m_dropped; }

    /// Removes every row and the buffer.
    void clear();

    /// Writes the shown rows accepted by `filter`, oldest first, as JSON Lines: one
    /// `{"timestampMs":..,"accountId":"..","event":{..}}` object per line. Returns the number
    /// of lines written, -1 when the device is not writable.
    qint64 exportJsonLines(QIODevice& device, const Filter& filter = {}) const;

    void setFrameInterval(int ms) { m_frameTimer.setInterval(ms); }
    int frameInterval() const { return m_frameTimer.interval(); }
    /// Shows the buffered entries now (what the frame tick does; nothing while paused).
    void processFrame();

    /// One-line summary of an entry: info / name / peer fields of its JSON.
    static QString summaryOf(const services::JournalEntry& entry);

private:
    void scheduleFrame();
    void trimTo(int rows);
    QVariant displayText(const services::JournalEntry& e, int column) const;

    std::deque<services::JournalEntry> m_rows;
    std::deque<services::JournalEntry> m_pending;
    QTimer m_frameTimer;
    int m_capacity = 10000;
    qint64 m_dropped = 0;
    bool m_paused = false;
    AccountNameLookup m_accountName;
};

} // namespace models
