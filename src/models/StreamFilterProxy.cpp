#include "models/StreamFilterProxy.h"

#include "models/StreamTableModel.h"

namespace models {

StreamFilterProxy::StreamFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(StreamTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void StreamFilterProxy::setStatusFilter(const QList<core::StreamStatus>& statuses) {
    m_statuses = statuses;
    invalidateFilter();
}

void StreamFilterProxy::setAccountFilter(const QString& accountId) {
    m_account = accountId;
    invalidateFilter();
}

void StreamFilterProxy::setNodeFilter(const QString& nodeId) {
    m_node = nodeId;
    invalidateFilter();
}

void StreamFilterProxy::setTextFilter(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

void StreamFilterProxy::setLiveOnly(bool liveOnly) {
    m_liveOnly = liveOnly;
    invalidateFilter();
}

bool StreamFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    using M = StreamTableModel;
    if (!m_statuses.isEmpty() &&
        !m_statuses.contains(static_cast<core::StreamStatus>(i.data(M::StatusRole).toInt()))) {
        return false;
    }
    if (m_liveOnly && !i.data(M::LiveRole).toBool()) {
        return false;
    }
    if (!m_account.isEmpty() && i.data(M::AccountIdRole).toString() != m_account) {
        return false;
    }
    if (!m_node.isEmpty() && i.data(M::NodeIdRole).toString() != m_node) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    for (const int role : {M::NameRole, M::MediaSessionIdRole, M::InfoRole}) {
        if (i.data(role).toString().contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace models
