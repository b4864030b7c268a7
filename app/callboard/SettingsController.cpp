#include "SettingsController.h"

#include "AppServices.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/AudioDevices.h"
#include "services/CredentialStore.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "ui/dialogs/AccountsDialog.h"
#include "ui/dialogs/PasswordPrompt.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/windows/MainWindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QStatusBar>

namespace app {

SettingsController::SettingsController(AppServices& services, ui::MainWindow* window,
                                       QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_devices(new services::AudioDevices(this)) {
    connect(m_window->settingsAction(), &QAction::triggered, this,
            &SettingsController::openSettings);
    connect(m_window->accountsAction(), &QAction::triggered, this,
            &SettingsController::openAccounts);
    connect(&m_services.connector(), &services::AccountConnector::passwordRequired, this,
            &SettingsController::askPassword);
    // Queued: the handler disconnects the session that is reporting.
    connect(&m_services.sessions(), &services::SessionMonitor::stateChanged, this,
            &SettingsController::onSessionState, Qt::QueuedConnection);
}

SettingsController::~SettingsController() {
    // Dialogs are children of the window; prompts too. Close what is still open.
    for (const QPointer<ui::PasswordPrompt>& p : std::as_const(m_prompts)) {
        delete p.data();
    }
}

QStringList SettingsController::translationDirs() {
    const QString app = QCoreApplication::applicationDirPath();
    return {app + QStringLiteral("/../share/callboard/translations"),
            app + QStringLiteral("/../../translations")};
}

ui::SettingsDialog* SettingsController::openSettings() {
    ui::SettingsDialog* dialog = m_settingsDialog.data();
    if (!dialog) {
        dialog =
            new ui::SettingsDialog(m_services.settings(), *m_devices, translationDirs(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_settingsDialog = dialog;
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

ui::AccountsDialog* SettingsController::openAccounts() {
    ui::AccountsDialog* dialog = m_accountsDialog.data();
    if (!dialog) {
        dialog = new ui::AccountsDialog(m_services.accounts(), m_services.connector(),
                                        m_services.sessions(), m_services.credentials(),
                                        m_services.typedPasswords(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_accountsDialog = dialog;
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

ui::PasswordPrompt* SettingsController::askPassword(const QString& accountId,
                                                    const QString& reason) {
    if (ui::PasswordPrompt* open = m_prompts.value(accountId).data()) {
        open->setReason(reason);
        open->raise();
        return open;
    }
    const auto profile = m_services.accounts().profile(accountId);
    const services::CredentialStore& store = m_services.credentials();
    const bool keychain =
        store.availability() != services::CredentialStore::Availability::Unavailable;
    auto* prompt = new ui::PasswordPrompt(accountId, profile ? profile->name : accountId, reason,
                                          keychain, store.availabilityMessage(), m_window);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    connect(prompt, &ui::PasswordPrompt::passwordEntered, this,
            &SettingsController::onPasswordEntered);
    m_prompts.insert(accountId, prompt);
    prompt->show(); // non-blocking: calls and streams go on meanwhile
    return prompt;
}

void SettingsController::onPasswordEntered(const QString& accountId, const QString& password,
                                           bool remember) {
    if (!remember) {
        m_services.typedPasswords().set(accountId, password);
        m_services.connector().connectAccount(accountId);
        return;
    }
    QPointer<SettingsController> self(this);
    m_services.accounts().storePassword(
        accountId, password, [self, accountId](const services::KeychainResult<void>& r) {
            SettingsController* c = self.data();
            if (!c) {
                return;
            }
            if (r.ok()) {
                c->m_services.connector().connectAccount(accountId);
                return;
            }
            c->showMessage(tr("The password could not be stored: %1").arg(r.error().message));
            c->askPassword(accountId,
                           tr("The keychain refused the password: %1").arg(r.error().message));
        });
}

void SettingsController::onSessionState(const QString& accountId) {
    const services::AccountState state = m_services.sessions().state(accountId);
    if (state.registration != core::RegistrationStatus::AuthenticationFail) {
        return;
    }
    const auto profile = m_services.accounts().profile(accountId);
    if (!profile || profile->sipLogin.isEmpty() ||
        m_handledRefusals.value(accountId, -1) == state.registrationSinceMs ||
        !m_services.connector().isConnected(accountId)) {
        return;
    }
    m_handledRefusals.insert(accountId, state.registrationSinceMs);
    m_services.connector().disconnectAccount(accountId);
    m_services.typedPasswords().clear(accountId);
    askPassword(accountId,
                state.registrationInfo.isEmpty()
                    ? tr("The server refused the password.")
                    : tr("The server refused the password: %1").arg(state.registrationInfo));
}

void SettingsController::showMessage(const QString& text) {
    m_window->statusBar()->showMessage(text, 10000);
}

} // namespace app
