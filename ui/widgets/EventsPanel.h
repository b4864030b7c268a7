#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace models {
class EventLogModel;
}

namespace ui {

/// The live event log (models::EventLogModel): pause, clear and "Export JSON Lines".
class EventsPanel : public QWidget {
    Q_OBJECT

public:
    explicit EventsPanel(models::EventLogModel* events, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* exportButton() const { return m_export; }

    /// Writes the shown events to `path` as JSON Lines; the number of lines, -1 on error.
    qint64 exportTo(const QString& path);

private:
    void askExport();
    void updateState();

    models::EventLogModel* m_events;
    QTableView* m_table;
    QPushButton* m_pause;
    QPushButton* m_clear;
    QPushButton* m_export;
    QLabel* m_state;
};

} // namespace ui
