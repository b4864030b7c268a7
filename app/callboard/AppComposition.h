#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace services {
class AutostartEntry;
}
namespace emulator {
class EmulatorServer;
}
namespace models {
class AccountListModel;
class CallListModel;
class EventLogModel;
class HistoryModel;
class StreamTableModel;
} // namespace models
namespace ui {
class MainWindow;
}

namespace app {

class AppServices;
class TrayController;

/// The composition root of the desktop app: builds the services (AppServices), the models and
/// the main window, and wires the user's intents to the services. Accounts are the user's
/// profiles (services::AccountService), connected through services::AccountConnector: the
/// `profile` option, else every profile marked "connect at start".
///
/// With `demo` it uses a throw-away settings file and history in a temporary directory, starts
/// the built-in WCS emulator in-process on a free loopback port and connects one profile
/// ("Demo", SIP login 1000) to it. The window is shown first; everything slow (database,
/// keychain, demo server) happens after the first paint.
class AppComposition : public QObject {
    Q_OBJECT

public:
    struct Options {
        bool demo = false;
        QString dial;           ///< hidden: dial this number once the account is registered
        QString tab;            ///< tab shown at start: phone, streams, events, history
        QString profile;        ///< connect only the profile with this name (or id) at start
        bool minimized = false; ///< start hidden (tray) or minimised
    };

    /// The id of the demo account.
    static QString demoAccountId();

    explicit AppComposition(Options options, QObject* parent = nullptr);
    ~AppComposition() override;

    /// Builds and shows the window, then connects (next event loop turn). False with
    /// errorString() when the history database cannot be placed.
    bool start();
    QString errorString() const { return m_error; }

    ui::MainWindow* window() const { return m_window.get(); }
    AppServices& services() const { return *m_services; }
    models::CallListModel* callModel() const { return m_callModel.get(); }
    emulator::EmulatorServer* emulatorServer() const { return m_emulator.get(); }
    /// Tray, notifications, do-not-disturb, close-to-tray, hand-off; null before start().
    TrayController* trayController() const { return m_tray.get(); }
    /// The account the phone dials from: the phone panel's choice, else the first connected
    /// account that is registered (or established, without registration); empty when none.
    QString dialingAccount() const;

Q_SIGNALS:
    /// The account registered (or is established, when it does not register).
    void accountReady(const QString& accountId);
    /// The demo server could not start.
    void connectFailed(const QString& reason);

private:
    void wireIntents();
    void createControllers();
    void connectAtStart();
    void startDemo();
    void onReady(const QString& accountId);
    void dial(const QString& number);
    void showMessage(const QString& text);

    Options m_options;
    QString m_error;
    bool m_ready = false;
    bool m_demoStreamsPlayed = false;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<emulator::EmulatorServer> m_emulator;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<models::AccountListModel> m_accountModel;
    std::unique_ptr<models::CallListModel> m_callModel;
    std::unique_ptr<models::StreamTableModel> m_streamModel;
    std::unique_ptr<models::EventLogModel> m_eventModel;
    std::unique_ptr<models::HistoryModel> m_historyModel;
    std::unique_ptr<ui::MainWindow> m_window;
    // Controllers (see createControllers()); declared after the window they use.
    std::unique_ptr<services::AutostartEntry> m_autostart;
    std::unique_ptr<class MessagesController> m_messagesController;
    std::unique_ptr<class SettingsController> m_settingsController;
    std::unique_ptr<class IncomingCallController> m_incomingCalls;
    std::unique_ptr<class TrayController> m_tray;
    std::unique_ptr<class StreamActionsController> m_streamActions;
    std::unique_ptr<class DataController> m_dataController;
    std::unique_ptr<class PhoneController> m_phoneController;
    std::unique_ptr<class DebugController> m_debugController;
    std::unique_ptr<class ServersController> m_serversController;
};

} // namespace app
