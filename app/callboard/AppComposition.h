#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace core {
class Clock;
}
namespace emulator {
class EmulatorServer;
}
namespace wcs {
class Session;
}
namespace services {
class CallHistoryRecorder;
class CallService;
class History;
class SessionMonitor;
class StreamMonitor;
class WcsBinding;
} // namespace services
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

/// The composition root of the desktop app: builds the services, the models and the main
/// window and wires the user's intents to the services. With `demo` it starts the built-in
/// WCS emulator in-process on a free loopback port and connects one account ("Demo", SIP
/// login 1000) to it. The window is shown first; everything slow happens after the first paint.
class AppComposition : public QObject {
    Q_OBJECT

public:
    struct Options {
        bool demo = false;
        QString dial; ///< hidden: dial this number once the account is registered
        QString tab;  ///< tab shown at start: phone, streams, events, history
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
    services::CallService* calls() const { return m_calls.get(); }
    services::SessionMonitor* sessions() const { return m_sessions.get(); }
    models::CallListModel* callModel() const { return m_callModel.get(); }
    emulator::EmulatorServer* emulatorServer() const { return m_emulator.get(); }

Q_SIGNALS:
    /// The account registered (or is established, when it does not register).
    void accountReady(const QString& accountId);
    /// The demo server could not start.
    void connectFailed(const QString& reason);

private:
    void wireIntents();
    void connectDemo();
    void onReady();
    void dial(const QString& number);
    void showMessage(const QString& text);

    Options m_options;
    QString m_error;
    QString m_accountId;
    bool m_ready = false;
    bool m_demoStreamsPlayed = false;
    std::shared_ptr<core::Clock> m_clock;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<emulator::EmulatorServer> m_emulator;
    std::unique_ptr<services::History> m_history;
    std::unique_ptr<services::CallService> m_calls;
    std::unique_ptr<services::StreamMonitor> m_streams;
    std::unique_ptr<services::SessionMonitor> m_sessions;
    std::unique_ptr<services::CallHistoryRecorder> m_recorder;
    std::unique_ptr<wcs::Session> m_session;
    std::unique_ptr<services::WcsBinding> m_binding;
    std::unique_ptr<models::AccountListModel> m_accountModel;
    std::unique_ptr<models::CallListModel> m_callModel;
    std::unique_ptr<models::StreamTableModel> m_streamModel;
    std::unique_ptr<models::EventLogModel> m_eventModel;
    std::unique_ptr<models::HistoryModel> m_historyModel;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace app
