#pragma once

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;

namespace ui {

class StatusBadge;

/// One line per account of a models::AccountListModel: the account name, the connection badge
/// (with "reconnecting in N s, attempt K"), the SIP registration badge and the server debug
/// badge. A plain text line says so when there is no account.
class StatusStrip : public QWidget {
    Q_OBJECT

public:
    explicit StatusStrip(QAbstractItemModel* accounts, QWidget* parent = nullptr);

    int accountCount() const { return static_cast<int>(m_rows.size()); }
    StatusBadge* connectionBadge(int row) const { return m_rows.at(row).connection; }
    StatusBadge* registrationBadge(int row) const { return m_rows.at(row).registration; }
    StatusBadge* debugBadge(int row) const { return m_rows.at(row).debug; }
    QLabel* reconnectLabel(int row) const { return m_rows.at(row).reconnect; }

private:
    struct Row {
        QWidget* line = nullptr;
        QLabel* name = nullptr;
        StatusBadge* connection = nullptr;
        StatusBadge* registration = nullptr;
        StatusBadge* debug = nullptr;
        QLabel* reconnect = nullptr;
    };

    void rebuild();
    void refresh(int row);

    QAbstractItemModel* m_model;
    QList<Row> m_rows;
    QLabel* m_empty;
};

} // namespace ui
