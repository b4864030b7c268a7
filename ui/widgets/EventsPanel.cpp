#include "ui/widgets/EventsPanel.h"

#include "models/EventLogModel.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

EventsPanel::EventsPanel(models::EventLogModel* events, QWidget* parent)
    : QWidget(parent)
    , m_events(events)
    , m_table(new QTableView(this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
    , m_export(new QPushButton(tr("&Export JSON Lines…"), this))
    , m_state(new QLabel(this)) {
    setObjectName(QStringLiteral("eventsPanel"));
    m_pause->setCheckable(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_pause);
    top->addWidget(m_clear);
    top->addWidget(m_export);
    top->addStretch(1);
    top->addWidget(m_state);

    m_table->setModel(m_events);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(models::EventLogModel::TimeColumn, 110);
    m_table->setColumnWidth(models::EventLogModel::TypeColumn, 200);
    m_table->setColumnWidth(models::EventLogModel::AccountColumn, 80);
    m_table->setColumnWidth(models::EventLogModel::StatusColumn, 130);
    m_table->setColumnWidth(models::EventLogModel::ObjectIdColumn, 300);
    m_table->setAccessibleName(tr("Event log"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_events->setPaused(paused);
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
        updateState();
    });
    connect(m_clear, &QPushButton::clicked, m_events, &models::EventLogModel::clear);
    connect(m_export, &QPushButton::clicked, this, &EventsPanel::askExport);
    connect(m_events, &QAbstractItemModel::rowsInserted, this, [this] {
        updateState();
        if (!m_events->isPaused()) {
            m_table->scrollToBottom();
        }
    });
    connect(m_events, &QAbstractItemModel::rowsRemoved, this, &EventsPanel::updateState);
    connect(m_events, &QAbstractItemModel::modelReset, this, &EventsPanel::updateState);
    updateState();
}

qint64 EventsPanel::exportTo(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        return -1;
    }
    return m_events->exportJsonLines(file);
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
    }
}

void EventsPanel::updateState() {
    if (m_events->isPaused()) {
        //: %1 events shown, %2 events waiting while the log is paused
        m_state->setText(tr("Events: %1, paused (%2 waiting)")
                             .arg(m_events->rowCount())
                             .arg(m_events->pendingCount()));
    } else {
        m_state->setText(tr("Events: %1").arg(m_events->rowCount()));
    }
}

} // namespace ui
