#include "ui/widgets/StreamsPanel.h"

#include "models/StatusLabels.h"
#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "ui/delegates/BadgeDelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ui {

using STM = models::StreamTableModel;

namespace {
constexpr int kAll = -1;
constexpr int kLive = -2;

QStringList sorted(const QSet<QString>& set) {
    QStringList list(set.begin(), set.end());
    std::sort(list.begin(), list.end());
    return list;
}
} // namespace

StreamsPanel::StreamsPanel(models::StreamTableModel* streams, QWidget* parent)
    : QWidget(parent)
    , m_streams(streams)
    , m_proxy(new models::StreamFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_toolBar(new QToolBar(this))
    , m_table(new QTableView(this)) {
    setObjectName(u"streamsPanel"_s);
    m_proxy->setSourceModel(m_streams);

    m_filter->setPlaceholderText(tr("Name, mediaSessionId or info"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Stream filter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), kAll);
    m_status->addItem(tr("Live only"), kLive);
    using S = core::StreamStatus;
    for (S s : {S::Publishing, S::Playing, S::Pending, S::Paused, S::PlaybackProblem, S::Failed,
                S::Unpublished, S::Stopped}) {
        m_status->addItem(models::StatusLabels::stream(s), static_cast<int>(s));
    }
    m_source->setAccessibleName(tr("Account or node filter"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source->addItem(tr("All sources"), QString());

    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    auto* statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto* sourceLabel = new QLabel(tr("S&ource:"), this);
    sourceLabel->setBuddy(m_source);
    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(statusLabel);
    top->addWidget(m_status);
    top->addWidget(sourceLabel);
    top->addWidget(m_source);
    top->addWidget(m_count);

    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(
        STM::StatusColumn, new BadgeDelegate(StatusBadgeStyle::Family::Stream, STM::StatusRole,
                                             STM::StatusTextRole, m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(STM::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(STM::MediaSessionIdColumn,
                                                      QHeaderView::Interactive);
    m_table->setColumnWidth(STM::MediaSessionIdColumn, 150);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Streams"));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    buildActions();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &models::StreamFilterProxy::setTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &StreamsPanel::applyStatusFilter);
    connect(m_source, &QComboBox::currentIndexChanged, this, &StreamsPanel::applySourceFilter);
    connect(m_table, &QWidget::customContextMenuRequested, this, &StreamsPanel::showContextMenu);
    connect(m_table, &QAbstractItemView::doubleClicked, this,
            [this] { emitForSelection(&StreamsPanel::detailsRequested); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StreamsPanel::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &StreamsPanel::updateCount);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &StreamsPanel::updateCount);
    // Ended streams are pruned now and then (a model reset): keep the user's selection. The id
    // is remembered when the selection moves: by the time the reset is announced, the monitor
    // has already dropped the rows, so the old index no longer names the stream.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!m_resetting) {
                    m_currentId = current.data(STM::MediaSessionIdRole).toString();
                }
            });
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_resetting = true; });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_resetting = false;
        if (m_currentId.isEmpty() || m_proxy->rowCount() == 0) {
            return;
        }
        const QModelIndexList found = m_proxy->match(m_proxy->index(0, 0), STM::MediaSessionIdRole,
                                                     m_currentId, 1, Qt::MatchExactly);
        if (!found.isEmpty()) {
            m_table->setCurrentIndex(found.first());
            m_table->scrollTo(found.first());
        }
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &StreamsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &StreamsPanel::updateActions);
    // New accounts / nodes show up in the source filter shortly after their first row; only
    // the rows inserted or changed since the last scan are read again.
    connect(m_streams, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { m_sourceScan->add(first, last); });
    connect(m_streams, &QAbstractItemModel::modelReset, this,
            [this] { m_sourceScan->add(0, m_streams->rowCount() - 1); });
    connect(m_streams, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                if (topLeft.column() == 0) { // whole rows changed (not the keep-alive tick)
                    m_sourceScan->add(topLeft.row(), bottomRight.row());
                }
            });
    refreshSources();
    updateCount();
    updateActions();
}

void StreamsPanel::buildActions() {
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setAccessibleName(tr("Stream actions"));
    const auto add = [this](const QString& text, const QString& tip) {
        auto* action = new QAction(text, this);
        action->setToolTip(tip);
        m_toolBar->addAction(action);
        return action;
    };
    m_publish = add(tr("&Publish…"), tr("Publish a stream from one of your accounts"));
    m_play = add(tr("Pla&y…"), tr("Play a stream by name"));
    m_toolBar->addSeparator();
    m_preview = add(tr("Pre&view"), tr("Listen to the selected stream in a preview pane"));
    m_stop = add(tr("S&top"), tr("Unpublish or stop the selected stream of your session"));
    m_snapshot = add(tr("Snaps&hot"), tr("Take a snapshot of the selected stream"));
    m_copyHls = add(tr("Copy &HLS URL"), tr("Copy the HLS playlist address of the stream"));
    m_copyRecord = add(tr("Copy &record URL"), tr("Copy the download address of the recording"));
    m_details = add(tr("&Details"), tr("Every field of the last status event, and its history"));
    connect(m_publish, &QAction::triggered, this, &StreamsPanel::publishRequested);
    connect(m_play, &QAction::triggered, this, &StreamsPanel::playRequested);
    connect(m_stop, &QAction::triggered, this,
            [this] { emitForSelection(&StreamsPanel::stopRequested); });
    connect(m_snapshot, &QAction::triggered, this,
            [this] { emitForSelection(&StreamsPanel::snapshotRequested); });
    connect(m_copyHls, &QAction::triggered, this,
            [this] { emitForSelection(&StreamsPanel::copyHlsUrlRequested); });
    connect(m_copyRecord, &QAction::triggered, this,
            [this] { emitForSelection(&StreamsPanel::copyRecordUrlRequested); });
    connect(m_details, &QAction::triggered, this,
            [this] { emitForSelection(&StreamsPanel::detailsRequested); });
    connect(m_preview, &QAction::triggered, this,
            [this] { emitForSelection(&StreamsPanel::previewRequested); });
}

void StreamsPanel::setAccountNames(std::function<QString(const QString&)> names) {
    m_names = std::move(names);
    refreshSources();
}

QString StreamsPanel::selectedMediaSessionId() const {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(STM::MediaSessionIdRole).toString() : QString();
}

bool StreamsPanel::selectStream(const QString& mediaSessionId) {
    const int sourceRow = m_streams->rowOf(mediaSessionId);
    const QModelIndex index = m_proxy->mapFromSource(m_streams->index(qMax(sourceRow, 0), 0));
    if (sourceRow < 0 || !index.isValid()) {
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    return true;
}

void StreamsPanel::emitForSelection(void (StreamsPanel::*signal)(const QString&)) {
    const QString id = selectedMediaSessionId();
    if (!id.isEmpty()) {
        Q_EMIT(this->*signal)(id);
    }
}

void StreamsPanel::updateActions() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const bool selected = current.isValid();
    const bool live = selected && current.data(STM::LiveRole).toBool();
    const bool own = selected && !current.data(STM::AccountIdRole).toString().isEmpty();
    const bool named = selected && !current.data(STM::NameRole).toString().isEmpty();
    m_stop->setEnabled(live && own);
    m_snapshot->setEnabled(live && named);
    m_copyHls->setEnabled(named);
    m_preview->setEnabled(named);
    m_copyRecord->setEnabled(selected && !current.data(STM::RecordNameRole).toString().isEmpty());
    m_details->setEnabled(selected);
}

void StreamsPanel::showContextMenu(const QPoint& pos) {
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid()) {
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    }
    updateActions();
    QMenu menu(this);
    menu.addActions({m_preview, m_details, m_stop, m_snapshot, m_copyHls, m_copyRecord});
    menu.addSeparator();
    menu.addActions({m_publish, m_play});
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void StreamsPanel::refreshSources() {
    // A full rescan also drops sources without rows and re-reads the account names.
    m_accounts.clear();
    m_nodes.clear();
    scanSources(0, m_streams->rowCount() - 1, true);
}

void StreamsPanel::scanSources(int first, int last, bool rebuild) {
    m_sourceScan->cancel();
    bool changed = rebuild;
    for (int row = qMax(0, first), rows = qMin(last + 1, m_streams->rowCount()); row < rows;
         ++row) {
        const QModelIndex i = m_streams->index(row, 0);
        const QString account = i.data(STM::AccountIdRole).toString();
        const QString node = i.data(STM::NodeIdRole).toString();
        if (!account.isEmpty() && !m_accounts.contains(account)) {
            m_accounts.insert(account);
            changed = true;
        }
        if (!node.isEmpty() && !m_nodes.contains(node)) {
            m_nodes.insert(node);
            changed = true;
        }
    }
    if (!changed) {
        return;
    }
    const QString current = m_source->currentData().toString();
    QSignalBlocker block(m_source);
    m_source->clear();
    m_source->addItem(tr("All sources"), QString());
    for (const QString& id : sorted(m_accounts)) {
        const QString name = m_names ? m_names(id) : QString();
        //: Source filter entry: one of our accounts
        m_source->addItem(tr("Account: %1").arg(name.isEmpty() ? id : name), u"a:"_s + id);
    }
    for (const QString& node : sorted(m_nodes)) {
        //: Source filter entry: a WCS node
        m_source->addItem(tr("Node: %1").arg(node), u"n:"_s + node);
    }
    m_source->setCurrentIndex(qMax(0, m_source->findData(current)));
    block.unblock();
    if (m_source->currentData().toString() != current) {
        applySourceFilter(); // the chosen source is gone
    }
}

void StreamsPanel::applySourceFilter() {
    const QString source = m_source->currentData().toString();
    m_proxy->setAccountFilter(source.startsWith("a:"_L1) ? source.mid(2) : QString());
    m_proxy->setNodeFilter(source.startsWith("n:"_L1) ? source.mid(2) : QString());
    updateCount();
}

void StreamsPanel::applyStatusFilter() {
    const int value = m_status->currentData().toInt();
    m_proxy->setLiveOnly(value == kLive);
    if (value >= 0) {
        m_proxy->setStatusFilter({static_cast<core::StreamStatus>(value)});
    } else {
        m_proxy->setStatusFilter({});
    }
    updateCount();
}

void StreamsPanel::updateCount() {
    //: Shown / total streams in the stream monitor
    m_count->setText(tr("%1 of %2 streams").arg(m_proxy->rowCount()).arg(m_streams->rowCount()));
    updateActions();
}

} // namespace ui
