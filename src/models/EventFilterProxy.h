#pragma once

#include "services/JournalEntry.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace models {

/// Filters and sorts an EventLogModel: by event type set, account, status set and free text
/// (case-insensitive substring of type, object id, status or the event's JSON). Empty filters
/// accept everything. acceptsEntry() is the same rule, for EventLogModel::exportJsonLines()
/// ("export what I see"). Sorts by EventLogModel::SortRole (time as a number).
class EventFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit EventFilterProxy(QObject* parent = nullptr);

    /// Only these event types ("CallStatusEvent"; empty: any).
    void setTypeFilter(const QStringList& types);
    /// Exact account id (empty: any).
    void setAccountFilter(const QString& accountId);
    /// Only these status wire texts ("FAILED"; empty: any).
    void setStatusFilter(const QStringList& statuses);
    /// Free text (empty: any).
    void setTextFilter(const QString& text);

    /// True when `entry` passes the current filters.
    bool acceptsEntry(const services::JournalEntry& entry) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_types;
    QString m_account;
    QStringList m_statuses;
    QString m_text;
};

} // namespace models
