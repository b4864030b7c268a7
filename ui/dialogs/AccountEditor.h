#pragma once

#include "services/AccountFieldError.h"
#include "services/AccountProfile.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace services {
class AccountService;
class CredentialStore;
class SessionPasswordCache;
} // namespace services

namespace ui {

/// Edits one connection profile (services::AccountProfile) for WCS or SIP over WebSocket.
///
/// Every input is named after the AccountProfile member it edits (objectName "serverUrl",
/// "sipPort", ...); its error label is "error_<member>". Fields of the other backend are hidden
/// (appKey, customJson and keepAlive are WCS only). Save validates (AccountService::validate)
/// and shows each error under its field; a valid profile is added or updated at once.
///
/// The password is never part of the profile: typed into the password field it goes to the
/// keychain (AccountService::storePassword) or, by the explicit choice "ask each time", only
/// into the session's memory (services::SessionPasswordCache). The keychain's state is shown
/// (checked when the editor opens); when it is unavailable only the memory choice is offered.
/// An empty password field leaves a stored password as it is.
///
/// The "Media" tab holds the ICE servers of the account's calls (both backends): STUN server,
/// TURN server with its transport and user name, and the TURN password, which follows the same
/// storage choice as the account password (keychain key AccountService::turnCredentialKey(),
/// or the session's memory under that key).
class AccountEditor : public QDialog {
    Q_OBJECT

public:
    /// `profile` nullopt = a new profile; one with an empty id = a new profile prefilled (for
    /// "duplicate"). The references must outlive the editor.
    AccountEditor(services::AccountService& accounts, services::CredentialStore& credentials,
                  services::SessionPasswordCache& typedPasswords,
                  const std::optional<services::AccountProfile>& profile,
                  QWidget* parent = nullptr);
    ~AccountEditor() override;

    /// The profile as the inputs describe it now (not validated).
    services::AccountProfile profile() const;
    /// Validates and saves the profile, then the password; closes with accept() when done.
    /// False (dialog stays open) when a field is wrong or saving failed.
    bool save();
    /// Shows `errors` under their fields (an unknown field goes to the general message line)
    /// and clears the marks of every other field.
    void showErrors(const QList<services::AccountFieldError>& errors);

    /// The input editing AccountProfile member `field`, nullptr if none.
    QWidget* field(const QString& field) const { return m_fields.value(field); }
    /// Whether the input of `field` is offered for the current backend (false when hidden
    /// because it belongs to the other backend; independent of the tab shown).
    bool isFieldShown(const QString& field) const;
    /// The error label under that input.
    QLabel* errorLabel(const QString& field) const { return m_errors.value(field); }
    QLabel* keychainState() const { return m_keychainState; }
    QRadioButton* keychainChoice() const { return m_storeInKeychain; }
    QRadioButton* sessionChoice() const { return m_askEachTime; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* turnPasswordEdit() const { return m_turnPassword; }

Q_SIGNALS:
    /// The profile was stored (and its password, when one was typed).
    void saved(const QString& id);

private:
    QWidget* addField(QFormLayout* form, const QString& name, const QString& label, QWidget* input);
    void setRowShown(const QString& name, bool shown);
    void updateBackend();
    void setKeychainAvailable(bool available, const QString& message);
    /// Makes the shown dialog tall enough for error lines that appeared (no squeezed inputs).
    void growToFit();
    void savePassword(const QString& id);
    /// Stores the typed account password (`turn` false) or TURN password in the keychain,
    /// then the TURN password, then accept(); an empty field is skipped.
    void storeInKeychain(const QString& id, bool turn);
    QWidget* buildMediaTab();
    void fill(const services::AccountProfile& p);

    services::AccountService& m_accounts;
    services::CredentialStore& m_credentials;
    services::SessionPasswordCache& m_typed;
    QString m_id; ///< empty while the profile is new
    QTabWidget* m_tabs = nullptr;
    QHash<QString, QWidget*> m_fields;
    QHash<QString, QLabel*> m_errors;
    QHash<QString, QWidget*> m_rows; ///< field container, for hiding
    QHash<QString, QFormLayout*> m_formOf;
    QLineEdit* m_name = nullptr;
    QComboBox* m_backend = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_appKey = nullptr;
    QLineEdit* m_sipLogin = nullptr;
    QLineEdit* m_sipAuth = nullptr;
    QLineEdit* m_sipDomain = nullptr;
    QLineEdit* m_sipProxy = nullptr;
    QSpinBox* m_sipPort = nullptr;
    QCheckBox* m_register = nullptr;
    QCheckBox* m_autoConnect = nullptr;
    QPlainTextEdit* m_customJson = nullptr;
    QCheckBox* m_keepAlive = nullptr;
    QSpinBox* m_reconnectMin = nullptr;
    QSpinBox* m_reconnectMax = nullptr;
    QSpinBox* m_watchdog = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_stunServer = nullptr;
    QLineEdit* m_turnServer = nullptr;
    QComboBox* m_turnTransport = nullptr;
    QLineEdit* m_turnUser = nullptr;
    QLineEdit* m_turnPassword = nullptr;
    QLineEdit* m_password = nullptr;
    QRadioButton* m_storeInKeychain = nullptr;
    QRadioButton* m_askEachTime = nullptr;
    QLabel* m_keychainState = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace ui
