#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace models {
class LogFilterProxy;
class LogLineModel;
} // namespace models
namespace services {
class LogControl;
}

namespace ui {

/// The live log of the debug panel: the lines of services::LogControl's ring buffer (already
/// redacted by the sink), new lines appear as they are logged. Filters by category and
/// minimum level and by text; "Follow" keeps the newest line in view (scrolling up turns it
/// off, scrolling to the end turns it on again); Clear empties the view; "Export logs…" writes
/// the whole ring buffer to a text file (LogControl::exportLogs).
class LogView : public QWidget {
    Q_OBJECT

public:
    /// `control` must outlive the view.
    explicit LogView(services::LogControl* control, QWidget* parent = nullptr);

    models::LogLineModel* lineModel() const { return m_lines; }
    models::LogFilterProxy* proxy() const { return m_proxy; }
    QListView* list() const { return m_list; }
    QComboBox* categoryCombo() const { return m_category; }
    QComboBox* levelCombo() const { return m_level; }
    QLineEdit* searchEdit() const { return m_search; }
    QCheckBox* followCheck() const { return m_follow; }
    QPushButton* exportButton() const { return m_export; }
    QLabel* stateLabel() const { return m_state; }

    /// Writes the stored log lines to `path`. False with the reason in stateLabel() (and
    /// `error`, if given) when the file cannot be written.
    bool exportTo(const QString& path, QString* error = nullptr);

private:
    void askExport();
    void applyFilters();
    void updateState();

    services::LogControl* m_control;
    models::LogLineModel* m_lines;
    models::LogFilterProxy* m_proxy;
    QComboBox* m_category;
    QComboBox* m_level;
    QLineEdit* m_search;
    QCheckBox* m_follow;
    QPushButton* m_clear;
    QPushButton* m_export;
    QListView* m_list;
    QLabel* m_state;
};

} // namespace ui
