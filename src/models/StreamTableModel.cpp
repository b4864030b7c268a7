#include "models/StreamTableModel.h"

#include "core/Lifecycle.h"
#include "models/RowRanges.h"
#include "models/StatusLabels.h"

using namespace Qt::Literals::StringLiterals;

namespace models {

namespace {

using Tri = services::StreamRecord::Tri;

int triToInt(Tri t) {
    return static_cast<int>(t);
}

} // namespace

StreamTableModel::StreamTableModel(services::StreamMonitor* monitor,
                                   std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
    , m_clock(std::move(clock))
    , m_exposed(monitor->size()) {
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(16);
    connect(&m_frameTimer, &QTimer::timeout, this, &StreamTableModel::processFrame);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &StreamTableModel::refreshKeepAliveAges);
    m_ageTimer.start();
    connect(m_monitor, &services::StreamMonitor::rowsAppended, this,
            &StreamTableModel::scheduleFrame);
    connect(m_monitor, &services::StreamMonitor::rowsDirty, this, &StreamTableModel::scheduleFrame);
    connect(m_monitor, &services::StreamMonitor::reset, this, &StreamTableModel::resetFromMonitor);
    // Rows present now are shown as they are: their dirty marks are stale news.
    m_monitor->takeDirtyRows();
}

void StreamTableModel::setAgeRefreshInterval(int ms) {
    if (ms <= 0) {
        m_ageTimer.stop();
        return;
    }
    m_ageTimer.start(ms);
}

int StreamTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_exposed;
}

int StreamTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int StreamTableModel::rowOf(const QString& mediaSessionId) const {
    const int row = m_monitor->rowOf(mediaSessionId);
    return row < m_exposed ? row : -1;
}

void StreamTableModel::scheduleFrame() {
    if (!m_frameTimer.isActive()) {
        m_frameTimer.start();
    }
}

void StreamTableModel::processFrame() {
    m_frameTimer.stop();
    const int shownBefore = m_exposed;
    const int size = m_monitor->size();
    if (size > m_exposed) {
        beginInsertRows({}, m_exposed, size - 1);
        m_exposed = size;
        endInsertRows();
    }
    // Rows inserted just now are read fresh by the views: only older rows need dataChanged.
    const std::vector<int> dirty = m_monitor->takeDirtyRows();
    std::vector<RowRanges::Range> ranges = RowRanges::merge(dirty, shownBefore);
    RowRanges::limit(ranges, m_maxRanges);
    for (const auto& [first, last] : ranges) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

void StreamTableModel::refreshKeepAliveAges() {
    if (m_exposed > 0) {
        Q_EMIT dataChanged(index(0, KeepAliveColumn), index(m_exposed - 1, KeepAliveColumn),
                           {Qt::DisplayRole, KeepAliveAgeMsRole, SortRole});
    }
}

void StreamTableModel::resetFromMonitor() {
    m_frameTimer.stop();
    beginResetModel();
    m_exposed = m_monitor->size();
    m_monitor->takeDirtyRows();
    endResetModel();
}

qint64 StreamTableModel::keepAliveAgeMs(const services::StreamRecord& r) const {
    return r.lastKeepAliveMs == 0 ? -1 : std::max<qint64>(0, m_clock->nowMs() - r.lastKeepAliveMs);
}

QVariant StreamTableModel::data(const QModelIndex& index, int role) const {
    // The monitor may already have dropped rows (prune) when a view asks before reset().
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.row() >= m_monitor->size()) {
        return {};
    }
    const services::StreamRecord& r = m_monitor->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == KeepAliveColumn && r.stale) {
            return tr("Keep-alives stopped: the stream may be gone");
        }
        return index.column() == StatusColumn && !r.info.isEmpty() ? QVariant(r.info) : QVariant();
    case StatusRole:
        return static_cast<int>(r.status);
    case StatusTextRole:
        return StatusLabels::stream(r.status, r.statusRaw);
    case WireStatusRole:
        return r.statusText();
    case StaleRole:
        return r.stale;
    case LiveRole:
        return !core::Lifecycle<core::StreamStatus>::isTerminal(r.status);
    case KeepAliveAgeMsRole:
        return keepAliveAgeMs(r);
    case MediaSessionIdRole:
        return r.mediaSessionId;
    case NameRole:
        return r.name;
    case AccountIdRole:
        return r.accountId;
    case NodeIdRole:
        return r.nodeId;
    case InfoRole:
        return r.info;
    case PublishedRole:
        return triToInt(r.published);
    case HasAudioRole:
        return triToInt(r.hasAudio);
    case HasVideoRole:
        return triToInt(r.hasVideo);
    case WidthRole:
        return r.width;
    case HeightRole:
        return r.height;
    case BitrateRole:
        return r.bitrate;
    case SourcesRole:
        return int(r.sources);
    case LastEventMsRole:
        return r.lastEventMs;
    case SortRole:
        return sortValue(r, index.column());
    case RecordNameRole:
        return r.recordName;
    default:
        return {};
    }
}

QVariant StreamTableModel::displayText(const services::StreamRecord& r, int column) const {
    switch (column) {
    case NameColumn:
        return r.name;
    case MediaSessionIdColumn:
        return r.mediaSessionId;
    case DirectionColumn:
        if (r.published == Tri::Unknown) {
            return QString();
        }
        return r.published == Tri::True ? tr("publish") : tr("play");
    case StatusColumn:
        return StatusLabels::stream(r.status, r.statusRaw);
    case InfoColumn:
        return r.info;
    case ProviderColumn:
        return r.mediaProvider;
    case MediaColumn: {
        const bool audio = r.hasAudio == Tri::True;
        const bool video = r.hasVideo == Tri::True;
        if (audio && video) {
            return tr("audio + video");
        }
        if (audio || video) {
            return audio ? tr("audio") : tr("video");
        }
        return r.hasAudio == Tri::Unknown && r.hasVideo == Tri::Unknown ? QString() : tr("none");
    }
    case SizeColumn:
        return r.width > 0 && r.height > 0 ? tr("%1\u00d7%2").arg(r.width).arg(r.height)
                                           : QString();
    case BitrateColumn:
        return r.bitrate >= 0 ? tr("%1 kbps").arg(r.bitrate) : QString();
    case KeepAliveColumn: {
        const qint64 age = keepAliveAgeMs(r);
        if (r.stale) {
            //: Keep-alive age of a stream whose keep-alives stopped
            return age < 0 ? tr("stale") : tr("%1 s, stale").arg(age / 1000);
        }
        return age < 0 ? QString() : tr("%1 s").arg(age / 1000);
    }
    case NodeColumn:
        return r.nodeId;
    default:
        return {};
    }
}

QVariant StreamTableModel::sortValue(const services::StreamRecord& r, int column) const {
    switch (column) {
    case DirectionColumn:
        return triToInt(r.published);
    case StatusColumn:
        return static_cast<int>(r.status);
    case MediaColumn:
        return (r.hasAudio == Tri::True ? 1 : 0) + (r.hasVideo == Tri::True ? 2 : 0);
    case SizeColumn:
        return r.width > 0 && r.height > 0 ? qint64(r.width) * r.height : qint64(-1);
    case BitrateColumn:
        return r.bitrate;
    case KeepAliveColumn:
        return keepAliveAgeMs(r);
    default:
        return displayText(r, column);
    }
}

QVariant StreamTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case MediaSessionIdColumn:
        return tr("Media session");
    case DirectionColumn:
        return tr("Direction");
    case StatusColumn:
        return tr("Status");
    case InfoColumn:
        return tr("Info");
    case ProviderColumn:
        return tr("Provider");
    case MediaColumn:
        return tr("Media");
    case SizeColumn:
        return tr("Size");
    case BitrateColumn:
        return tr("Bitrate");
    case KeepAliveColumn:
        return tr("Keep-alive");
    case NodeColumn:
        return tr("Node");
    default:
        return {};
    }
}

QHash<int, QByteArray> StreamTableModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{StatusRole, "status"},
                                        {StatusTextRole, "statusText"},
                                        {WireStatusRole, "wireStatus"},
                                        {StaleRole, "stale"},
                                        {LiveRole, "live"},
                                        {KeepAliveAgeMsRole, "keepAliveAgeMs"},
                                        {MediaSessionIdRole, "mediaSessionId"},
                                        {NameRole, "name"},
                                        {AccountIdRole, "accountId"},
                                        {NodeIdRole, "nodeId"},
                                        {InfoRole, "info"},
                                        {PublishedRole, "published"},
                                        {HasAudioRole, "hasAudio"},
                                        {HasVideoRole, "hasVideo"},
                                        {WidthRole, "width"},
                                        {HeightRole, "height"},
                                        {BitrateRole, "bitrate"},
                                        {SourcesRole, "sources"},
                                        {LastEventMsRole, "lastEventMs"},
                                        {SortRole, "sortValue"},
                                        {RecordNameRole, "recordName"}});
    return names;
}

} // namespace models
