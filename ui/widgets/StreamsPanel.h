#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace models {
class StreamFilterProxy;
class StreamTableModel;
} // namespace models

namespace ui {

/// The stream monitor: every stream of a models::StreamTableModel through a StreamFilterProxy,
/// with the status badge, a free-text filter and a status filter.
class StreamsPanel : public QWidget {
    Q_OBJECT

public:
    explicit StreamsPanel(models::StreamTableModel* streams, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* statusCombo() const { return m_status; }
    models::StreamFilterProxy* proxy() const { return m_proxy; }

private:
    void applyStatusFilter();
    void updateCount();

    models::StreamTableModel* m_streams;
    models::StreamFilterProxy* m_proxy;
    QLineEdit* m_filter;
    QComboBox* m_status;
    QLabel* m_count;
    QTableView* m_table;
};

} // namespace ui
