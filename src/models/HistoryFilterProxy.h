#pragma once

#include <QSortFilterProxyModel>

namespace models {

/// Filters and sorts a HistoryModel for the History tab: a kind (all, missed, incoming,
/// outgoing), an account id (empty: any) and free text (case-insensitive substring of the peer
/// or the peer's name; empty: any). Sorts by HistoryModel::SortRole.
class HistoryFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Kind { All, Missed, Incoming, Outgoing };
    Q_ENUM(Kind)

    explicit HistoryFilterProxy(QObject* parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setAccountFilter(const QString& accountId);
    void setTextFilter(const QString& text);

    /// The HistoryModel row of proxy row `row`, -1 when out of range.
    int sourceRowOf(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Kind m_kind = Kind::All;
    QString m_account;
    QString m_text;
};

} // namespace models
