#include "models/MessageListModel.h"

#include "services/MessageService.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace models {

using services::MessageRecord;

MessageListModel::MessageListModel(services::MessageService& service, QObject* parent)
    : QAbstractListModel(parent)
    , m_service(service) {
    connect(&service, &services::MessageService::messageAdded, this, &MessageListModel::onAdded);
    connect(&service, &services::MessageService::messageChanged, this,
            &MessageListModel::onChanged);
}

void MessageListModel::setConversation(const QString& accountId, const QString& peer) {
    beginResetModel();
    m_accountId = accountId;
    m_peer = peer;
    m_rows = (accountId.isEmpty() || peer.isEmpty()) ? QList<MessageRecord>()
                                                     : m_service.messages(accountId, peer);
    endResetModel();
}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString MessageListModel::deliveryText(const MessageRecord& r) {
    switch (r.delivery) {
    case MessageRecord::Delivery::Sending:
        return tr("sending…");
    case MessageRecord::Delivery::Delivered:
        return r.sipStatus > 0 ? tr("delivered (%1)").arg(r.sipStatus) : tr("delivered");
    case MessageRecord::Delivery::Failed:
        return r.error.isEmpty() ? tr("not delivered") : tr("not delivered: %1").arg(r.error);
    case MessageRecord::Delivery::Received:
        break;
    }
    return tr("received");
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MessageRecord& r = m_rows.at(index.row());
    const bool outgoing = r.direction == MessageRecord::Direction::Outgoing;
    const QString time = QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(u"HH:mm:ss"_s);
    switch (role) {
    case Qt::DisplayRole:
        return u"%1  %2 %3  · %4"_s.arg(time, outgoing ? u"→"_s : u"←"_s, r.body, deliveryText(r));
    case Qt::ToolTipRole:
        return outgoing
                   ? tr("Sent %1 to %2: %3")
                         .arg(QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(Qt::ISODate),
                              r.peer, deliveryText(r))
                   : tr("Received %1 from %2")
                         .arg(QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(Qt::ISODate),
                              r.peerName.isEmpty() ? r.peer : r.peerName + u" <"_s + r.peer + u'>');
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter | (outgoing ? Qt::AlignRight : Qt::AlignLeft));
    case IdRole:
        return r.id;
    case OutgoingRole:
        return outgoing;
    case BodyRole:
        return r.body;
    case TimestampMsRole:
        return r.timeMs;
    case TimeTextRole:
        return time;
    case DeliveryRole:
        return static_cast<int>(r.delivery);
    case DeliveryTextRole:
        return deliveryText(r);
    case SipStatusRole:
        return r.sipStatus;
    case ErrorRole:
        return r.error;
    case PeerNameRole:
        return r.peerName;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(OutgoingRole, "outgoing");
    names.insert(BodyRole, "body");
    names.insert(TimestampMsRole, "timestampMs");
    names.insert(TimeTextRole, "timeText");
    names.insert(DeliveryRole, "delivery");
    names.insert(DeliveryTextRole, "deliveryText");
    names.insert(SipStatusRole, "sipStatus");
    names.insert(ErrorRole, "error");
    names.insert(PeerNameRole, "peerName");
    return names;
}

void MessageListModel::onAdded(const QString& accountId, const QString& peer, int row) {
    if (accountId != m_accountId || peer != m_peer) {
        return;
    }
    const QList<MessageRecord> all = m_service.messages(accountId, peer);
    if (row != m_rows.size() || row >= all.size()) { // out of step: start over
        setConversation(accountId, peer);
        return;
    }
    beginInsertRows({}, row, row);
    m_rows.append(all.at(row));
    endInsertRows();
}

void MessageListModel::onChanged(const QString& accountId, const QString& peer, int row) {
    if (accountId != m_accountId || peer != m_peer || row < 0 || row >= m_rows.size()) {
        return;
    }
    const QList<MessageRecord> all = m_service.messages(accountId, peer);
    if (row >= all.size()) {
        return;
    }
    m_rows[row] = all.at(row);
    Q_EMIT dataChanged(index(row), index(row));
}

} // namespace models
