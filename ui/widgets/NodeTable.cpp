#include "ui/widgets/NodeTable.h"

#include "ui/widgets/NodeBadgeStyle.h"

#include <QDateTime>
#include <QHeaderView>

namespace ui {

namespace {

constexpr int kHookOnlyRole = Qt::UserRole + 2;

/// Sum of the stat counters named `streams_*<suffix>` (e.g. "_in"); -1 when none is present.
int sumStreams(const QJsonObject& stats, const QString& suffix) {
    int sum = -1;
    for (auto it = stats.constBegin(); it != stats.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("streams_")) && it.key().endsWith(suffix)) {
            sum = qMax(sum, 0) + it.value().toInt();
        }
    }
    return sum;
}

QString count(int n) {
    return n < 0 ? QStringLiteral("–") : QString::number(n);
}

} // namespace

NodeTable::NodeTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent) {
    setHorizontalHeaderLabels(
        {tr("Node"), tr("REST API"), tr("Conn."), tr("In"), tr("Out"), tr("Problem")});
    horizontalHeaderItem(ConnectionsColumn)->setToolTip(tr("Connections (node statistics)"));
    horizontalHeaderItem(InColumn)->setToolTip(tr("Streams coming in (published)"));
    horizontalHeaderItem(OutColumn)->setToolTip(tr("Streams going out (played)"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setAccessibleName(tr("Server nodes"));
    const int all = ensureRow(QString(), false);
    setCell(all, NodeColumn, tr("All nodes"));
    connect(this, &QTableWidget::itemSelectionChanged, this,
            [this] { Q_EMIT nodeSelected(selectedNodeId()); });
}

int NodeTable::rowOfNode(const QString& id) const {
    for (int r = 0; r < rowCount(); ++r) {
        const QTableWidgetItem* it = item(r, NodeColumn);
        if (it && it->data(NodeIdRole).toString() == id) {
            return r;
        }
    }
    return -1;
}

int NodeTable::ensureRow(const QString& id, bool hookOnly) {
    int row = rowOfNode(id);
    if (row < 0) {
        row = rowCount();
        insertRow(row);
        for (int c = 0; c < ColumnCount; ++c) {
            auto* it = new QTableWidgetItem;
            it->setData(NodeIdRole, id);
            setItem(row, c, it);
        }
    }
    item(row, NodeColumn)->setData(kHookOnlyRole, hookOnly);
    return row;
}

void NodeTable::setCell(int row, int column, const QString& text, const QString& tip) {
    QTableWidgetItem* it = item(row, column);
    it->setText(text);
    it->setToolTip(tip.isEmpty() ? text : tip);
}

void NodeTable::setNode(const QString& id, const QString& name, const hooks::NodeStatus& s) {
    const int row = ensureRow(id, false);
    setCell(row, NodeColumn, name, name == id ? id : tr("%1 (id %2)").arg(name, id));
    const StatusBadgeStyle::Badge badge = NodeBadgeStyle::badge(s.reachability);
    QTableWidgetItem* st = item(row, StatusColumn);
    st->setText(badge.text);
    st->setIcon(StatusBadgeStyle::icon(badge.shape, badge.color()));
    st->setData(Qt::AccessibleTextRole, badge.accessibleText);
    QString tip = badge.accessibleText;
    if (s.lastSuccessMs > 0) {
        tip += QLatin1Char('\n') +
               tr("Last answer: %1")
                   .arg(QDateTime::fromMSecsSinceEpoch(s.lastSuccessMs).toString(Qt::ISODate));
    }
    st->setToolTip(tip);
    const int conns = s.stats.contains(QLatin1String("connections"))
                          ? s.stats.value(QLatin1String("connections")).toInt()
                          : s.connections;
    setCell(row, ConnectionsColumn, count(conns));
    setCell(row, InColumn, count(sumStreams(s.stats, QStringLiteral("_in"))));
    setCell(row, OutColumn, count(sumStreams(s.stats, QStringLiteral("_out"))));
    QString problem;
    if (!s.lastError.isEmpty()) {
        problem = s.lastHttpStatus > 0 ? tr("HTTP %1: %2").arg(s.lastHttpStatus).arg(s.lastError)
                                       : s.lastError;
    }
    setCell(row, ProblemColumn, problem);
    item(row, ProblemColumn)->setForeground(badge.color().darker(130));
}

void NodeTable::addHookNode(const QString& id) {
    if (id.isEmpty() || rowOfNode(id) >= 0) {
        return;
    }
    const int row = ensureRow(id, true);
    setCell(row, NodeColumn, id);
    const StatusBadgeStyle::Badge badge = NodeBadgeStyle::badge({}, true);
    QTableWidgetItem* st = item(row, StatusColumn);
    st->setText(badge.text);
    st->setIcon(StatusBadgeStyle::icon(badge.shape, badge.color()));
    st->setToolTip(tr("Seen in REST hooks; no REST API configured for this node id."));
}

void NodeTable::keepNodes(const QStringList& ids) {
    for (int r = rowCount() - 1; r > 0; --r) {
        const QTableWidgetItem* it = item(r, NodeColumn);
        if (!it->data(kHookOnlyRole).toBool() && !ids.contains(it->data(NodeIdRole).toString())) {
            removeRow(r);
        }
    }
}

QString NodeTable::selectedNodeId() const {
    const QList<QTableWidgetItem*> items = selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NodeIdRole).toString();
}

bool NodeTable::selectNode(const QString& id) {
    const int row = rowOfNode(id);
    if (row < 0) {
        return false;
    }
    selectRow(row);
    return true;
}

QString NodeTable::cellText(const QString& id, Column column) const {
    const int row = rowOfNode(id);
    return row < 0 ? QString() : item(row, column)->text();
}

} // namespace ui
