#include "ui/widgets/ServersPanel.h"

#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "ui/delegates/BadgeDelegate.h"
#include "ui/widgets/HookServerBox.h"
#include "ui/widgets/NodeTable.h"
#include "ui/widgets/RefuseRulesBox.h"
#include "ui/widgets/StreamMetricsBox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace ui {

namespace {

using STM = models::StreamTableModel;
constexpr int kMaxOutcomes = 200;

} // namespace

ServersPanel::ServersPanel(models::StreamTableModel* streams, QWidget* parent)
    : QWidget(parent)
    , m_streams(streams)
    , m_proxy(new models::StreamFilterProxy(this))
    , m_hookBox(new HookServerBox(this))
    , m_nodes(new NodeTable(this))
    , m_table(new QTableView(this))
    , m_metrics(new StreamMetricsBox(this))
    , m_refuse(new RefuseRulesBox(this))
    , m_outcomes(new QListWidget(this))
    , m_pollNow(new QPushButton(tr("&Poll now"), this)) {
    m_proxy->setSourceModel(streams);

    auto* nodesSide = new QWidget(this);
    auto* nodesLayout = new QVBoxLayout(nodesSide);
    nodesLayout->setContentsMargins(0, 0, 0, 0);
    nodesLayout->addWidget(m_nodes, 1);
    auto* nodeButtons = new QHBoxLayout;
    nodeButtons->addWidget(m_pollNow);
    nodeButtons->addStretch(1);
    nodesLayout->addLayout(nodeButtons);
    nodesLayout->addWidget(m_refuse);
    m_refuse->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(nodesSide);
    split->addWidget(buildStreamsSide());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    m_outcomes->setAccessibleName(tr("Action outcomes"));
    // Four whole lines (icon rows are at least 16 px high); fitted to the real row height
    // once the first line exists (addOutcome()).
    m_outcomes->setFixedHeight(4 * (qMax(fontMetrics().height(), 16) + 2) +
                               2 * m_outcomes->frameWidth());
    m_outcomes->setWordWrap(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hookBox);
    layout->addWidget(split, 1);
    layout->addWidget(m_outcomes);

    connect(m_hookBox, &HookServerBox::configureRequested, this, &ServersPanel::configureRequested);
    connect(m_nodes, &NodeTable::nodeSelected, this, [this](const QString& id) {
        m_proxy->setNodeFilter(id);
        onSelectionChanged();
    });
    connect(m_pollNow, &QPushButton::clicked, this,
            [this] { Q_EMIT pollRequested(m_nodes->selectedNodeId()); });
    connect(m_refuse, &RefuseRulesBox::refuseRequested, this,
            [this](const QString& method, const QString& pattern) {
                const QString what = method == QLatin1String("playStream")
                                         ? tr("Refuse playing of streams named \"%1\"?")
                                         : tr("Refuse publishing of streams named \"%1\"?");
                if (confirm(tr("Refuse streams"),
                            what.arg(pattern) + QLatin1Char('\n') +
                                tr("WCS asks this backend first; it will answer 403."))) {
                    Q_EMIT refuseRequested(method, pattern);
                }
            });
    connect(m_refuse, &RefuseRulesBox::removeRequested, this,
            &ServersPanel::removeRefuseRuleRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServersPanel::onSelectionChanged);
    // Coalesced: the model may report many changed ranges per frame.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ServersPanel::updateSelectedStream);
    connect(m_proxy, &QAbstractItemModel::dataChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ServersPanel::onSelectionChanged);
    connect(streams, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { m_nodeScan->add(first, last); });
    connect(streams, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& tl, const QModelIndex& br) {
                if (tl.column() <= STM::NodeColumn && br.column() >= STM::NodeColumn) {
                    m_nodeScan->add(tl.row(), br.row());
                }
            });
    m_nodeScan->add(0, streams->rowCount() - 1);
    m_nodes->selectNode(QString());
    onSelectionChanged();
}

QWidget* ServersPanel::buildStreamsSide() {
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(
        STM::StatusColumn, new BadgeDelegate(StatusBadgeStyle::Family::Stream, STM::StatusRole,
                                             STM::StatusTextRole, m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(STM::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Streams of the selected node"));
    for (int c : {int(STM::MediaSessionIdColumn), int(STM::InfoColumn), int(STM::ProviderColumn),
                  int(STM::MediaColumn)}) {
        m_table->setColumnHidden(c, true);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_terminateStream = new QPushButton(tr("&Terminate stream"), this);
    m_terminateStream->setToolTip(tr("WCS REST API /stream/terminate"));
    m_terminateConnection = new QPushButton(tr("Terminate &connection"), this);
    m_terminateConnection->setToolTip(tr("WCS REST API /connection/terminate: the client's "
                                         "whole session"));
    m_endAtKeepAlive = new QPushButton(tr("&End at keep-alive"), this);
    m_endAtKeepAlive->setToolTip(tr("Answer 403 to the stream's next StreamKeepAliveEvent: "
                                    "WCS ends the stream"));
    connect(m_terminateStream, &QPushButton::clicked, this, [this] {
        act(tr("Terminate stream"), tr("Terminate stream \"%1\" on its server?"),
            &ServersPanel::terminateStreamRequested);
    });
    connect(m_terminateConnection, &QPushButton::clicked, this, [this] {
        act(tr("Terminate connection"),
            tr("Terminate the connection that owns \"%1\"? All its streams and calls end."),
            &ServersPanel::terminateConnectionRequested);
    });
    connect(m_endAtKeepAlive, &QPushButton::clicked, this, [this] {
        act(tr("End at keep-alive"), tr("End stream \"%1\" at its next keep-alive?"),
            &ServersPanel::endAtKeepAliveRequested);
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!m_table->indexAt(pos).isValid()) {
            return;
        }
        QMenu menu(this);
        for (QPushButton* b : {m_terminateStream, m_terminateConnection, m_endAtKeepAlive}) {
            QAction* a = menu.addAction(b->text(), b, &QPushButton::click);
            a->setEnabled(b->isEnabled());
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_terminateStream);
    buttons->addWidget(m_terminateConnection);
    buttons->addWidget(m_endAtKeepAlive);
    buttons->addStretch(1);

    auto* side = new QWidget(this);
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_metrics);
    m_metrics->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    return side;
}

bool ServersPanel::confirm(const QString& title, const QString& text) {
    if (m_confirm) {
        return m_confirm(title, text);
    }
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void ServersPanel::act(const QString& title, const QString& question,
                       void (ServersPanel::*signal)(const QString&)) {
    const QString id = selectedMediaSessionId();
    if (id.isEmpty()) {
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    const QString name = current.siblingAtColumn(STM::NameColumn).data(STM::NameRole).toString();
    if (confirm(title, question.arg(name.isEmpty() ? id : name))) {
        Q_EMIT(this->*signal)(id);
    }
}

QString ServersPanel::selectedMediaSessionId() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(STM::MediaSessionIdRole).toString() : QString();
}

bool ServersPanel::selectStream(const QString& mediaSessionId) {
    const int sourceRow = m_streams->rowOf(mediaSessionId);
    if (sourceRow < 0) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_streams->index(sourceRow, 0));
    if (!index.isValid()) {
        return false;
    }
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    return true;
}

void ServersPanel::onSelectionChanged() {
    const QString id = selectedMediaSessionId();
    updateSelectedStream();
    if (id != m_selected) {
        m_selected = id;
        m_metrics->setMetrics({});
        m_metrics->setNote({});
        Q_EMIT streamSelected(id);
    }
}

void ServersPanel::updateSelectedStream() {
    const QModelIndex current = m_table->currentIndex();
    const bool live = current.isValid() && current.data(STM::LiveRole).toBool();
    m_terminateStream->setEnabled(live);
    m_terminateConnection->setEnabled(live);
    m_endAtKeepAlive->setEnabled(live);
    if (!current.isValid()) {
        m_metrics->clear();
        return;
    }
    m_metrics->setStream(
        current.data(STM::NameRole).toString(), current.data(STM::NodeIdRole).toString(),
        current.data(STM::KeepAliveAgeMsRole).toLongLong(), current.data(STM::StaleRole).toBool());
}

int ServersPanel::addOutcome(const QString& text, StatusBadgeStyle::Tone tone) {
    const int id = m_nextOutcome++;
    auto* item = new QListWidgetItem;
    item->setData(Qt::UserRole, id);
    m_outcomes->insertItem(0, item);
    while (m_outcomes->count() > kMaxOutcomes) {
        delete m_outcomes->takeItem(m_outcomes->count() - 1);
    }
    setOutcome(id, text, tone);
    if (m_outcomes->count() == 1) {
        m_outcomes->setFixedHeight(4 * m_outcomes->sizeHintForRow(0) +
                                   2 * m_outcomes->frameWidth());
    }
    return id;
}

void ServersPanel::setOutcome(int id, const QString& text, StatusBadgeStyle::Tone tone) {
    for (int i = 0; i < m_outcomes->count(); ++i) {
        QListWidgetItem* item = m_outcomes->item(i);
        if (item->data(Qt::UserRole).toInt() == id) {
            const QString line = QTime::currentTime().toString(QStringLiteral("HH:mm:ss  ")) + text;
            item->setText(line);
            item->setToolTip(line);
            item->setData(Qt::UserRole + 1, text);
            item->setIcon(StatusBadgeStyle::icon(
                tone == StatusBadgeStyle::Tone::Good  ? StatusBadgeStyle::Shape::Check
                : tone == StatusBadgeStyle::Tone::Bad ? StatusBadgeStyle::Shape::Cross
                                                      : StatusBadgeStyle::Shape::Ring,
                StatusBadgeStyle::color(tone)));
            return;
        }
    }
}

QString ServersPanel::lastOutcome() const {
    return m_outcomes->count() == 0 ? QString()
                                    : m_outcomes->item(0)->data(Qt::UserRole + 1).toString();
}

void ServersPanel::setMetrics(const QString& mediaSessionId, const QJsonObject& metrics) {
    if (mediaSessionId == selectedMediaSessionId()) {
        m_metrics->setMetrics(metrics);
        m_metrics->setNote({});
    }
}

void ServersPanel::setMetricsNote(const QString& mediaSessionId, const QString& note) {
    if (mediaSessionId == selectedMediaSessionId()) {
        m_metrics->setNote(note);
    }
}

void ServersPanel::scanNodes(int first, int last) {
    last = qMin(last, m_streams->rowCount() - 1);
    for (int r = qMax(0, first); r <= last; ++r) {
        const QString node = m_streams->index(r, 0).data(STM::NodeIdRole).toString();
        if (!node.isEmpty() && !m_seenNodes.contains(node)) {
            m_seenNodes.insert(node);
            m_nodes->addHookNode(node);
        }
    }
}

} // namespace ui
