#include "ui/dialogs/PasswordPrompt.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ui {

PasswordPrompt::PasswordPrompt(const QString& accountId, const QString& accountName,
                               const QString& reason, bool keychainAvailable,
                               const QString& keychainMessage, QWidget* parent)
    : QDialog(parent)
    , m_accountId(accountId) {
    setObjectName(QStringLiteral("passwordPrompt"));
    setWindowTitle(tr("Password for %1").arg(accountName));
    auto* title = new QLabel(
        tr("Account <b>%1</b> needs its SIP password.").arg(accountName.toHtmlEscaped()), this);
    title->setTextFormat(Qt::RichText);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keychain = new QRadioButton(tr("Remember in the keychain"), this);
    m_keychain->setObjectName(QStringLiteral("rememberInKeychain"));
    m_session = new QRadioButton(tr("Keep for this session only"), this);
    m_session->setObjectName(QStringLiteral("keepForSession"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_keychain);
    group->addButton(m_session);
    m_keychain->setEnabled(keychainAvailable);
    (keychainAvailable ? m_keychain : m_session)->setChecked(true);
    if (!keychainAvailable) {
        m_keychain->setToolTip(keychainMessage.isEmpty()
                                   ? tr("Secure storage is unavailable.")
                                   : tr("Secure storage is unavailable: %1").arg(keychainMessage));
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setEnabled(false);
    connectButton->setDefault(true);
    connect(m_password, &QLineEdit::textChanged, connectButton,
            [connectButton](const QString& t) { connectButton->setEnabled(!t.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordPrompt::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_keychain);
    form->addRow(QString(), m_session);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setReason(reason);
    setMinimumWidth(360);
}

PasswordPrompt::~PasswordPrompt() = default;

void PasswordPrompt::setReason(const QString& reason) {
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    m_password->clear();
}

void PasswordPrompt::submit() {
    const QString password = m_password->text();
    if (password.isEmpty()) {
        return;
    }
    const bool remember = m_keychain->isEnabled() && m_keychain->isChecked();
    m_password->clear();
    Q_EMIT passwordEntered(m_accountId, password, remember);
    accept();
}

void PasswordPrompt::done(int result) {
    m_password->clear();
    QDialog::done(result);
}

} // namespace ui
