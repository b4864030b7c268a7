#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QTimer>

#include <deque>

namespace services {
class LogControlSink;
}

namespace models {

/// The live log of the debug panel: the lines of a services::LogControlSink (already redacted
/// by the sink), oldest first, split into time, level and category for filtering.
///
/// * Starts with the sink's stored lines, then follows LogControlSink::lineAdded. New lines are
///   buffered and shown at the next frame tick (frameInterval(), default 50 ms) with one
///   insertion per tick, so a burst of debug logging does not repaint once per line.
/// * Keeps at most capacity() rows (default: the sink's capacity); the oldest are removed.
/// * Line format (LogControlSink::formatLine): `<ISO time with ms> <level> <category>: <text>`.
///   A line that does not parse keeps its whole text as the message, level "info", no category.
class LogLineModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, ///< QString ISO local time with ms, as in the line
        LevelRole,                   ///< QString "debug", "info", "warning", "critical", "fatal"
        LevelRankRole,               ///< int 0 debug .. 3 critical, 4 fatal (for a minimum)
        CategoryRole,                ///< QString "callboard.wcs.protocol"
        MessageRole,                 ///< QString the text after "category: "
        LineRole,                    ///< QString the whole line
    };
    Q_ENUM(Role)

    /// One parsed line.
    struct Line {
        QString text; ///< the whole line
        QString time;
        QString level;
        QString category;
        int messageStart = 0; ///< index of the message in `text`
        int rank = 1;
    };

    /// `sink` (may be null: an empty model fed by appendLine()) must outlive the model.
    explicit LogLineModel(services::LogControlSink* sink, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Buffers one line; shown at the next frame tick.
    void appendLine(const QString& line);
    /// Shows the buffered lines now (what the frame tick does).
    void processFrame();
    /// Removes every row (the sink's ring is left alone).
    void clear();

    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    void setFrameInterval(int ms) { m_frameTimer.setInterval(ms); }
    int frameInterval() const { return m_frameTimer.interval(); }

    /// Parses one sink line.
    static Line parse(const QString& line);
    /// 0 debug, 1 info, 2 warning, 3 critical, 4 fatal; 1 for unknown text.
    static int levelRank(QStringView level);

private:
    std::deque<Line> m_rows;
    QStringList m_pending;
    QTimer m_frameTimer;
    int m_capacity = 5000;
};

} // namespace models
