#include "models/DataLogModel.h"

#include "core/JsonText.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace models {

namespace {

QString pretty(const QByteArray& compact) {
    const QJsonDocument doc = QJsonDocument::fromJson(compact);
    if (doc.isObject() || doc.isArray()) {
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    }
    return QString::fromUtf8(compact);
}

} // namespace

DataLogModel::DataLogModel(std::shared_ptr<const core::Clock> clock, AccountNames names,
                           QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock(std::move(clock))
    , m_names(std::move(names)) {}

int DataLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int DataLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const DataLogModel::Entry& DataLogModel::entryAt(int row) const {
    return m_entries[m_entries.size() - 1 - static_cast<size_t>(row)];
}

int DataLogModel::rowOfIndex(qint64 index) const {
    const qint64 i = index - m_dropped;
    if (i < 0 || i >= static_cast<qint64>(m_entries.size())) {
        return -1;
    }
    return static_cast<int>(static_cast<qint64>(m_entries.size()) - 1 - i);
}

QString DataLogModel::key(const QString& accountId, const QString& operationId) {
    return accountId + QChar(u'\n') + operationId;
}

QString DataLogModel::statusText(Status status, const QString& raw) {
    switch (status) {
    case Status::Sending:
        //: A sendData waiting for its DataStatusEvent
        return tr("Sending");
    case Status::Accepted:
        return tr("Accepted");
    case Status::Failed:
        return tr("Failed");
    case Status::Received:
        //: An OnDataEvent pushed by the backend
        return tr("Received");
    case Status::Unknown:
        break;
    }
    return raw.isEmpty() ? tr("Unknown") : raw;
}

QVariant DataLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Entry& e = entryAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timestampMs).toString(u"HH:mm:ss"_s);
        case AccountColumn: {
            const QString name = m_names ? m_names(e.accountId) : QString();
            return name.isEmpty() ? e.accountId : name;
        }
        case StatusColumn:
            return statusText(e.status, e.wireStatus);
        case PayloadColumn:
            return e.info.isEmpty() ? QString::fromUtf8(e.payload)
                                    //: payload, then the reason the backend gave
                                    : tr("%1 (%2)").arg(QString::fromUtf8(e.payload), e.info);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn) {
            return QDateTime::fromMSecsSinceEpoch(e.timestampMs).toString(Qt::ISODateWithMs);
        }
        if (index.column() == StatusColumn && !e.info.isEmpty()) {
            return e.info;
        }
        return index.column() == PayloadColumn ? QVariant(e.operationId) : QVariant();
    case StatusRole:
        return static_cast<int>(e.status);
    case StatusTextRole:
        return statusText(e.status, e.wireStatus);
    case WireStatusRole:
        return e.wireStatus;
    case OutgoingRole:
        return e.outgoing;
    case OperationIdRole:
        return e.operationId;
    case AccountIdRole:
        return e.accountId;
    case PayloadRole:
        return e.payload;
    case PrettyPayloadRole:
        return pretty(e.payload);
    case InfoRole:
        return e.info;
    case TimestampMsRole:
        return e.timestampMs;
    default:
        return {};
    }
}

QVariant DataLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AccountColumn:
        return tr("Account");
    case StatusColumn:
        return tr("Status");
    case PayloadColumn:
        return tr("Payload");
    default:
        return {};
    }
}

void DataLogModel::append(Entry entry) {
    beginInsertRows({}, 0, 0);
    if (entry.outgoing) {
        m_sent.insert(key(entry.accountId, entry.operationId),
                      m_dropped + static_cast<qint64>(m_entries.size()));
    }
    m_entries.push_back(std::move(entry));
    endInsertRows();
    trim();
}

void DataLogModel::trim() {
    const int size = static_cast<int>(m_entries.size());
    if (size <= m_maxRows) {
        return;
    }
    const int excess = size - m_maxRows;
    beginRemoveRows({}, m_maxRows, size - 1);
    for (int i = 0; i < excess; ++i) {
        const Entry& e = m_entries.front();
        if (e.outgoing) {
            m_sent.remove(key(e.accountId, e.operationId));
        }
        m_entries.pop_front();
        ++m_dropped;
    }
    endRemoveRows();
}

void DataLogModel::addSent(const QString& accountId, const QString& operationId,
                           const QByteArray& payload) {
    Entry e;
    e.timestampMs = m_clock->nowMs();
    e.accountId = accountId;
    e.operationId = operationId;
    e.payload = payload;
    e.status = Status::Sending;
    e.outgoing = true;
    append(std::move(e));
}

bool DataLogModel::applyStatus(const QString& accountId, const core::DataStatusEvent& event) {
    const int row = rowOfSent(accountId, event.operationId);
    if (row < 0) {
        return false;
    }
    Entry& e = m_entries[m_entries.size() - 1 - static_cast<size_t>(row)];
    switch (event.status.value) {
    case core::DataStatus::Accepted:
        e.status = Status::Accepted;
        break;
    case core::DataStatus::Failed:
        e.status = Status::Failed;
        break;
    case core::DataStatus::Unknown:
        e.status = Status::Unknown;
        break;
    }
    e.wireStatus = event.status.text();
    e.info = event.info;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void DataLogModel::addReceived(const QString& accountId, const core::OnDataEvent& event) {
    Entry e;
    e.timestampMs = m_clock->nowMs();
    e.accountId = accountId;
    e.operationId = event.operationId;
    e.payload = event.payload;
    e.status = Status::Received;
    e.outgoing = false;
    append(std::move(e));
}

void DataLogModel::clear() {
    beginResetModel();
    m_dropped += static_cast<qint64>(m_entries.size());
    m_entries.clear();
    m_sent.clear();
    endResetModel();
}

int DataLogModel::rowOfSent(const QString& accountId, const QString& operationId) const {
    const auto it = m_sent.constFind(key(accountId, operationId));
    return it == m_sent.constEnd() ? -1 : rowOfIndex(it.value());
}

void DataLogModel::setMaxRows(int rows) {
    m_maxRows = qMax(1, rows);
    trim();
}

} // namespace models
