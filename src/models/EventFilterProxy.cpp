#include "models/EventFilterProxy.h"

#include "models/EventLogModel.h"

namespace models {

EventFilterProxy::EventFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(EventLogModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void EventFilterProxy::setTypeFilter(const QStringList& types) {
    m_types = types;
    invalidateFilter();
}

void EventFilterProxy::setAccountFilter(const QString& accountId) {
    m_account = accountId;
    invalidateFilter();
}

void EventFilterProxy::setStatusFilter(const QStringList& statuses) {
    m_statuses = statuses;
    invalidateFilter();
}

void EventFilterProxy::setTextFilter(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

bool EventFilterProxy::acceptsEntry(const services::JournalEntry& e) const {
    if (!m_types.isEmpty() && !m_types.contains(e.type)) {
        return false;
    }
    if (!m_account.isEmpty() && e.accountId != m_account) {
        return false;
    }
    if (!m_statuses.isEmpty() && !m_statuses.contains(e.status)) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    return e.type.contains(m_text, Qt::CaseInsensitive) ||
           e.objectId.contains(m_text, Qt::CaseInsensitive) ||
           e.status.contains(m_text, Qt::CaseInsensitive) ||
           QString::fromUtf8(e.json).contains(m_text, Qt::CaseInsensitive);
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const auto* log = qobject_cast<const EventLogModel*>(sourceModel());
    if (!log || sourceParent.isValid() || sourceRow >= log->rowCount()) {
        return false;
    }
    return acceptsEntry(log->entryAt(sourceRow));
}

} // namespace models
