#pragma once

#include "core/Clock.h"
#include "services/StreamMonitor.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <memory>

namespace models {

/// One row per stream of a services::StreamMonitor (same row order), one column per field.
///
/// Updates are coalesced per UI frame: the monitor's rowsAppended()/rowsDirty() only start a
/// single-shot frame timer (frameInterval(), default 16 ms). At the tick the model exposes the
/// rows it has not shown yet (one beginInsertRows/endInsertRows), then pulls
/// StreamMonitor::takeDirtyRows() and emits one dataChanged(col 0 .. last col) per contiguous
/// range of changed rows (at most maxRangesPerFrame() ranges: beyond that the closest ranges
/// are joined, so a burst over 100k scattered rows costs a view a bounded number of signals).
/// The monitor's reset() (rows pruned) is a model reset.
/// The keep-alive age column is refreshed once a second (one dataChanged for that column).
///
/// The model is the monitor's one consumer of takeDirtyRows(): put several views on one
/// model (through proxies), not several models on one monitor.
class StreamTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        MediaSessionIdColumn,
        DirectionColumn, ///< "publish" / "play"
        StatusColumn,    ///< the status badge
        InfoColumn,
        ProviderColumn,
        MediaColumn,     ///< audio / video
        SizeColumn,      ///< W x H in pixels
        BitrateColumn,   ///< kbps
        KeepAliveColumn, ///< age of the last keep-alive; "stale" marker once keep-alives stop
        NodeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    /// Typed roles; valid on any column of a row unless noted.
    enum Role {
        StatusRole = Qt::UserRole + 1, ///< int(core::StreamStatus)
        StatusTextRole,                ///< translated badge text (raw wire text for Unknown)
        WireStatusRole,                ///< wire text ("PUBLISHING")
        StaleRole,                     ///< bool: keep-alives stopped
        LiveRole,                      ///< bool: not in a terminal status
        KeepAliveAgeMsRole,            ///< qint64 ms since the last keep-alive; -1 = never
        MediaSessionIdRole,            ///< QString
        NameRole,                      ///< QString stream name
        AccountIdRole,                 ///< QString own-session account, empty for server-wide feeds
        NodeIdRole,                    ///< QString WCS node
        InfoRole,                      ///< QString last reason text
        PublishedRole,                 ///< int: 1 publisher, 0 player, -1 unknown
        HasAudioRole,                  ///< int: 1 / 0 / -1 unknown
        HasVideoRole,                  ///< int: 1 / 0 / -1 unknown
        WidthRole,                     ///< int pixels, -1 unknown
        HeightRole,                    ///< int pixels, -1 unknown
        BitrateRole,                   ///< int kbps, -1 unknown
        SourcesRole,                   ///< int services::StreamSource flags
        LastEventMsRole,               ///< qint64 ms since the epoch
        SortRole,       ///< per column: a value that sorts naturally (numbers as numbers)
        RecordNameRole, ///< QString recording file name (`recordName`), empty when none
    };
    Q_ENUM(Role)

    /// `monitor` and `clock` must outlive the model.
    StreamTableModel(services::StreamMonitor* monitor, std::shared_ptr<const core::Clock> clock,
                     QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of `mediaSessionId` among the exposed rows, -1 when not (yet) shown.
    int rowOf(const QString& mediaSessionId) const;

    /// Frame timer period in ms (default 16).
    void setFrameInterval(int ms) { m_frameTimer.setInterval(ms); }
    int frameInterval() const { return m_frameTimer.interval(); }
    /// Most dataChanged signals per frame (default 64; <= 0: one per contiguous range).
    void setMaxRangesPerFrame(int ranges) { m_maxRanges = ranges; }
    int maxRangesPerFrame() const { return m_maxRanges; }
    /// Keep-alive age refresh period in ms (default 1000; 0 stops the refresh).
    void setAgeRefreshInterval(int ms);

    /// Applies pending inserts and changes now (what the frame tick does).
    void processFrame();
    /// Emits the once-a-second dataChanged of the keep-alive age column.
    void refreshKeepAliveAges();

private:
    void scheduleFrame();
    void resetFromMonitor();
    QVariant displayText(const services::StreamRecord& r, int column) const;
    QVariant sortValue(const services::StreamRecord& r, int column) const;
    qint64 keepAliveAgeMs(const services::StreamRecord& r) const;

    services::StreamMonitor* m_monitor;
    std::shared_ptr<const core::Clock> m_clock;
    QTimer m_frameTimer;
    QTimer m_ageTimer;
    int m_exposed = 0;
    int m_maxRanges = 64;
};

} // namespace models
