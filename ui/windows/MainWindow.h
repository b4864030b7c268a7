#pragma once

#include <QMainWindow>

#include <memory>

class QAbstractItemModel;
class QAction;
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

class DataPanel;
class EventsPanel;
class HistoryPanel;
class MessagesPanel;
class PhonePanel;
class ServersPanel;
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
    /// The Data tab (sendData / OnDataEvent), wired by app::DataController.
    DataPanel* dataPanel() const { return m_data; }
    /// The Messages tab (SIP MESSAGE conversations), wired by app::MessagesController.
    MessagesPanel* messagesPanel() const { return m_messages; }
    /// The History tab (null without a history model) and its table.
    HistoryPanel* historyPanel() const { return m_historyPanel; }
    QTableView* historyView() const { return m_history; }
    /// The Servers tab (hook server, REST API nodes; wired by app::ServersController).
    ServersPanel* serversPanel() const { return m_servers; }
    QTabWidget* tabs() const;
    /// File > Accounts… and File > Settings… (wired by app::SettingsController).
    QAction* accountsAction() const;
    QAction* settingsAction() const;

    /// Shows the tab named `name`: "phone", "streams", "servers", "data", "messages",
    /// "events" or "history".
    /// False if unknown.
    bool showTab(const QString& name);

private:
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    StatusStrip* m_strip;
    PhonePanel* m_phone;
    StreamsPanel* m_streams;
    EventsPanel* m_events;
    DataPanel* m_data = nullptr;
    MessagesPanel* m_messages = nullptr;
    QTableView* m_history = nullptr;
    HistoryPanel* m_historyPanel = nullptr;
    ServersPanel* m_servers = nullptr;
};

} // namespace ui
