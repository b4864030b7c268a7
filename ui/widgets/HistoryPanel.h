#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace models {
class HistoryFilterProxy;
class HistoryModel;
} // namespace models

namespace ui {

/// The History tab: finished calls (models::HistoryModel, newest first) with missed calls
/// highlighted (bold, red, warning icon: HistoryPanelDelegate), filters (all / missed /
/// incoming / outgoing, account, text on peer and name) and Call back (button, double-click
/// or Enter on a row), which goes out as HistoryModel::dialRequested().
class HistoryPanel : public QWidget {
    Q_OBJECT

public:
    /// `history` must outlive the panel.
    explicit HistoryPanel(models::HistoryModel* history, QWidget* parent = nullptr);

    /// Accounts for the account filter (models::AccountListModel: AccountIdRole, NameRole).
    void setAccountModel(QAbstractItemModel* accounts);

    QTableView* table() const { return m_table; }
    models::HistoryFilterProxy* proxy() const { return m_proxy; }
    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* accountCombo() const { return m_account; }
    QLineEdit* searchEdit() const { return m_search; }
    QPushButton* callBackButton() const { return m_callBack; }
    QPushButton* refreshButton() const { return m_refresh; }
    QLabel* summaryLabel() const { return m_summary; }

    /// Calls back the call shown in (proxy) `row`; false when out of range.
    bool callBack(int row);

private:
    void rebuildAccounts();
    void applyFilters();
    void updateState();

    models::HistoryModel* m_history;
    models::HistoryFilterProxy* m_proxy;
    QAbstractItemModel* m_accounts = nullptr;
    QComboBox* m_kind;
    QComboBox* m_account;
    QLineEdit* m_search;
    QTableView* m_table;
    QPushButton* m_callBack;
    QPushButton* m_refresh;
    QLabel* m_summary;
};

} // namespace ui
