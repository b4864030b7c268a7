#pragma once

#include <QMainWindow>

#include <memory>

class QAbstractItemModel;
class QTabWidget;
class QTableView;

namespace Ui {
class MainWindow;
}

namespace models {
class CallListModel;
class EventLogModel;
class HistoryModel;
class StreamTableModel;
} // namespace models

namespace ui {

class EventsPanel;
class PhonePanel;
class StatusStrip;
class StreamsPanel;

/// The main window: the account status strip on top, then tabs Phone / Streams / Events /
/// History. It only builds the views over the models it is given; the composition root wires
/// the intents (PhonePanel signals, CallListModel requests) to the services.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// The models shown; every one must outlive the window. `history` may be null (no tab).
    struct Models {
        QAbstractItemModel* accounts = nullptr; ///< models::AccountListModel
        models::CallListModel* calls = nullptr;
        models::StreamTableModel* streams = nullptr;
        models::EventLogModel* events = nullptr;
        models::HistoryModel* history = nullptr;
    };

    explicit MainWindow(const Models& models, QWidget* parent = nullptr);
    ~MainWindow() override;

    StatusStrip* statusStrip() const { return m_strip; }
    PhonePanel* phonePanel() const { return m_phone; }
    StreamsPanel* streamsPanel() const { return m_streams; }
    EventsPanel* eventsPanel() const { return m_events; }
    QTableView* historyView() const { return m_history; }
    QTabWidget* tabs() const;

    /// Shows the tab named `name`: "phone", "streams", "events" or "history". False if unknown.
    bool showTab(const QString& name);

private:
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    StatusStrip* m_strip;
    PhonePanel* m_phone;
    StreamsPanel* m_streams;
    EventsPanel* m_events;
    QTableView* m_history = nullptr;
};

} // namespace ui
