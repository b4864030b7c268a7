#pragma once

#include "services/MessageRecord.h"

#include <QAbstractListModel>
#include <QList>

namespace services {
class MessageService;
}

namespace models {

/// One SIP MESSAGE conversation of services::MessageService (an account and a peer), oldest
/// message first, for a list view. Follows the service live: rows are appended as messages
/// come and change when an outgoing one is answered.
///
/// DisplayRole is one line: `HH:mm:ss  → text  · delivered (200)` (→ sent, ← received); the
/// roles below give every part for delegates and tests.
class MessageListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString Call-ID of the MESSAGE
        OutgoingRole,              ///< bool: true for sent, false for received
        BodyRole,                  ///< QString text
        TimestampMsRole,           ///< qint64 ms since the epoch
        TimeTextRole,              ///< QString local time "HH:mm:ss"
        DeliveryRole,              ///< int(services::MessageRecord::Delivery)
        DeliveryTextRole, ///< translated: sending…, delivered (200), failed: …, received
        SipStatusRole,    ///< int final SIP status of a sent one; -1: none
        ErrorRole,        ///< QString why a sent one failed
        PeerNameRole,     ///< QString display name of a received one
    };
    Q_ENUM(Role)

    /// `service` must outlive the model.
    explicit MessageListModel(services::MessageService& service, QObject* parent = nullptr);

    /// Shows the conversation of `accountId` with `peer` (a MessageService::peerKey());
    /// empty strings: no conversation (no rows).
    void setConversation(const QString& accountId, const QString& peer);
    QString accountId() const { return m_accountId; }
    QString peer() const { return m_peer; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The translated delivery text of `record` (see DeliveryTextRole).
    static QString deliveryText(const services::MessageRecord& record);

private:
    void onAdded(const QString& accountId, const QString& peer, int row);
    void onChanged(const QString& accountId, const QString& peer, int row);

    services::MessageService& m_service;
    QString m_accountId;
    QString m_peer;
    QList<services::MessageRecord> m_rows;
};

} // namespace models
