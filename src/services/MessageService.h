#pragma once

#include "core/Clock.h"
#include "services/MessageConversation.h"
#include "services/MessageRecord.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>

namespace sip {
class ConnectionManager;
enum class ConnectionEvent;
} // namespace sip

namespace services {

/// SIP MESSAGE (RFC 3428, spec sip-connection-manager.md §8.6) conversations of every
/// SIP-over-WebSocket account, per (account, peer), in memory only.
///
/// Sources: `connection:newMessage` events of each attached sip::ConnectionManager (originator
/// `remote`: received; `local`: our own sendMessage(), the outgoing record) and its
/// messageFinished() outcome (2xx: Delivered with the status; anything else: Failed with the
/// JsSIP cause, status code and reason phrase, or the cause alone on timeout/transport loss).
/// Only `text/*` bodies (or none) are kept: is-composing indications (RFC 3994,
/// `application/im-iscomposing+xml`) and other content types are not conversations.
///
/// Peers are keyed by peerKey(): `sip:user@host`, scheme and host lower-cased, no display
/// name, angle brackets, parameters or headers, so "bob" sent from an account of domain
/// sip.test and a MESSAGE From `"Bob" <sip:bob@SIP.test>;tag=1` are one conversation.
class MessageService : public QObject {
    Q_OBJECT

public:
    /// `clock` stamps the messages (ms since the epoch).
    explicit MessageService(std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);
    ~MessageService() override;

    /// Follows `manager` for `accountId` from now on (it becomes the one send() uses). Its
    /// signals are followed until it is destroyed, so outcomes of MESSAGEs still in flight
    /// when the account disconnects arrive.
    void attach(const QString& accountId, sip::ConnectionManager& manager);
    /// send() no longer uses a manager for `accountId`.
    void detach(const QString& accountId);
    bool isAttached(const QString& accountId) const;

    /// Sends `text` as text/plain to `peer` ("bob", "bob@example.net" or a sip: URI) from
    /// `accountId`. Returns the message id; empty with `*error` (translated) when the account
    /// has no connected manager or the text is empty. The outgoing record is added at once
    /// (Sending) and updated when the answer comes (messageChanged()).
    QString send(const QString& accountId, const QString& peer, const QString& text,
                 QString* error = nullptr);

    /// Feeds one `connection:*` event of `accountId` (only NewMessage is used; payload
    /// `{originator, id, request:{from, fromDisplayName, to, contentType, body, ...}}`).
    void applyEvent(const QString& accountId, sip::ConnectionEvent event,
                    const QJsonObject& payload);
    /// Feeds messageFinished(id, succeeded, {response?, cause?}) of `accountId`.
    void applyFinished(const QString& accountId, const QString& id, bool succeeded,
                       const QJsonObject& payload);

    /// Every conversation, the one with the newest message first.
    QList<MessageConversation> conversations() const;
    /// The messages of one conversation, oldest first; empty when unknown.
    QList<MessageRecord> messages(const QString& accountId, const QString& peer) const;
    /// The message `id` of `accountId`, nullptr when unknown. Valid until the next change.
    const MessageRecord* find(const QString& accountId, const QString& id) const;

    /// The key of a peer: `target` trimmed; a bare "user" gets `@domain`, "user@host" gets
    /// `sip:`; display name, `<>`, `;params` and `?headers` dropped; scheme and host
    /// lower-cased (RFC 3261 §19.1.4: they compare case-insensitively). Empty for empty input.
    static QString peerKey(const QString& target, const QString& domain = {});

Q_SIGNALS:
    /// A message was appended at `row` of conversation (accountId, peer).
    void messageAdded(const QString& accountId, const QString& peer, int row);
    /// The delivery of the message at `row` of conversation (accountId, peer) changed.
    void messageChanged(const QString& accountId, const QString& peer, int row);

private:
    using Key = QPair<QString, QString>; ///< (account, peer) or (account, message id)
    void add(MessageRecord record);
    QString domainOf(const QString& accountId) const;

    std::shared_ptr<const core::Clock> m_clock;
    QHash<QString, QPointer<sip::ConnectionManager>> m_managers;
    QHash<Key, QList<MessageRecord>> m_conversations;
    QHash<Key, QPair<QString, int>> m_byId; ///< (account, id) -> (peer, row)
};

} // namespace services
