#include "models/LogFilterProxy.h"

#include "models/LogLineModel.h"

namespace models {

LogFilterProxy::LogFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {}

void LogFilterProxy::setCategory(const QString& category) {
    m_category = category;
    invalidateFilter();
}

void LogFilterProxy::setMinimumRank(int rank) {
    m_minRank = rank;
    invalidateFilter();
}

void LogFilterProxy::setText(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (i.data(LogLineModel::LevelRankRole).toInt() < m_minRank) {
        return false;
    }
    if (!m_category.isEmpty() && i.data(LogLineModel::CategoryRole).toString() != m_category) {
        return false;
    }
    return m_text.isEmpty() ||
           i.data(LogLineModel::LineRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace models
