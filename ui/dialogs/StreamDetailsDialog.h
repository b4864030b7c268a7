#pragma once

#include "services/JournalEntry.h"
#include "services/StreamRecord.h"

#include <QDialog>
#include <QList>

class QLabel;
class QTableWidget;

namespace ui {

/// Row details of one stream: every field of its last StreamStatusEvent (from the newest
/// journal entry, else from what the monitor knows) and its history, one row per journal
/// entry (time, status, info; the whole event JSON as the tooltip).
class StreamDetailsDialog : public QDialog {
    Q_OBJECT

public:
    /// `history`: the stream's StreamStatusEvent journal entries, newest first (may be empty).
    StreamDetailsDialog(const services::StreamRecord& record,
                        const QList<services::JournalEntry>& history, QWidget* parent = nullptr);

    /// Field name -> value table (wire names: mediaSessionId, status, info, ...).
    QTableWidget* fieldsTable() const { return m_fields; }
    /// Time / status / info, newest first.
    QTableWidget* historyTable() const { return m_history; }
    /// Value shown for field `name`, null when the field is not listed.
    QString fieldValue(const QString& name) const;

private:
    void fillFromEvent(const QByteArray& json);
    void fillFromRecord(const services::StreamRecord& record);
    void addField(const QString& name, const QString& value);

    QLabel* m_source;
    QTableWidget* m_fields;
    QTableWidget* m_history;
};

} // namespace ui
