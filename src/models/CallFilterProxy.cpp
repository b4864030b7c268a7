#include "models/CallFilterProxy.h"

#include "models/CallListModel.h"

namespace models {

CallFilterProxy::CallFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(CallListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void CallFilterProxy::setDirectionFilter(Direction direction) {
    m_direction = direction;
    invalidateFilter();
}

void CallFilterProxy::setAccountFilter(const QString& accountId) {
    m_account = accountId;
    invalidateFilter();
}

void CallFilterProxy::setStatusFilter(const QList<core::CallStatus>& statuses) {
    m_statuses = statuses;
    invalidateFilter();
}

void CallFilterProxy::setTextFilter(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

void CallFilterProxy::setHideEnded(bool hide) {
    m_hideEnded = hide;
    invalidateFilter();
}

bool CallFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    using M = CallListModel;
    if (m_direction != Direction::Any &&
        i.data(M::IncomingRole).toBool() != (m_direction == Direction::Incoming)) {
        return false;
    }
    if (!m_account.isEmpty() && i.data(M::AccountIdRole).toString() != m_account) {
        return false;
    }
    if (!m_statuses.isEmpty() &&
        !m_statuses.contains(static_cast<core::CallStatus>(i.data(M::StatusRole).toInt()))) {
        return false;
    }
    if (m_hideEnded && i.data(M::EndedRole).toBool()) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    for (const int role : {M::PeerRole, M::PeerNameRole, M::CallIdRole}) {
        if (i.data(role).toString().contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace models
