#include "ui/widgets/MessagesPanel.h"

#include "models/MessageListModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ui {

namespace {

constexpr int AccountRole = Qt::UserRole + 1;
constexpr int PeerRole = Qt::UserRole + 2;

} // namespace

MessagesPanel::MessagesPanel(QWidget* parent)
    : QWidget(parent)
    , m_account(new QComboBox(this))
    , m_peer(new QLineEdit(this))
    , m_text(new QLineEdit(this))
    , m_send(new QPushButton(tr("Se&nd"), this))
    , m_error(new QLabel(this))
    , m_conversations(new QListWidget(this))
    , m_messages(new QListView(this)) {
    setObjectName(u"messagesPanel"_s);
    m_account->setObjectName(u"messageAccount"_s);
    m_account->setAccessibleName(tr("Account"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_peer->setObjectName(u"messagePeer"_s);
    m_peer->setPlaceholderText(tr("bob, bob@example.net or sip:bob@example.net"));
    m_peer->setAccessibleName(tr("Recipient"));
    m_peer->setClearButtonEnabled(true);
    m_text->setObjectName(u"messageText"_s);
    m_text->setPlaceholderText(tr("Write a message and press Enter"));
    m_text->setAccessibleName(tr("Message"));
    m_text->setMaxLength(4000); // keeps the MESSAGE far below the UA's 64 KiB limit
    m_send->setObjectName(u"messageSend"_s);
    m_send->setToolTip(tr("Send as SIP MESSAGE (Enter)"));
    m_error->setObjectName(u"messageError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_conversations->setObjectName(u"conversationList"_s);
    m_conversations->setAccessibleName(tr("Conversations"));
    m_messages->setObjectName(u"messageList"_s);
    m_messages->setAccessibleName(tr("Messages"));
    m_messages->setWordWrap(true);
    m_messages->setUniformItemSizes(false);
    m_messages->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* accountLabel = new QLabel(tr("&From:"), this);
    accountLabel->setBuddy(m_account);
    auto* peerLabel = new QLabel(tr("&To:"), this);
    peerLabel->setBuddy(m_peer);
    auto* top = new QHBoxLayout;
    top->addWidget(accountLabel);
    top->addWidget(m_account);
    top->addWidget(peerLabel);
    top->addWidget(m_peer, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_text, 1);
    bottom->addWidget(m_send);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(top);
    rightLayout->addWidget(m_messages, 1);
    rightLayout->addLayout(bottom);
    rightLayout->addWidget(m_error);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Conversations"), left));
    leftLayout->addWidget(m_conversations, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_send, &QPushButton::clicked, this, &MessagesPanel::send);
    connect(m_text, &QLineEdit::returnPressed, this, &MessagesPanel::send);
    connect(m_text, &QLineEdit::textChanged, this, &MessagesPanel::updateSendEnabled);
    connect(m_peer, &QLineEdit::textChanged, this, &MessagesPanel::updateSendEnabled);
    connect(m_conversations, &QListWidget::itemClicked, this,
            &MessagesPanel::onConversationClicked);
    connect(m_conversations, &QListWidget::currentItemChanged, this,
            &MessagesPanel::onConversationClicked);
    updateSendEnabled();
}

void MessagesPanel::setModel(models::MessageListModel* model) {
    m_messages->setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, m_messages, &QListView::scrollToBottom);
    }
}

void MessagesPanel::setAccounts(const QList<QPair<QString, QString>>& accounts) {
    const QString current = selectedAccountId();
    m_account->clear();
    for (const auto& [id, name] : accounts) {
        m_account->addItem(name.isEmpty() ? id : name, id);
    }
    const int keep = m_account->findData(current);
    m_account->setCurrentIndex(keep >= 0 ? keep : (m_account->count() > 0 ? 0 : -1));
    m_account->setEnabled(m_account->count() > 0);
    m_account->setToolTip(
        m_account->count() > 0 ? QString() : tr("No SIP over WebSocket account is connected."));
    updateSendEnabled();
}

void MessagesPanel::setConversations(const QList<services::MessageConversation>& conversations,
                                     const QHash<QString, QString>& accountNames) {
    const QListWidgetItem* cur = m_conversations->currentItem();
    const QString curAccount = cur ? cur->data(AccountRole).toString() : QString();
    const QString curPeer = cur ? cur->data(PeerRole).toString() : QString();
    m_filling = true;
    m_conversations->clear();
    for (const services::MessageConversation& c : conversations) {
        const QString who = c.peerName.isEmpty() ? c.peer : u"%1 <%2>"_s.arg(c.peerName, c.peer);
        const QString account = accountNames.value(c.accountId, c.accountId);
        auto* item = new QListWidgetItem(
            tr("%1\n%2 · %3 · %n message(s)", nullptr, c.count)
                .arg(who, account, QDateTime::fromMSecsSinceEpoch(c.lastMs).toString(u"HH:mm"_s)),
            m_conversations);
        item->setData(AccountRole, c.accountId);
        item->setData(PeerRole, c.peer);
        item->setToolTip(c.lastBody);
        if (c.accountId == curAccount && c.peer == curPeer) {
            m_conversations->setCurrentItem(item);
        }
    }
    m_filling = false;
}

bool MessagesPanel::selectConversation(const QString& accountId, const QString& peer) {
    const int account = m_account->findData(accountId);
    if (account >= 0) {
        m_account->setCurrentIndex(account);
    }
    m_peer->setText(peer);
    for (int i = 0; i < m_conversations->count(); ++i) {
        QListWidgetItem* item = m_conversations->item(i);
        if (item->data(AccountRole).toString() == accountId &&
            item->data(PeerRole).toString() == peer) {
            m_filling = true;
            m_conversations->setCurrentItem(item);
            m_filling = false;
            return true;
        }
    }
    return false;
}

QString MessagesPanel::selectedAccountId() const {
    return m_account->currentData().toString();
}

QString MessagesPanel::peerText() const {
    return m_peer->text().trimmed();
}

bool MessagesPanel::send() {
    const QString text = m_text->text();
    if (selectedAccountId().isEmpty()) {
        showError(tr("Connect a SIP over WebSocket account to send messages."));
        return false;
    }
    if (peerText().isEmpty()) {
        showError(tr("Enter who the message is for."));
        return false;
    }
    if (text.trimmed().isEmpty()) {
        showError(tr("Write a message first."));
        return false;
    }
    showError({});
    Q_EMIT sendRequested(selectedAccountId(), peerText(), text);
    return true;
}

void MessagesPanel::showError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void MessagesPanel::clearText() {
    m_text->clear();
}

void MessagesPanel::onConversationClicked() {
    const QListWidgetItem* item = m_conversations->currentItem();
    if (m_filling || !item) {
        return;
    }
    const QString accountId = item->data(AccountRole).toString();
    const QString peer = item->data(PeerRole).toString();
    const int account = m_account->findData(accountId);
    if (account >= 0) {
        m_account->setCurrentIndex(account);
    }
    m_peer->setText(peer);
    Q_EMIT conversationSelected(accountId, peer);
}

void MessagesPanel::updateSendEnabled() {
    m_send->setEnabled(m_account->count() > 0 && !peerText().isEmpty() &&
                       !m_text->text().trimmed().isEmpty());
}

} // namespace ui
