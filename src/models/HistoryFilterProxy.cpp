#include "models/HistoryFilterProxy.h"

#include "models/HistoryModel.h"

namespace models {

HistoryFilterProxy::HistoryFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(HistoryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void HistoryFilterProxy::setKind(Kind kind) {
    m_kind = kind;
    invalidateFilter();
}

void HistoryFilterProxy::setAccountFilter(const QString& accountId) {
    m_account = accountId;
    invalidateFilter();
}

void HistoryFilterProxy::setTextFilter(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

int HistoryFilterProxy::sourceRowOf(int row) const {
    if (row < 0 || row >= rowCount()) {
        return -1;
    }
    return mapToSource(index(row, 0)).row();
}

bool HistoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    switch (m_kind) {
    case Kind::All:
        break;
    case Kind::Missed:
        if (!i.data(HistoryModel::MissedRole).toBool()) {
            return false;
        }
        break;
    case Kind::Incoming:
    case Kind::Outgoing:
        if (i.data(HistoryModel::IncomingRole).toBool() != (m_kind == Kind::Incoming)) {
            return false;
        }
        break;
    }
    if (!m_account.isEmpty() && i.data(HistoryModel::AccountIdRole).toString() != m_account) {
        return false;
    }
    return m_text.isEmpty() ||
           i.data(HistoryModel::PeerRole).toString().contains(m_text, Qt::CaseInsensitive) ||
           i.data(HistoryModel::PeerNameRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace models
