#pragma once

#include "core/CallStatus.h"

#include <QList>
#include <QSortFilterProxyModel>

namespace models {

/// Filters and sorts a CallListModel: by direction, account, status set and free text (case-
/// insensitive substring of peer, peer name or callId). Empty filters accept everything.
/// Sorts by CallListModel::SortRole.
class CallFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Direction { Any, Incoming, Outgoing };
    Q_ENUM(Direction)

    explicit CallFilterProxy(QObject* parent = nullptr);

    void setDirectionFilter(Direction direction);
    /// Exact account id (empty: any).
    void setAccountFilter(const QString& accountId);
    /// Only these statuses (empty: any).
    void setStatusFilter(const QList<core::CallStatus>& statuses);
    /// Free text over peer, peer name and callId (empty: any).
    void setTextFilter(const QString& text);
    /// Hide calls that have ended.
    void setHideEnded(bool hide);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Direction m_direction = Direction::Any;
    QString m_account;
    QList<core::CallStatus> m_statuses;
    QString m_text;
    bool m_hideEnded = false;
};

} // namespace models
