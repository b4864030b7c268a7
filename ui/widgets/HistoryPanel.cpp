#include "ui/widgets/HistoryPanel.h"

#include "models/AccountListModel.h"
#include "models/HistoryFilterProxy.h"
#include "models/HistoryModel.h"
#include "ui/widgets/HistoryPanelDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

using Kind = models::HistoryFilterProxy::Kind;
using HM = models::HistoryModel;

HistoryPanel::HistoryPanel(models::HistoryModel* history, QWidget* parent)
    : QWidget(parent)
    , m_history(history)
    , m_proxy(new models::HistoryFilterProxy(this))
    , m_kind(new QComboBox(this))
    , m_account(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_callBack(new QPushButton(tr("&Call back"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("historyPanel"));
    m_proxy->setSourceModel(m_history);
    m_kind->addItem(tr("All calls"), int(Kind::All));
    m_kind->addItem(tr("Missed"), int(Kind::Missed));
    m_kind->addItem(tr("Incoming"), int(Kind::Incoming));
    m_kind->addItem(tr("Outgoing"), int(Kind::Outgoing));
    m_kind->setAccessibleName(tr("Which calls"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_account->setAccessibleName(tr("Account filter"));
    m_search->setPlaceholderText(tr("Search number or name"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search history"));
    m_callBack->setToolTip(tr("Call the selected number again (or double-click the row)"));
    m_summary->setObjectName(QStringLiteral("historySummary"));
    rebuildAccounts();

    auto* top = new QHBoxLayout;
    auto* kindLabel = new QLabel(tr("Sho&w:"), this);
    kindLabel->setBuddy(m_kind);
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addWidget(m_account);
    top->addWidget(m_search, 1);
    top->addWidget(m_callBack);
    top->addWidget(m_refresh);

    m_table->setObjectName(QStringLiteral("historyView"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new HistoryPanelDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HM::StartedColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // long reasons and quality figures elide; tooltips have them
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Call history"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilters);
    connect(m_account, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &HistoryPanel::applyFilters);
    connect(m_refresh, &QPushButton::clicked, m_history, &HM::refresh);
    connect(m_callBack, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            callBack(rows.first().row());
        }
    });
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { callBack(index.row()); });
    auto* enter =
        new QShortcut(QKeySequence(Qt::Key_Return), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enter, &QShortcut::activated, m_callBack, &QPushButton::click);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &HistoryPanel::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::updateState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &HistoryPanel::updateState);
    updateState();
}

void HistoryPanel::setAccountModel(QAbstractItemModel* accounts) {
    if (m_accounts) {
        disconnect(m_accounts, nullptr, this, nullptr);
    }
    m_accounts = accounts;
    m_history->setAccountNameLookup(
        [model = QPointer<QAbstractItemModel>(accounts)](const QString& id) {
            const QAbstractItemModel* m = model.data();
            for (int row = 0; m && row < m->rowCount(); ++row) {
                const QModelIndex i = m->index(row, 0);
                if (i.data(models::AccountListModel::AccountIdRole).toString() == id) {
                    return i.data(models::AccountListModel::NameRole).toString();
                }
            }
            return QString();
        });
    if (m_accounts) {
        connect(m_accounts, &QAbstractItemModel::rowsInserted, this,
                &HistoryPanel::rebuildAccounts);
        connect(m_accounts, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::rebuildAccounts);
        connect(m_accounts, &QAbstractItemModel::modelReset, this, &HistoryPanel::rebuildAccounts);
    }
    rebuildAccounts();
}

void HistoryPanel::rebuildAccounts() {
    const QString current = m_account->currentData().toString();
    const QSignalBlocker block(m_account);
    m_account->clear();
    m_account->addItem(tr("All accounts"), QString());
    for (int row = 0; m_accounts && row < m_accounts->rowCount(); ++row) {
        const QModelIndex i = m_accounts->index(row, 0);
        m_account->addItem(i.data(models::AccountListModel::NameRole).toString(),
                           i.data(models::AccountListModel::AccountIdRole).toString());
    }
    m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
    // One account or none: nothing to choose.
    m_account->setVisible(m_account->count() > 2);
    if (m_account->currentData().toString() != current) {
        applyFilters();
    }
}

void HistoryPanel::applyFilters() {
    m_proxy->setKind(static_cast<Kind>(m_kind->currentData().toInt()));
    m_proxy->setAccountFilter(m_account->currentData().toString());
    m_proxy->setTextFilter(m_search->text());
    updateState();
}

bool HistoryPanel::callBack(int row) {
    const int source = m_proxy->sourceRowOf(row);
    return source >= 0 && m_history->requestCallBack(source);
}

void HistoryPanel::updateState() {
    m_callBack->setEnabled(m_table->selectionModel()->hasSelection());
    const int missed = m_history->missedCount();
    //: %1 calls shown; %2 missed calls among all loaded
    m_summary->setText(tr("%1 shown, %2 missed").arg(m_proxy->rowCount()).arg(missed));
}

} // namespace ui
