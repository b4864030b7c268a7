#include "ui/widgets/EventsPanel.h"

#include "models/AccountListModel.h"
#include "models/EventFilterProxy.h"
#include "models/EventLogModel.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

using ELM = models::EventLogModel;

namespace {

QComboBox* makeFilterCombo(const QString& allText, const QString& accessible, QWidget* parent) {
    auto* combo = new QComboBox(parent);
    combo->addItem(allText, QString());
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumContentsLength(10);
    combo->setAccessibleName(accessible);
    return combo;
}

/// The NameRole of `id` in an AccountListModel, empty when unknown.
QString accountNameIn(const QAbstractItemModel* accounts, const QString& id) {
    for (int row = 0; accounts && row < accounts->rowCount(); ++row) {
        const QModelIndex i = accounts->index(row, 0);
        if (i.data(models::AccountListModel::AccountIdRole).toString() == id) {
            return i.data(models::AccountListModel::NameRole).toString();
        }
    }
    return {};
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

EventsPanel::EventsPanel(models::EventLogModel* events, QWidget* parent)
    : QWidget(parent)
    , m_events(events)
    , m_proxy(new models::EventFilterProxy(this))
    , m_type(makeFilterCombo(tr("All events"), tr("Event type filter"), this))
    , m_account(makeFilterCombo(tr("All accounts"), tr("Account filter"), this))
    , m_status(makeFilterCombo(tr("All statuses"), tr("Status filter"), this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_pause(new QPushButton(tr("P&ause"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
    , m_export(new QPushButton(tr("E&xport JSON Lines…"), this))
    , m_state(new QLabel(this)) {
    setObjectName(QStringLiteral("eventsPanel"));
    m_proxy->setSourceModel(m_events);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Hold new events; they are shown on resume"));
    m_export->setToolTip(tr("Save the events shown (filters apply) as JSON Lines"));
    m_search->setPlaceholderText(tr("Search type, object, status, JSON"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search events"));
    m_state->setObjectName(QStringLiteral("eventsState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("&Type:"), m_type, this));
    filters->addWidget(m_type);
    filters->addWidget(buddyLabel(tr("Acc&ount:"), m_account, this));
    filters->addWidget(m_account);
    filters->addWidget(buddyLabel(tr("Stat&us:"), m_status, this));
    filters->addWidget(m_status);
    filters->addWidget(m_search, 1);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_pause);
    actions->addWidget(m_clear);
    actions->addWidget(m_export);
    actions->addStretch(1);
    actions->addWidget(m_state);

    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ELM::TimeColumn, 110);
    m_table->setColumnWidth(ELM::TypeColumn, 200);
    m_table->setColumnWidth(ELM::AccountColumn, 110);
    m_table->setColumnWidth(ELM::StatusColumn, 130);
    m_table->setColumnWidth(ELM::ObjectIdColumn, 260);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Event log"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);

    m_pausedTicker.setInterval(250);
    connect(&m_pausedTicker, &QTimer::timeout, this, &EventsPanel::updateState);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_events->setPaused(paused);
        m_pause->setText(paused ? tr("&Resume") : tr("P&ause"));
        if (paused) {
            m_pausedTicker.start();
        } else {
            m_pausedTicker.stop();
        }
        updateState();
    });
    connect(m_clear, &QPushButton::clicked, m_events, &models::EventLogModel::clear);
    connect(m_export, &QPushButton::clicked, this, &EventsPanel::askExport);
    for (QComboBox* combo : {m_type, m_account, m_status}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &EventsPanel::applyFilters);
    }
    connect(m_search, &QLineEdit::textChanged, this, &EventsPanel::applyFilters);
    connect(m_events, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                collectValues(first, last);
                updateState();
                if (!m_events->isPaused()) {
                    m_table->scrollToBottom();
                }
            });
    connect(m_events, &QAbstractItemModel::rowsRemoved, this, &EventsPanel::updateState);
    connect(m_events, &QAbstractItemModel::modelReset, this, &EventsPanel::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventsPanel::updateState);
    collectValues(0, m_events->rowCount() - 1);
    updateState();
}

void EventsPanel::setAccountModel(QAbstractItemModel* accounts) {
    m_accounts = accounts;
    m_events->setAccountNameLookup(
        [model = QPointer<QAbstractItemModel>(accounts)](const QString& id) {
            return accountNameIn(model.data(), id);
        });
    for (int i = 1; i < m_account->count(); ++i) {
        m_account->setItemText(i, accountName(m_account->itemData(i).toString()));
    }
}

QString EventsPanel::accountName(const QString& id) const {
    const QString name = accountNameIn(m_accounts, id);
    return name.isEmpty() ? id : name;
}

void EventsPanel::addValue(QComboBox* combo, const QString& value, const QString& text) {
    if (value.isEmpty() || combo->findData(value) >= 0) {
        return;
    }
    // Keep the values sorted after the "All" entry.
    int at = 1;
    while (at < combo->count() &&
           QString::compare(combo->itemText(at), text, Qt::CaseInsensitive) < 0) {
        ++at;
    }
    combo->insertItem(at, text, value);
}

void EventsPanel::collectValues(int first, int last) {
    for (int row = first; row <= last && row < m_events->rowCount(); ++row) {
        const services::JournalEntry& e = m_events->entryAt(row);
        addValue(m_type, e.type, e.type);
        addValue(m_account, e.accountId, accountName(e.accountId));
        addValue(m_status, e.status, e.status);
    }
}

void EventsPanel::applyFilters() {
    const auto one = [](QComboBox* combo) {
        const QString v = combo->currentData().toString();
        return v.isEmpty() ? QStringList() : QStringList{v};
    };
    m_proxy->setTypeFilter(one(m_type));
    m_proxy->setAccountFilter(m_account->currentData().toString());
    m_proxy->setStatusFilter(one(m_status));
    m_proxy->setTextFilter(m_search->text());
    updateState();
}

qint64 EventsPanel::exportTo(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        return -1;
    }
    const qint64 lines = m_events->exportJsonLines(
        file, [this](const services::JournalEntry& e) { return m_proxy->acceptsEntry(e); });
    file.close();
    return file.error() == QFileDevice::NoError ? lines : -1;
}

void EventsPanel::askExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export events"),
                                                      QStringLiteral("callboard-events.jsonl"),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const qint64 lines = exportTo(path);
    if (lines < 0) {
        QMessageBox::warning(this, tr("Export events"), tr("Cannot write %1.").arg(path));
        return;
    }
    m_state->setText(tr("Exported %n event(s).", nullptr, int(lines)));
}

void EventsPanel::updateState() {
    const int shown = m_proxy->rowCount();
    const int total = m_events->rowCount();
    //: %1 events shown by the filters, %2 events in the log
    QString text =
        shown == total ? tr("Events: %1").arg(total) : tr("Events: %1 of %2").arg(shown).arg(total);
    if (m_events->isPaused()) {
        //: %1 is "Events: ..."; %2 events that arrived while paused and wait to be shown
        text = tr("%1, paused: %2 held").arg(text).arg(m_events->pendingCount());
    }
    m_state->setText(text);
}

} // namespace ui
