#pragma once

#include <QSortFilterProxyModel>

namespace models {

/// Filters a LogLineModel for the live log view: one category (empty: any), a minimum level
/// (LogLineModel::levelRank: 0 debug .. 3 critical) and free text (case-insensitive substring
/// of the whole line; empty: any). Keeps the source order (no sorting).
class LogFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit LogFilterProxy(QObject* parent = nullptr);

    void setCategory(const QString& category);
    QString category() const { return m_category; }
    /// Lines below `rank` are hidden; 0 shows everything.
    void setMinimumRank(int rank);
    int minimumRank() const { return m_minRank; }
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_category;
    int m_minRank = 0;
    QString m_text;
};

} // namespace models
