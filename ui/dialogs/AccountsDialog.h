#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;

namespace services {
class AccountConnector;
class AccountService;
class CredentialStore;
class SessionMonitor;
class SessionPasswordCache;
} // namespace services

namespace ui {

class AccountEditor;

/// File > Accounts: every connection profile (services::AccountService) with its server type
/// and its connection state (from services::SessionMonitor, refreshed live); Add, Edit,
/// Duplicate, Remove, and Connect/Disconnect through
/// services::AccountConnector. Editing happens in a ui::AccountEditor. Connection failures of
/// the selected profile are shown on the message line under the list.
///
/// Every reference must outlive the dialog.
class AccountsDialog : public QDialog {
    Q_OBJECT

public:
    AccountsDialog(services::AccountService& accounts, services::AccountConnector& connector,
                   services::SessionMonitor& sessions, services::CredentialStore& credentials,
                   services::SessionPasswordCache& typedPasswords, QWidget* parent = nullptr);
    ~AccountsDialog() override;

    QListWidget* list() const { return m_list; }
    /// The id of the selected profile, empty when none.
    QString selectedId() const;
    /// Selects the profile with this id; false when it is not listed.
    bool select(const QString& id);
    /// The editor open now (Add/Edit/Duplicate), nullptr when none.
    AccountEditor* editor() const;

    /// The actions of the buttons (also for tests): open an editor (non-blocking).
    void addProfile();
    void editSelected();
    void duplicateSelected();
    /// Removes the selected profile after asking; `confirm` false skips the question.
    void removeSelected(bool confirm = true);
    void connectSelected();
    void disconnectSelected();

private:
    void reload();
    void updateButtons();
    void openEditor(AccountEditor* editor);
    void showMessage(const QString& text);

    services::AccountService& m_accounts;
    services::AccountConnector& m_connector;
    services::SessionMonitor& m_sessions;
    services::CredentialStore& m_credentials;
    services::SessionPasswordCache& m_typed;
    QListWidget* m_list = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_connect = nullptr;
    QPushButton* m_disconnect = nullptr;
    QLabel* m_message = nullptr;
    QPointer<AccountEditor> m_editor;
};

} // namespace ui
