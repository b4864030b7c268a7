#include "ui/dialogs/AccountsDialog.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "ui/dialogs/AccountEditor.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using services::AccountProfile;

namespace {
constexpr int IdRole = Qt::UserRole;
} // namespace

AccountsDialog::AccountsDialog(services::AccountService& accounts,
                               services::AccountConnector& connector,
                               services::SessionMonitor& sessions,
                               services::CredentialStore& credentials,
                               services::SessionPasswordCache& typedPasswords, QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_connector(connector)
    , m_sessions(sessions)
    , m_credentials(credentials)
    , m_typed(typedPasswords) {
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Accounts"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setMinimumWidth(320);

    auto makeButton = [this](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setAutoDefault(false);
        return b;
    };
    QPushButton* add = makeButton(tr("&Add…"), "addButton");
    m_edit = makeButton(tr("&Edit…"), "editButton");
    m_duplicate = makeButton(tr("D&uplicate…"), "duplicateButton");
    m_remove = makeButton(tr("&Remove"), "removeButton");
    m_connect = makeButton(tr("&Connect"), "connectButton");
    m_disconnect = makeButton(tr("&Disconnect"), "disconnectButton");
    auto* side = new QVBoxLayout;
    for (QPushButton* b : {add, m_edit, m_duplicate, m_remove}) {
        side->addWidget(b);
    }
    side->addSpacing(12);
    side->addWidget(m_connect);
    side->addWidget(m_disconnect);
    side->addStretch();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(close);

    connect(add, &QPushButton::clicked, this, &AccountsDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &AccountsDialog::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &AccountsDialog::duplicateSelected);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(true); });
    connect(m_connect, &QPushButton::clicked, this, &AccountsDialog::connectSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &AccountsDialog::disconnectSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &AccountsDialog::editSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_message->hide();
        updateButtons();
    });

    connect(&m_accounts, &services::AccountService::profileAdded, this, &AccountsDialog::reload);
    connect(&m_accounts, &services::AccountService::profileChanged, this, &AccountsDialog::reload);
    connect(&m_accounts, &services::AccountService::profileRemoved, this, &AccountsDialog::reload);
    // Queued: accountConnecting comes before the session exists.
    connect(&m_connector, &services::AccountConnector::accountConnecting, this,
            &AccountsDialog::reload, Qt::QueuedConnection);
    connect(&m_sessions, &services::SessionMonitor::stateChanged, this, &AccountsDialog::reload);
    connect(&m_connector, &services::AccountConnector::accountDisconnected, this,
            &AccountsDialog::reload);
    connect(&m_connector, &services::AccountConnector::connectFailed, this,
            [this](const QString& id, const QString& reason) {
                reload();
                if (id == selectedId()) {
                    showMessage(tr("Cannot connect: %1").arg(reason));
                }
            });
    reload();
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    }
}

AccountsDialog::~AccountsDialog() = default;

AccountEditor* AccountsDialog::editor() const {
    return m_editor.data();
}

QString AccountsDialog::selectedId() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

bool AccountsDialog::select(const QString& id) {
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toString() == id) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void AccountsDialog::reload() {
    const QString current = selectedId();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const AccountProfile& p : m_accounts.profiles()) {
            const QString type = p.backend == AccountProfile::Backend::SipWebSocket
                                     ? tr("SIP over WebSocket")
                                     : tr("WCS");
            QString state = tr("not connected");
            if (m_connector.isConnected(p.id)) {
                const core::SessionStatus c = m_sessions.state(p.id).connection;
                state = c == core::SessionStatus::Established ? tr("connected")
                        : c == core::SessionStatus::Failed    ? tr("connection failed")
                                                              : tr("connecting");
            }
            auto* item = new QListWidgetItem(tr("%1 — %2, %3").arg(p.name, type, state), m_list);
            item->setData(IdRole, p.id);
            item->setToolTip(p.serverUrl.toString(QUrl::RemoveUserInfo));
        }
    }
    if (!select(current) && m_list->count() > 0) {
        m_list->setCurrentRow(0);
    }
    updateButtons();
}

void AccountsDialog::updateButtons() {
    const QString id = selectedId();
    const bool has = !id.isEmpty();
    const bool live = has && m_connector.isConnected(id);
    m_edit->setEnabled(has);
    m_duplicate->setEnabled(has);
    m_remove->setEnabled(has);
    m_connect->setEnabled(has && !live);
    m_disconnect->setEnabled(live);
}

void AccountsDialog::openEditor(AccountEditor* editor) {
    if (m_editor) {
        m_editor->close();
    }
    m_editor = editor;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &AccountEditor::saved, this, [this](const QString& id) {
        reload();
        select(id);
    });
    editor->open();
}

void AccountsDialog::addProfile() {
    openEditor(new AccountEditor(m_accounts, m_credentials, m_typed, std::nullopt, this));
}

void AccountsDialog::editSelected() {
    const auto profile = m_accounts.profile(selectedId());
    if (profile) {
        openEditor(new AccountEditor(m_accounts, m_credentials, m_typed, profile, this));
    }
}

void AccountsDialog::duplicateSelected() {
    auto profile = m_accounts.profile(selectedId());
    if (!profile) {
        return;
    }
    profile->id.clear(); // a new profile; the password is not copied
    profile->name = tr("%1 (copy)").arg(profile->name);
    openEditor(new AccountEditor(m_accounts, m_credentials, m_typed, profile, this));
}

void AccountsDialog::removeSelected(bool confirm) {
    const QString id = selectedId();
    const auto profile = m_accounts.profile(id);
    if (!profile) {
        return;
    }
    if (confirm && QMessageBox::question(this, tr("Remove account"),
                                         tr("Remove the account \"%1\" and its stored "
                                            "password?")
                                             .arg(profile->name)) != QMessageBox::Yes) {
        return;
    }
    m_typed.clear(id);
    m_accounts.remove(id); // also disconnects it (AccountConnector listens)
}

void AccountsDialog::connectSelected() {
    const QString id = selectedId();
    if (!id.isEmpty()) {
        m_message->hide();
        m_connector.connectAccount(id);
        updateButtons();
    }
}

void AccountsDialog::disconnectSelected() {
    const QString id = selectedId();
    if (!id.isEmpty()) {
        m_connector.disconnectAccount(id);
    }
}

void AccountsDialog::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace ui
