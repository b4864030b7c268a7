#include "models/LogLineModel.h"

#include "services/LogControlSink.h"

using namespace Qt::Literals::StringLiterals;

namespace models {

LogLineModel::LogLineModel(services::LogControlSink* sink, QObject* parent)
    : QAbstractListModel(parent) {
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(50);
    connect(&m_frameTimer, &QTimer::timeout, this, &LogLineModel::processFrame);
    if (sink) {
        m_capacity = sink->capacity();
        const QStringList stored = sink->lines();
        for (const QString& l : stored) {
            m_rows.push_back(parse(l));
        }
        connect(sink, &services::LogControlSink::lineAdded, this, &LogLineModel::appendLine);
    }
}

int LogLineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LogLineModel::levelRank(QStringView level) {
    static const QLatin1StringView names[] = {"debug"_L1, "info"_L1, "warning"_L1, "critical"_L1,
                                              "fatal"_L1};
    for (int i = 0; i < 5; ++i) {
        if (level == names[i]) {
            return i;
        }
    }
    return 1;
}

LogLineModel::Line LogLineModel::parse(const QString& line) {
    Line l;
    l.text = line;
    const qsizetype s1 = line.indexOf(u' ');
    const qsizetype s2 = s1 < 0 ? -1 : line.indexOf(u' ', s1 + 1);
    const qsizetype colon = s2 < 0 ? -1 : line.indexOf(": "_L1, s2 + 1);
    const qsizetype space = s2 < 0 ? -1 : line.indexOf(u' ', s2 + 1);
    if (s1 <= 0 || s2 <= s1 + 1 || colon < 0 || (space >= 0 && space < colon)) {
        l.level = u"info"_s;
        return l;
    }
    l.time = line.left(s1);
    l.level = line.mid(s1 + 1, s2 - s1 - 1);
    l.category = line.mid(s2 + 1, colon - s2 - 1);
    l.messageStart = static_cast<int>(colon + 2);
    l.rank = levelRank(l.level);
    return l;
}

void LogLineModel::appendLine(const QString& line) {
    m_pending.append(line);
    if (m_pending.size() > m_capacity) {
        m_pending.removeFirst();
    }
    if (!m_frameTimer.isActive()) {
        m_frameTimer.start();
    }
}

void LogLineModel::processFrame() {
    m_frameTimer.stop();
    if (m_pending.isEmpty()) {
        return;
    }
    const int incoming = static_cast<int>(m_pending.size());
    const int excess = static_cast<int>(m_rows.size()) + incoming - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (const QString& l : std::as_const(m_pending)) {
        m_rows.push_back(parse(l));
    }
    m_pending.clear();
    endInsertRows();
}

void LogLineModel::clear() {
    m_frameTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
}

void LogLineModel::setCapacity(int rows) {
    m_capacity = std::max(1, rows);
    const int excess = static_cast<int>(m_rows.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
}

QVariant LogLineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Line& l = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case LineRole:
        return l.text;
    case Qt::ToolTipRole:
        return l.text.size() > 200 ? QVariant(l.text) : QVariant();
    case TimeRole:
        return l.time;
    case LevelRole:
        return l.level;
    case LevelRankRole:
        return l.rank;
    case CategoryRole:
        return l.category;
    case MessageRole:
        return l.text.mid(l.messageStart);
    default:
        return {};
    }
}

QHash<int, QByteArray> LogLineModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(QHash<int, QByteArray>{{TimeRole, "time"},
                                        {LevelRole, "level"},
                                        {LevelRankRole, "levelRank"},
                                        {CategoryRole, "category"},
                                        {MessageRole, "message"},
                                        {LineRole, "line"}});
    return names;
}

} // namespace models
