#include "models/EventLogModel.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace models {

EventLogModel::EventLogModel(QObject* parent)
    : QAbstractTableModel(parent) {
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(16);
    connect(&m_frameTimer, &QTimer::timeout, this, &EventLogModel::processFrame);
}

void EventLogModel::setAccountNameLookup(AccountNameLookup lookup) {
    m_accountName = std::move(lookup);
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, AccountColumn), index(rowCount() - 1, AccountColumn),
                           {Qt::DisplayRole, SortRole});
    }
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void EventLogModel::append(services::JournalEntry entry) {
    m_pending.push_back(std::move(entry));
    if (m_pending.size() > size_t(m_capacity)) {
        // Only the newest capacity() entries can ever be shown.
        m_pending.pop_front();
        ++m_dropped;
    }
    if (!m_paused) {
        scheduleFrame();
    }
}

void EventLogModel::scheduleFrame() {
    if (!m_frameTimer.isActive()) {
        m_frameTimer.start();
    }
}

void EventLogModel::trimTo(int rows) {
    const int excess = static_cast<int>(m_rows.size()) - rows;
    if (excess <= 0) {
        return;
    }
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    endRemoveRows();
}

void EventLogModel::processFrame() {
    m_frameTimer.stop();
    if (m_paused || m_pending.empty()) {
        return;
    }
    const int incoming = static_cast<int>(m_pending.size()); // <= capacity
    trimTo(m_capacity - incoming);
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (auto& e : m_pending) {
        m_rows.push_back(std::move(e));
    }
    m_pending.clear();
    endInsertRows();
}

void EventLogModel::setCapacity(int rows) {
    m_capacity = std::max(1, rows);
    trimTo(m_capacity);
    while (m_pending.size() > size_t(m_capacity)) {
        m_pending.pop_front();
        ++m_dropped;
    }
}

void EventLogModel::setPaused(bool paused) {
    if (m_paused == paused) {
        return;
    }
    m_paused = paused;
    if (!m_paused && !m_pending.empty()) {
        scheduleFrame();
    }
}

void EventLogModel::clear() {
    m_frameTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
}

qint64 EventLogModel::exportJsonLines(QIODevice& device, const Filter& filter) const {
    if (!device.isWritable()) {
        return -1;
    }
    qint64 lines = 0;
    for (const services::JournalEntry& e : m_rows) {
        if (filter && !filter(e)) {
            continue;
        }
        // The account id goes through the JSON writer for its escaping: ["id"] -> "id".
        QByteArray account = QJsonDocument(QJsonArray{e.accountId}).toJson(QJsonDocument::Compact);
        account = account.mid(1, account.size() - 2);
        QByteArray line = "{\"timestampMs\":" + QByteArray::number(e.timestampMs) +
                          ",\"accountId\":" + account +
                          ",\"event\":" + (e.json.isEmpty() ? QByteArray("{}") : e.json) + "}\n";
        if (device.write(line) != line.size()) {
            return -1;
        }
        ++lines;
    }
    return lines;
}

QString EventLogModel::summaryOf(const services::JournalEntry& entry) {
    const QJsonObject o = QJsonDocument::fromJson(entry.json).object();
    QStringList parts;
    for (const auto key :
         {"name"_L1, "caller"_L1, "callee"_L1, "target"_L1, "info"_L1, "reason"_L1, "file"_L1}) {
        const QJsonValue v = o.value(key);
        if (v.isString() && !v.toString().isEmpty()) {
            parts << v.toString();
        }
    }
    for (const auto key : {"sipStatus"_L1, "width"_L1, "bitrate"_L1}) {
        const QJsonValue v = o.value(key);
        if (v.isDouble()) {
            parts << u"%1=%2"_s.arg(key).arg(v.toInteger());
        }
    }
    return parts.join(u" \u00b7 "_s);
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const services::JournalEntry& e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, index.column());
    case Qt::ToolTipRole:
        return index.column() == SummaryColumn ? QVariant(QString::fromUtf8(e.json)) : QVariant();
    case TimestampMsRole:
        return e.timestampMs;
    case TypeRole:
        return e.type;
    case AccountIdRole:
        return e.accountId;
    case StatusRole:
        return e.status;
    case ObjectIdRole:
        return e.objectId;
    case SummaryRole:
        return summaryOf(e);
    case JsonRole:
        return e.json;
    case SortRole:
        return index.column() == TimeColumn ? QVariant(e.timestampMs)
                                            : displayText(e, index.column());
    default:
        return {};
    }
}

QVariant EventLogModel::displayText(const services::JournalEntry& e, int column) const {
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.timestampMs)
            .toLocalTime()
            .toString(u"HH:mm:ss.zzz"_s);
    case TypeColumn:
        return e.type;
    case AccountColumn: {
        const QString name = m_accountName ? m_accountName(e.accountId) : QString();
        return name.isEmpty() ? e.accountId : name;
    }
    case StatusColumn:
        return e.status;
    case ObjectIdColumn:
        return e.objectId;
    case SummaryColumn:
        return summaryOf(e);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Event");
    case AccountColumn:
        return tr("Account");
    case StatusColumn:
        return tr("Status");
    case ObjectIdColumn:
        return tr("Object");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{TimestampMsRole, "timestampMs"},
                                        {TypeRole, "type"},
                                        {AccountIdRole, "accountId"},
                                        {StatusRole, "status"},
                                        {ObjectIdRole, "objectId"},
                                        {SummaryRole, "summary"},
                                        {JsonRole, "json"},
                                        {SortRole, "sortValue"}});
    return names;
}

} // namespace models
