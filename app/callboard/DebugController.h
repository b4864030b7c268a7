#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QAbstractItemModel;

namespace ui {
class DebugPanel;
class MainWindow;
} // namespace ui

namespace app {

class AppServices;

/// Builds the Debug tab (ui::DebugPanel: server debug session switches, local log levels,
/// live log) and wires it: a switch sends `sessionDebug` start/stop (wcs::Session::startDebug /
/// stopDebug) on the account's session; the STARTED/STOPPED badge follows SessionMonitor; the
/// debug file the server names with STOPPED becomes a link (debugFileUrl()). A switch of an
/// account that is not connected, or a refused command, is said in the status bar.
class DebugController : public QObject {
    Q_OBJECT

public:
    /// `accounts` is the models::AccountListModel of the window. Everything given must
    /// outlive the controller. The tab is added to the window's tabs.
    DebugController(AppServices& services, ui::MainWindow* window, QAbstractItemModel* accounts,
                    QObject* parent = nullptr);
    ~DebugController() override;

    ui::DebugPanel* panel() const { return m_panel; }

    /// Where the WCS web server serves a debug `file` (spec §9.1: `http(s)://<host>:<webport>/
    /// <file>`) for a session on `serverUrl`: ws -> http, wss -> https; the default ports
    /// 8080 -> 8081 and 8443 -> 8444 (spec §1.1), any other port is kept. A `file` that is
    /// already an http(s) URL is returned as it is. Invalid QUrl for an empty file or a server
    /// URL without a host.
    static QUrl debugFileUrl(const QUrl& serverUrl, const QString& file);

    /// Switches the server debug session of `accountId`; false (and a status bar message) when
    /// the account is not connected or the session refused the command.
    bool setDebugSession(const QString& accountId, bool on);

private:
    void onStateChanged(const QString& accountId);
    void showMessage(const QString& text);

    AppServices& m_services;
    ui::MainWindow* m_window;
    ui::DebugPanel* m_panel; ///< owned by the window's tab widget
};

} // namespace app
