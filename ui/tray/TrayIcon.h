#pragma once

#include "core/RegistrationStatus.h"
#include "core/SessionStatus.h"
#include "services/NotificationKind.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace ui {

/// The system tray icon of Callboard: a view, the controller wires it to the services.
///
/// * Icon: a disc in the badge colour of the worst connection state over all accounts
///   (services::SessionMonitor::worstConnection(), mapped through StatusBadgeStyle::session:
///   green = ESTABLISHED/REGISTERED, blue = connecting, slate = DISCONNECTED, red = FAILED) with
///   the badge's shape in white; a small red "no entry" mark in the corner while
///   do-not-disturb is on. Drawn with QPainter, no image files.
/// * Tooltip: "Callboard" and one line per account: name, connection and registration text.
/// * Menu: Show/Hide window; one submenu per account profile with Connect and Disconnect; Do not
///   disturb (checkable); Quit.
///
/// Without a tray host (available() false) the QSystemTrayIcon is still built but never shown;
/// the menu and state work the same, so tests can drive them on the offscreen platform.
class TrayIcon : public QObject {
    Q_OBJECT

public:
    /// One account line of the tooltip and menu.
    struct Account {
        QString id;
        QString name; ///< profile name (id when empty)
        core::SessionStatus connection = core::SessionStatus::Disconnected;
        core::RegistrationStatus registration = core::RegistrationStatus::Unregistered;
        bool registrationWanted = false;
        bool connected = false; ///< AccountConnector has a live session (Disconnect enabled)
        QString info;           ///< reason of the last failure; may be empty
    };

    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    /// Whether the desktop has a tray host (QSystemTrayIcon::isSystemTrayAvailable()).
    static bool available();
    /// The badge the icon shows for the worst connection `worst`.
    static StatusBadgeStyle::Badge badgeFor(core::SessionStatus worst);
    /// The icon for `worst` (16, 22, 32, 48 and 64 px), with the do-not-disturb mark if `dnd`.
    static QIcon iconFor(core::SessionStatus worst, bool dnd);
    /// The tooltip text for these accounts (plain text, one line each).
    static QString toolTipFor(const QList<Account>& accounts, bool dnd);

    /// Updates icon, tooltip and the account submenus.
    void setState(core::SessionStatus worst, const QList<Account>& accounts);
    /// Checks the Do not disturb action (no doNotDisturbToggled() emitted) and redraws the icon.
    void setDoNotDisturb(bool on);
    /// The Show/Hide action says "Hide window" when `visible`, else "Show window".
    void setWindowVisible(bool visible);
    /// Shows a balloon/desktop notification (no-op without a tray host). `ms`: how long.
    void showMessage(services::NotificationKind kind, const QString& title, const QString& body,
                     int ms = 8000);
    /// Shows the icon when a tray host exists; false otherwise.
    bool show();

    core::SessionStatus worst() const { return m_worst; }
    QIcon icon() const;
    QString toolTip() const;
    QMenu* menu() const { return m_menu.get(); }
    QAction* showHideAction() const { return m_showHide; }
    QAction* doNotDisturbAction() const { return m_dnd; }
    QAction* quitAction() const { return m_quit; }
    /// The Connect / Disconnect action of account `id`; nullptr when unknown.
    QAction* connectAction(const QString& id) const;
    QAction* disconnectAction(const QString& id) const;
    QSystemTrayIcon* systemTrayIcon() const { return m_tray.get(); }

Q_SIGNALS:
    /// The user asked to show (or hide) the main window: menu or a click on the icon.
    void showHideRequested();
    void connectRequested(const QString& accountId);
    void disconnectRequested(const QString& accountId);
    /// The user switched do-not-disturb from the menu.
    void doNotDisturbToggled(bool on);
    void quitRequested();
    /// The user clicked the last notification.
    void messageClicked();

private:
    void rebuildAccounts(const QList<Account>& accounts);

    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    QAction* m_showHide = nullptr;
    QAction* m_accountsSeparator = nullptr;
    QAction* m_dnd = nullptr;
    QAction* m_quit = nullptr;
    QList<QMenu*> m_accountMenus;
    QList<Account> m_accounts;
    core::SessionStatus m_worst = core::SessionStatus::Disconnected;
};

} // namespace ui
