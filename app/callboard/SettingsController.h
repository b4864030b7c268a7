#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace services {
class AudioDevices;
}
namespace ui {
class AccountsDialog;
class MainWindow;
class PasswordPrompt;
class SettingsDialog;
} // namespace ui

namespace app {

class AppServices;

/// Wires File > Settings… (ui::SettingsDialog over services::AppSettings) and File >
/// Accounts… (ui::AccountsDialog), and answers services::AccountConnector::passwordRequired
/// with a non-blocking ui::PasswordPrompt: the typed password goes to the keychain ("remember")
/// or to the session's memory (services::SessionPasswordCache), then the account connects.
/// A keychain that refuses the password is reported in the status bar and the prompt comes
/// back with only the memory choice; nothing is ever written in plaintext. When the server
/// refuses the password (registration AUTHENTICATION_FAIL), the account is disconnected (no
/// retry loop with a wrong password), a password kept in memory is forgotten and the prompt
/// asks again.
///
/// `services` and `window` must outlive the controller.
class SettingsController : public QObject {
    Q_OBJECT

public:
    SettingsController(AppServices& services, ui::MainWindow* window, QObject* parent = nullptr);
    ~SettingsController() override;

    /// Where translations (`callboard_<code>.qm`) are looked for: the installed
    /// `<app dir>/../share/callboard/translations`, then the build tree's
    /// `<app dir>/../../translations`.
    static QStringList translationDirs();

    /// Opens (or raises) the dialogs; they are non-blocking.
    ui::SettingsDialog* openSettings();
    ui::AccountsDialog* openAccounts();
    /// Asks for the password of `accountId` (one prompt per account; a second request updates
    /// the reason of the open one).
    ui::PasswordPrompt* askPassword(const QString& accountId, const QString& reason);

private:
    void onPasswordEntered(const QString& accountId, const QString& password, bool remember);
    void showMessage(const QString& text);
    void onSessionState(const QString& accountId);

    AppServices& m_services;
    ui::MainWindow* m_window;
    services::AudioDevices* m_devices; ///< child
    QPointer<ui::SettingsDialog> m_settingsDialog;
    QPointer<ui::AccountsDialog> m_accountsDialog;
    QHash<QString, QPointer<ui::PasswordPrompt>> m_prompts;
    /// Per account: registrationSinceMs of the AUTHENTICATION_FAIL already handled.
    QHash<QString, qint64> m_handledRefusals;
};

} // namespace app
