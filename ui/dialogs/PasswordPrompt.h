#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace ui {

/// Asks for the password of one account when services::AccountConnector::passwordRequired
/// fires. Non-blocking (shown with show(), never exec()): the rest of the app keeps working.
/// Shows the account name and why the password is needed, and offers "remember in the
/// keychain" (only when the keychain is available) or "keep for this session" (memory only).
///
/// On Connect it emits passwordEntered() and closes; the caller stores the password and
/// connects. The typed text is cleared when the dialog closes.
class PasswordPrompt : public QDialog {
    Q_OBJECT

public:
    /// `reason`: the connector's explanation; `keychainAvailable` false disables and unchecks
    /// "remember in the keychain", with `keychainMessage` saying why.
    PasswordPrompt(const QString& accountId, const QString& accountName, const QString& reason,
                   bool keychainAvailable, const QString& keychainMessage = {},
                   QWidget* parent = nullptr);
    ~PasswordPrompt() override;

    QString accountId() const { return m_accountId; }
    QLineEdit* passwordEdit() const { return m_password; }
    QRadioButton* keychainChoice() const { return m_keychain; }
    QRadioButton* sessionChoice() const { return m_session; }
    QLabel* reasonLabel() const { return m_reason; }
    /// Shows a new reason (e.g. the password was refused) and clears the field.
    void setReason(const QString& reason);

    /// Emits passwordEntered() and closes; does nothing while the field is empty.
    void submit();

Q_SIGNALS:
    /// `remember` true: store in the keychain; false: keep in memory for this session only.
    void passwordEntered(const QString& accountId, const QString& password, bool remember);

protected:
    void done(int result) override;

private:
    QString m_accountId;
    QLabel* m_reason = nullptr;
    QLineEdit* m_password = nullptr;
    QRadioButton* m_keychain = nullptr;
    QRadioButton* m_session = nullptr;
};

} // namespace ui
