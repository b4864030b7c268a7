#pragma once

#include "core/StreamStatus.h"

#include <QList>
#include <QSortFilterProxyModel>

namespace models {

/// Filters and sorts a StreamTableModel: by status set, account, node and free text (case-
/// insensitive substring of name, mediaSessionId or info). Empty filters accept everything.
/// Sorts by StreamTableModel::SortRole (numbers as numbers: bitrate, size, keep-alive age,
/// status order).
class StreamFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit StreamFilterProxy(QObject* parent = nullptr);

    /// Only these statuses (empty: any).
    void setStatusFilter(const QList<core::StreamStatus>& statuses);
    QList<core::StreamStatus> statusFilter() const { return m_statuses; }
    /// Only this account's own streams (exact; empty: any).
    void setAccountFilter(const QString& accountId);
    /// Only streams of this WCS node (exact; empty: any).
    void setNodeFilter(const QString& nodeId);
    /// Free text over name, mediaSessionId and info (empty: any).
    void setTextFilter(const QString& text);
    /// Hide streams that reached a terminal status.
    void setLiveOnly(bool liveOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QList<core::StreamStatus> m_statuses;
    QString m_account;
    QString m_node;
    QString m_text;
    bool m_liveOnly = false;
};

} // namespace models
