#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace models {
class EventFilterProxy;
class EventLogModel;
} // namespace models

namespace ui {

/// The live event log (models::EventLogModel through models::EventFilterProxy): filters by
/// event type, account and status (each combo lists the values seen so far), a text search,
/// pause (with the number of events held while paused), clear and "Export JSON Lines" of the
/// events shown (the filters apply to the export too).
class EventsPanel : public QWidget {
    Q_OBJECT

public:
    explicit EventsPanel(models::EventLogModel* events, QWidget* parent = nullptr);

    /// Account display names for the account filter (models::AccountListModel: AccountIdRole,
    /// NameRole); without it the filter lists account ids.
    void setAccountModel(QAbstractItemModel* accounts);

    QTableView* table() const { return m_table; }
    models::EventFilterProxy* proxy() const { return m_proxy; }
    QComboBox* typeCombo() const { return m_type; }
    QComboBox* accountCombo() const { return m_account; }
    QComboBox* statusCombo() const { return m_status; }
    QLineEdit* searchEdit() const { return m_search; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* clearButton() const { return m_clear; }
    QPushButton* exportButton() const { return m_export; }
    /// "Events: N" / "N of M shown" / "paused, K held" line.
    QLabel* stateLabel() const { return m_state; }

    /// Writes the shown (filtered) events to `path` as JSON Lines (EventLogModel format); the
    /// number of lines, -1 when the file cannot be written.
    qint64 exportTo(const QString& path);

private:
    void askExport();
    void updateState();
    void collectValues(int first, int last);
    void applyFilters();
    void addValue(QComboBox* combo, const QString& value, const QString& text);
    QString accountName(const QString& id) const;

    models::EventLogModel* m_events;
    models::EventFilterProxy* m_proxy;
    QAbstractItemModel* m_accounts = nullptr;
    QComboBox* m_type;
    QComboBox* m_account;
    QComboBox* m_status;
    QLineEdit* m_search;
    QTableView* m_table;
    QPushButton* m_pause;
    QPushButton* m_clear;
    QPushButton* m_export;
    QLabel* m_state;
    QTimer m_pausedTicker; ///< refreshes the held count while paused
};

} // namespace ui
