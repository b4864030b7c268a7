#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QAction;

namespace models {
class EventLogModel;
}
namespace services {
class DialTarget;
class DoNotDisturbPolicy;
class Notifier;
} // namespace services
namespace ui {
class MainWindow;
class TrayIcon;
} // namespace ui

namespace app {

class AppServices;

/// Wires the tray, notifications, do-not-disturb, close-to-tray and the hand-off of a second
/// launch:
/// * ui::TrayIcon follows SessionMonitor (icon = worst connection, tooltip per account), its
///   menu connects/disconnects profiles through AccountConnector, switches
///   AppSettings::doNotDisturb and quits;
/// * services::Notifier's notifications are shown by the tray (or in the status bar without a
///   tray host);
/// * services::DoNotDisturbPolicy rejects incoming calls while do-not-disturb is on and writes
///   a journal line (History + the event log);
/// * closing the main window hides it when AppSettings::closeToTray() and a tray host exist,
///   otherwise it quits; every quit path (window, File > Quit, tray) closes the sessions first;
/// * File > Do not disturb mirrors the tray's switch (for desktops without a tray);
/// * without a tray host the app says so once (status bar and a `callboard.ui` log line).
class TrayController : public QObject {
    Q_OBJECT

public:
    /// `services`, `window` and `events` must outlive the controller; `events` may be null.
    TrayController(AppServices& services, ui::MainWindow* window, models::EventLogModel* events,
                   QObject* parent = nullptr);
    ~TrayController() override;

    /// True when the tray icon is shown (a tray host exists).
    bool hasTray() const { return m_trayShown; }
    ui::TrayIcon* trayIcon() const { return m_tray.get(); }
    services::Notifier& notifier() const { return *m_notifier; }
    services::DoNotDisturbPolicy& doNotDisturb() const { return *m_dnd; }

    /// Shows, un-minimises, raises and activates the main window.
    void presentWindow();
    /// Shows or hides the main window (tray click, Show/Hide).
    void toggleWindow();
    /// Puts a parsed URI/number into the phone's number field and focuses Dial (no call is
    /// placed); an invalid target is explained in the status bar.
    void applyDialTarget(const services::DialTarget& target);
    /// A second launch's message (SingleInstance::messageReceived): presents the window and
    /// applies its URI, if any.
    void handOff(const QJsonObject& message);
    /// Closes every session, then quits the event loop shortly after (so close frames leave).
    void quit();
    /// Replaces QCoreApplication::quit (tests).
    void setQuitFunction(std::function<void()> quit) { m_quitFunction = std::move(quit); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void scheduleRefresh();
    void refresh();
    void showStatus(const QString& text);
    QString accountName(const QString& id) const;

    AppServices& m_services;
    ui::MainWindow* m_window;
    models::EventLogModel* m_events;
    std::unique_ptr<ui::TrayIcon> m_tray;
    std::unique_ptr<services::Notifier> m_notifier;
    std::unique_ptr<services::DoNotDisturbPolicy> m_dnd;
    std::function<void()> m_quitFunction;
    QAction* m_windowDnd = nullptr; ///< File > Do not disturb (owned by the window)
    bool m_trayShown = false;
    bool m_refreshScheduled = false;
    bool m_quitting = false;
    bool m_toldHidden = false;
};

} // namespace app
