#pragma once

#include "hooks/NodeStatus.h"

#include <QTableWidget>

namespace ui {

/// The nodes of the Servers tab, one row each: the configured WCS nodes polled through their
/// REST API (reachability badge, counters from `/?action=stat`, the last error inline) and the
/// nodes seen only in REST hooks. Row 0 is "All nodes" (id ""). Selecting a row states which
/// node's streams to show (nodeSelected()).
class NodeTable : public QTableWidget {
    Q_OBJECT

public:
    enum Column {
        NodeColumn,
        StatusColumn,      ///< NodeBadgeStyle badge (icon + words)
        ConnectionsColumn, ///< stat `connections`
        InColumn,          ///< sum of stat `streams_*_in`
        OutColumn,         ///< sum of stat `streams_*_out`
        ProblemColumn,     ///< last error of the node, empty when fine
        ColumnCount
    };
    /// Item data role holding the node id (QString) on every column.
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    explicit NodeTable(QWidget* parent = nullptr);

    /// Adds or updates the row of configured node `id`; `name` is shown.
    void setNode(const QString& id, const QString& name, const hooks::NodeStatus& status);
    /// Adds a row for a node known only from hooks, unless `id` already has one.
    void addHookNode(const QString& id);
    /// Removes configured nodes not in `ids` (hook-only rows stay).
    void keepNodes(const QStringList& ids);
    /// Row of node `id` (0 = "All nodes" for ""), -1 when none.
    int rowOfNode(const QString& id) const;
    /// Id of the selected node; "" for "All nodes" or no selection.
    QString selectedNodeId() const;
    bool selectNode(const QString& id);
    /// Text of a cell (for tests and accessibility).
    QString cellText(const QString& id, Column column) const;

Q_SIGNALS:
    void nodeSelected(const QString& nodeId);

private:
    int ensureRow(const QString& id, bool hookOnly);
    void setCell(int row, int column, const QString& text, const QString& tip = {});
};

} // namespace ui
