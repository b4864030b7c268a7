#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace ui {

/// Collects the row ranges a model reports (rowsInserted, dataChanged, ...) and hands their
/// union to `scan` once, `intervalMs` after the first report of a burst, so a panel re-reads
/// only the rows that changed, at most once per interval. Rows are source-model row numbers;
/// `scan(first, last)` may get `last` beyond the current row count (clamp it).
class DeferredRowScan : public QObject {
    Q_OBJECT

public:
    using Scan = std::function<void(int first, int last)>;

    DeferredRowScan(int intervalMs, Scan scan, QObject* parent = nullptr);

    /// Adds rows [first, last] to the pending range and starts the timer; ignores last < first.
    void add(int first, int last);
    /// Drops the pending range (e.g. a full rescan just ran).
    void cancel();

private:
    void run();

    Scan m_scan;
    QTimer m_timer;
    int m_first = -1; ///< -1 = nothing pending
    int m_last = -1;
};

} // namespace ui
