#include "ui/widgets/StreamsPanel.h"

#include "models/StatusLabels.h"
#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "ui/delegates/BadgeDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

using STM = models::StreamTableModel;

namespace {
constexpr int kAll = -1;
constexpr int kLive = -2;
} // namespace

StreamsPanel::StreamsPanel(models::StreamTableModel* streams, QWidget* parent)
    : QWidget(parent)
    , m_streams(streams)
    , m_proxy(new models::StreamFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this)) {
    setObjectName(QStringLiteral("streamsPanel"));
    m_proxy->setSourceModel(m_streams);

    m_filter->setPlaceholderText(tr("Filter by name, mediaSessionId or info"));
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

    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    auto* statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(statusLabel);
    top->addWidget(m_status);
    top->addWidget(m_count);

    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(
        STM::StatusColumn, new BadgeDelegate(StatusBadgeStyle::Family::Stream, STM::StatusRole,
                                             STM::StatusTextRole, m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(STM::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
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

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &models::StreamFilterProxy::setTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &StreamsPanel::applyStatusFilter);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &StreamsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &StreamsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &StreamsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &StreamsPanel::updateCount);
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
}

} // namespace ui
