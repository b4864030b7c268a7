#include "ui/dialogs/AccountEditor.h"

#include "services/AccountService.h"
#include "services/CredentialStore.h"
#include "services/SessionPasswordCache.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

using services::AccountProfile;

namespace {

QSpinBox* msSpin(QWidget* parent, int min) {
    auto* box = new QSpinBox(parent);
    box->setRange(min, 24 * 3600 * 1000);
    box->setSingleStep(1000);
    box->setSuffix(QStringLiteral(" ms"));
    return box;
}

} // namespace

AccountEditor::AccountEditor(services::AccountService& accounts,
                             services::CredentialStore& credentials,
                             services::SessionPasswordCache& typedPasswords,
                             const std::optional<AccountProfile>& profile, QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_typed(typedPasswords) {
    setObjectName(QStringLiteral("accountEditor"));
    m_id = profile ? profile->id : QString();
    setWindowTitle(m_id.isEmpty() ? tr("New account") : tr("Edit account"));
    m_tabs = new QTabWidget(this);

    auto* main = new QWidget(m_tabs);
    auto* form = new QFormLayout(main);
    m_name = new QLineEdit(main);
    addField(form, QStringLiteral("name"), tr("&Name:"), m_name);
    m_backend = new QComboBox(main);
    m_backend->addItem(tr("Web Call Server (WCS)"), static_cast<int>(AccountProfile::Backend::Wcs));
    m_backend->addItem(tr("SIP over WebSocket"),
                       static_cast<int>(AccountProfile::Backend::SipWebSocket));
    addField(form, QStringLiteral("backend"), tr("&Server type:"), m_backend);
    m_url = new QLineEdit(main);
    m_url->setPlaceholderText(QStringLiteral("wss://wcs.example.net:8443"));
    addField(form, QStringLiteral("serverUrl"), tr("Server &URL:"), m_url);
    m_appKey = new QLineEdit(main);
    addField(form, QStringLiteral("appKey"), tr("&App key:"), m_appKey);
    m_sipLogin = new QLineEdit(main);
    addField(form, QStringLiteral("sipLogin"), tr("SIP &login:"), m_sipLogin);
    m_sipAuth = new QLineEdit(main);
    m_sipAuth->setPlaceholderText(tr("same as the login"));
    addField(form, QStringLiteral("sipAuthenticationName"), tr("Auth &name:"), m_sipAuth);
    m_sipDomain = new QLineEdit(main);
    addField(form, QStringLiteral("sipDomain"), tr("SIP &domain:"), m_sipDomain);
    m_sipProxy = new QLineEdit(main);
    addField(form, QStringLiteral("sipOutboundProxy"), tr("Outbound &proxy:"), m_sipProxy);
    m_sipPort = new QSpinBox(main);
    m_sipPort->setRange(0, 65535);
    m_sipPort->setSpecialValueText(tr("default"));
    addField(form, QStringLiteral("sipPort"), tr("SIP p&ort:"), m_sipPort);
    m_register = new QCheckBox(tr("&Register the SIP login"), main);
    addField(form, QStringLiteral("registerRequired"), QString(), m_register);
    m_autoConnect = new QCheckBox(tr("Connect when Callboard &starts"), main);
    addField(form, QStringLiteral("autoConnect"), QString(), m_autoConnect);

    // Password: keychain or memory, never the settings file.
    m_password = new QLineEdit(main);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_id.isEmpty() ? QString() : tr("unchanged"));
    form->addRow(tr("Pass&word:"), m_password);
    m_storeInKeychain = new QRadioButton(tr("Store in the keychain"), main);
    m_storeInKeychain->setObjectName(QStringLiteral("storeInKeychain"));
    m_askEachTime = new QRadioButton(tr("Ask each time (keep in memory for this session)"), main);
    m_askEachTime->setObjectName(QStringLiteral("askEachTime"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_storeInKeychain);
    group->addButton(m_askEachTime);
    m_storeInKeychain->setChecked(true);
    m_keychainState = new QLabel(tr("Checking the keychain…"), main);
    m_keychainState->setObjectName(QStringLiteral("keychainState"));
    m_keychainState->setWordWrap(true);
    form->addRow(QString(), m_storeInKeychain);
    form->addRow(QString(), m_askEachTime);
    form->addRow(QString(), m_keychainState);
    m_tabs->addTab(main, tr("Account"));

    auto* advanced = new QWidget(m_tabs);
    auto* advOuter = new QVBoxLayout(advanced);
    auto* adv = new QFormLayout;
    advOuter->addLayout(adv);
    advOuter->addStretch(); // extra height goes below the fields, not into them
    m_customJson = new QPlainTextEdit(advanced);
    m_customJson->setPlaceholderText(QStringLiteral("{\"key\": \"value\"}"));
    m_customJson->setTabChangesFocus(true);
    m_customJson->setMaximumHeight(80);
    addField(adv, QStringLiteral("customJson"), tr("&Custom JSON:"), m_customJson);
    m_keepAlive = new QCheckBox(tr("&Keep the server session across reconnects"), advanced);
    addField(adv, QStringLiteral("keepAlive"), QString(), m_keepAlive);
    m_reconnectMin = msSpin(advanced, 0);
    addField(adv, QStringLiteral("reconnectMinMs"), tr("Reconnect after (min):"), m_reconnectMin);
    m_reconnectMax = msSpin(advanced, 0);
    addField(adv, QStringLiteral("reconnectMaxMs"), tr("Reconnect after (max):"), m_reconnectMax);
    m_watchdog = msSpin(advanced, 0);
    m_watchdog->setSpecialValueText(tr("off"));
    addField(adv, QStringLiteral("watchdogMs"), tr("Silence &watchdog:"), m_watchdog);
    m_caFile = new QLineEdit(advanced);
    m_caFile->setPlaceholderText(tr("PEM file with extra CA certificates"));
    addField(adv, QStringLiteral("tlsCaFile"), tr("TLS C&A file:"), m_caFile);
    QAction* browse = m_caFile->addAction(style()->standardIcon(QStyle::SP_DirOpenIcon),
                                          QLineEdit::TrailingPosition);
    browse->setToolTip(tr("Choose a file…"));
    connect(browse, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificates"), m_caFile->text(), tr("PEM files (*.pem *.crt);;All (*)"));
        if (!file.isEmpty()) {
            m_caFile->setText(file);
        }
    });
    m_pin = new QLineEdit(advanced);
    m_pin->setPlaceholderText(tr("SHA-256 of the server certificate (hex)"));
    addField(adv, QStringLiteral("tlsPinnedSha256"), tr("Pinned &certificate:"), m_pin);
    m_tabs->addTab(advanced, tr("Advanced"));
    m_tabs->addTab(buildMediaTab(), tr("Media"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_message->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    fill(profile.value_or(AccountProfile{}));
    connect(m_backend, &QComboBox::currentIndexChanged, this, &AccountEditor::updateBackend);
    updateBackend();

    connect(&m_credentials, &services::CredentialStore::availabilityChanged, this,
            [this](services::CredentialStore::Availability a, const QString& message) {
                if (a != services::CredentialStore::Availability::Unknown) {
                    setKeychainAvailable(a == services::CredentialStore::Availability::Available,
                                         message);
                }
            });
    if (m_credentials.availability() != services::CredentialStore::Availability::Unknown) {
        setKeychainAvailable(m_credentials.availability() ==
                                 services::CredentialStore::Availability::Available,
                             m_credentials.availabilityMessage());
    }
    QPointer<AccountEditor> self(this);
    m_credentials.checkAvailability([self](const services::KeychainResult<void>& r) {
        if (self) {
            self->setKeychainAvailable(r.ok(), r.ok() ? QString() : r.error().message);
        }
    });
}

AccountEditor::~AccountEditor() = default;

QWidget* AccountEditor::buildMediaTab() {
    auto* media = new QWidget(m_tabs);
    auto* outer = new QVBoxLayout(media);
    auto* intro = new QLabel(tr("Optional servers that help calls through NAT and firewalls "
                                "(ICE). Leave them empty on a local network."),
                             media);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch();
    m_stunServer = new QLineEdit(media);
    m_stunServer->setPlaceholderText(tr("host:port (port 3478 if left out)"));
    addField(form, QStringLiteral("stunServer"), tr("S&TUN server:"), m_stunServer);
    m_turnServer = new QLineEdit(media);
    m_turnServer->setPlaceholderText(tr("host:port (3478; 5349 over TLS)"));
    addField(form, QStringLiteral("turnServer"), tr("T&URN server:"), m_turnServer);
    m_turnTransport = new QComboBox(media);
    m_turnTransport->addItem(tr("UDP"), static_cast<int>(AccountProfile::TurnTransport::Udp));
    m_turnTransport->addItem(tr("TCP"), static_cast<int>(AccountProfile::TurnTransport::Tcp));
    m_turnTransport->addItem(tr("TLS"), static_cast<int>(AccountProfile::TurnTransport::Tls));
    addField(form, QStringLiteral("turnTransport"), tr("TURN tr&ansport:"), m_turnTransport);
    m_turnUser = new QLineEdit(media);
    addField(form, QStringLiteral("turnUser"), tr("TURN us&er:"), m_turnUser);
    // Like the account password: keychain or memory (the choice on the Account tab).
    m_turnPassword = new QLineEdit(media);
    m_turnPassword->setObjectName(QStringLiteral("turnPassword"));
    m_turnPassword->setEchoMode(QLineEdit::Password);
    m_turnPassword->setPlaceholderText(m_id.isEmpty() ? QString() : tr("unchanged"));
    m_turnPassword->setToolTip(tr("Kept like the account password: in the keychain, or in "
                                  "memory for this session (see the Account tab)."));
    form->addRow(tr("TURN pass&word:"), m_turnPassword);
    return media;
}

QWidget* AccountEditor::addField(QFormLayout* form, const QString& name, const QString& label,
                                 QWidget* input) {
    auto* row = new QWidget(input->parentWidget());
    auto* box = new QVBoxLayout(row);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    input->setParent(row);
    input->setObjectName(name);
    box->addWidget(input);
    auto* error = new QLabel(row);
    error->setObjectName(QStringLiteral("error_") + name);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->hide();
    box->addWidget(error);
    if (label.isEmpty()) {
        form->addRow(row);
    } else {
        form->addRow(label, row);
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(row))) {
            l->setBuddy(input);
        }
    }
    m_fields.insert(name, input);
    m_errors.insert(name, error);
    m_rows.insert(name, row);
    m_formOf.insert(name, form);
    return row;
}

bool AccountEditor::isFieldShown(const QString& field) const {
    const QWidget* row = m_rows.value(field);
    return row != nullptr && !row->isHidden();
}

void AccountEditor::setRowShown(const QString& name, bool shown) {
    QWidget* row = m_rows.value(name);
    if (!row) {
        return;
    }
    if (QFormLayout* form = m_formOf.value(name)) {
        form->setRowVisible(row, shown);
    }
}

void AccountEditor::updateBackend() {
    const bool wcs =
        m_backend->currentData().toInt() == static_cast<int>(AccountProfile::Backend::Wcs);
    for (const char* name : {"appKey", "customJson", "keepAlive"}) {
        setRowShown(QString::fromLatin1(name), wcs);
    }
    m_sipLogin->setPlaceholderText(wcs ? tr("optional: no SIP without it") : QString());
}

void AccountEditor::fill(const AccountProfile& p) {
    m_name->setText(p.name);
    m_backend->setCurrentIndex(qMax(0, m_backend->findData(static_cast<int>(p.backend))));
    m_url->setText(p.serverUrl.toString());
    m_appKey->setText(p.appKey);
    m_sipLogin->setText(p.sipLogin);
    m_sipAuth->setText(p.sipAuthenticationName);
    m_sipDomain->setText(p.sipDomain);
    m_sipProxy->setText(p.sipOutboundProxy);
    m_sipPort->setValue(p.sipPort);
    m_register->setChecked(p.registerRequired);
    m_autoConnect->setChecked(p.autoConnect);
    m_customJson->setPlainText(QString::fromUtf8(p.customJson));
    m_keepAlive->setChecked(p.keepAlive);
    m_reconnectMin->setValue(p.reconnectMinMs);
    m_reconnectMax->setValue(p.reconnectMaxMs);
    m_watchdog->setValue(p.watchdogMs);
    m_caFile->setText(p.tlsCaFile);
    m_pin->setText(QString::fromLatin1(p.tlsPinnedSha256));
    m_stunServer->setText(p.stunServer);
    m_turnServer->setText(p.turnServer);
    m_turnTransport->setCurrentIndex(
        qMax(0, m_turnTransport->findData(static_cast<int>(p.turnTransport))));
    m_turnUser->setText(p.turnUser);
    m_askEachTime->setChecked(
        !p.id.isEmpty() && (m_typed.contains(p.id) ||
                            m_typed.contains(services::AccountService::turnCredentialKey(p.id))));
    m_storeInKeychain->setChecked(!m_askEachTime->isChecked());
}

AccountProfile AccountEditor::profile() const {
    AccountProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.backend = static_cast<AccountProfile::Backend>(m_backend->currentData().toInt());
    p.serverUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    const bool wcs = p.backend == AccountProfile::Backend::Wcs;
    p.appKey = wcs ? m_appKey->text().trimmed() : QString();
    p.sipLogin = m_sipLogin->text().trimmed();
    p.sipAuthenticationName = m_sipAuth->text().trimmed();
    p.sipDomain = m_sipDomain->text().trimmed();
    p.sipOutboundProxy = m_sipProxy->text().trimmed();
    p.sipPort = m_sipPort->value();
    p.registerRequired = m_register->isChecked();
    p.autoConnect = m_autoConnect->isChecked();
    p.customJson = wcs ? m_customJson->toPlainText().trimmed().toUtf8() : QByteArray();
    p.keepAlive = wcs && m_keepAlive->isChecked();
    p.reconnectMinMs = m_reconnectMin->value();
    p.reconnectMaxMs = m_reconnectMax->value();
    p.watchdogMs = m_watchdog->value();
    p.tlsCaFile = m_caFile->text().trimmed();
    p.tlsPinnedSha256 = m_pin->text().trimmed().toLatin1();
    p.stunServer = m_stunServer->text().trimmed();
    p.turnServer = m_turnServer->text().trimmed();
    p.turnTransport =
        static_cast<AccountProfile::TurnTransport>(m_turnTransport->currentData().toInt());
    p.turnUser = m_turnUser->text();
    return p;
}

void AccountEditor::showErrors(const QList<services::AccountFieldError>& errors) {
    for (QLabel* label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    for (QWidget* input : std::as_const(m_fields)) {
        input->setAccessibleDescription(QString());
    }
    QWidget* firstInput = nullptr;
    QStringList general;
    int firstTab = -1;
    for (const services::AccountFieldError& e : errors) {
        QLabel* label = m_errors.value(e.field);
        QWidget* row = m_rows.value(e.field);
        if (!label || !row || row->isHidden()) {
            general.append(e.message);
            continue;
        }
        label->setText(label->text().isEmpty() ? e.message : label->text() + u'\n' + e.message);
        label->show();
        QWidget* input = m_fields.value(e.field);
        input->setAccessibleDescription(label->text()); // screen readers hear the error
        if (!firstInput) {
            firstInput = input;
        }
        for (int i = 0; firstTab < 0 && i < m_tabs->count(); ++i) {
            if (m_tabs->widget(i)->isAncestorOf(row)) {
                firstTab = i;
            }
        }
    }
    if (firstTab >= 0) {
        m_tabs->setCurrentIndex(firstTab);
    }
    if (firstInput) {
        firstInput->setFocus(Qt::OtherFocusReason);
    }
    m_message->setText(general.join(u'\n'));
    m_message->setVisible(!general.isEmpty());
    growToFit();
}

bool AccountEditor::save() {
    const AccountProfile p = profile();
    const QList<services::AccountFieldError> errors = services::AccountService::validate(p);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return false;
    }
    const services::AccountSaveResult result =
        m_id.isEmpty() ? m_accounts.add(p) : m_accounts.update(p);
    if (!result.ok()) {
        showErrors(result.errors);
        return false;
    }
    showErrors({});
    m_id = result.id;
    Q_EMIT saved(m_id);
    savePassword(m_id);
    return true;
}

void AccountEditor::savePassword(const QString& id) {
    if (m_askEachTime->isChecked()) {
        // The explicit choice: memory only. A typed password is kept for this session.
        if (!m_password->text().isEmpty()) {
            m_typed.set(id, m_password->text());
        }
        if (!m_turnPassword->text().isEmpty()) {
            m_typed.set(services::AccountService::turnCredentialKey(id), m_turnPassword->text());
        }
        m_password->clear();
        m_turnPassword->clear();
        accept();
        return;
    }
    storeInKeychain(id, false);
}

void AccountEditor::storeInKeychain(const QString& id, bool turn) {
    QLineEdit* edit = turn ? m_turnPassword : m_password;
    const QString secret = edit->text();
    if (secret.isEmpty()) {
        turn ? accept() : storeInKeychain(id, true);
        return;
    }
    // the keychain is the source from now on
    m_typed.clear(turn ? services::AccountService::turnCredentialKey(id) : id);
    m_saveButton->setEnabled(false);
    m_message->setText(turn ? tr("Storing the TURN password in the keychain…")
                            : tr("Storing the password in the keychain…"));
    m_message->show();
    QPointer<AccountEditor> self(this);
    auto done = [self, id, turn](const services::KeychainResult<void>& r) {
        AccountEditor* editor = self.data();
        if (!editor) {
            return;
        }
        editor->m_saveButton->setEnabled(true);
        if (r.ok()) {
            (turn ? editor->m_turnPassword : editor->m_password)->clear();
            editor->m_message->hide();
            turn ? editor->accept() : editor->storeInKeychain(id, true);
            return;
        }
        // The profile is saved; the password is not. Say so and let the user choose.
        editor->m_message->setText(
            (turn ? tr("The account is saved, but the TURN password could not be stored: %1")
                  : tr("The account is saved, but the password could not be stored: %1"))
                .arg(r.error().message));
        editor->m_message->show();
        if (r.is(services::KeychainError::Kind::NoSecretService)) {
            editor->setKeychainAvailable(false, r.error().message);
        }
    };
    if (turn) {
        m_accounts.storeTurnPassword(id, secret, std::move(done));
    } else {
        m_accounts.storePassword(id, secret, std::move(done));
    }
}

void AccountEditor::setKeychainAvailable(bool available, const QString& message) {
    m_storeInKeychain->setEnabled(available);
    if (available) {
        m_keychainState->setText(tr("Passwords are kept in the system keychain."));
        m_keychainState->setToolTip(QString());
        m_keychainState->setStyleSheet(QString());
    } else {
        // Short enough for two lines; the keychain's own explanation is in the tooltip.
        m_keychainState->setText(tr("Secure storage is unavailable: the password is kept in "
                                    "memory only, until Callboard quits."));
        m_keychainState->setToolTip(message.isEmpty() ? tr("No keychain answered.") : message);
        m_keychainState->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_askEachTime->setChecked(true);
    }
    growToFit();
}

void AccountEditor::growToFit() {
    if (isVisible()) {
        layout()->activate();
        resize(width(), qMax(height(), sizeHint().height()));
    }
}

} // namespace ui
