#pragma once

#include "services/MessageConversation.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;

namespace models {
class MessageListModel;
}

namespace ui {

/// The Messages tab: SIP MESSAGE (RFC 3428) conversations of the SIP-over-WebSocket accounts.
/// Left, every conversation (peer and account, newest first); right, the chosen one's messages
/// with time and delivery result (models::MessageListModel), and a line to write to the peer
/// from the chosen account.
///
/// It only shows and asks: sendRequested() / conversationSelected() are wired by
/// app::MessagesController to services::MessageService.
class MessagesPanel : public QWidget {
    Q_OBJECT

public:
    explicit MessagesPanel(QWidget* parent = nullptr);

    /// The messages shown; owned by the caller and must outlive the panel or be unset first.
    void setModel(models::MessageListModel* model);
    /// (account id, display name) of the connected SIP accounts; keeps the choice if possible.
    void setAccounts(const QList<QPair<QString, QString>>& accounts);
    /// The conversations listed (newest first); keeps the current one selected.
    /// `accountNames` maps ids to the names shown.
    void setConversations(const QList<services::MessageConversation>& conversations,
                          const QHash<QString, QString>& accountNames = {});
    /// Selects (account, peer) in the list and the editor fields; false when it is not listed.
    bool selectConversation(const QString& accountId, const QString& peer);

    QString selectedAccountId() const;
    QString peerText() const;
    /// Raises sendRequested() with the typed text; false (error shown) when there is no
    /// account, peer or text.
    bool send();
    /// Shows `text` inline under the editor; empty hides it.
    void showError(const QString& text);
    /// Empties the message line (after a successful send).
    void clearText();

    QComboBox* accountCombo() const { return m_account; }
    QLineEdit* peerEdit() const { return m_peer; }
    QLineEdit* textEdit() const { return m_text; }
    QPushButton* sendButton() const { return m_send; }
    QLabel* errorLabel() const { return m_error; }
    QListWidget* conversationList() const { return m_conversations; }
    QListView* messageView() const { return m_messages; }

Q_SIGNALS:
    /// The user sends `text` to `peer` (as typed) from `accountId`.
    void sendRequested(const QString& accountId, const QString& peer, const QString& text);
    /// The user picked a conversation in the list.
    void conversationSelected(const QString& accountId, const QString& peer);

private:
    void onConversationClicked();
    void updateSendEnabled();

    QComboBox* m_account;
    QLineEdit* m_peer;
    QLineEdit* m_text;
    QPushButton* m_send;
    QLabel* m_error;
    QListWidget* m_conversations;
    QListView* m_messages;
    bool m_filling = false;
};

} // namespace ui
