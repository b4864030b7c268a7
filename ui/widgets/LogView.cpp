#include "ui/widgets/LogView.h"

#include "models/LogFilterProxy.h"
#include "models/LogLineModel.h"
#include "services/LogControl.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

LogView::LogView(services::LogControl* control, QWidget* parent)
    : QWidget(parent)
    , m_control(control)
    , m_lines(new models::LogLineModel(&control->sink(), this))
    , m_proxy(new models::LogFilterProxy(this))
    , m_category(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("F&ollow"), this))
    , m_clear(new QPushButton(tr("Clea&r view"), this))
    , m_export(new QPushButton(tr("E&xport logs…"), this))
    , m_list(new QListView(this))
    , m_state(new QLabel(this)) {
    setObjectName(QStringLiteral("logView"));
    m_proxy->setSourceModel(m_lines);
    m_category->addItem(tr("All categories"), QString());
    for (const QString& c : services::LogControl::categories()) {
        m_category->addItem(c, c);
    }
    m_category->setAccessibleName(tr("Log category filter"));
    // Minimum level shown: ranks of models::LogLineModel::levelRank().
    m_level->addItem(tr("Debug and up"), 0);
    m_level->addItem(tr("Info and up"), 1);
    m_level->addItem(tr("Warnings and up"), 2);
    m_level->addItem(tr("Critical only"), 3);
    m_level->setAccessibleName(tr("Log level filter"));
    m_search->setPlaceholderText(tr("Search log"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search log"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest line in view"));
    m_export->setToolTip(tr("Save every stored log line to a text file (passwords are redacted)"));
    m_state->setObjectName(QStringLiteral("logState"));

    m_list->setObjectName(QStringLiteral("logList"));
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setAccessibleName(tr("Live log"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_category);
    top->addWidget(m_level);
    top->addWidget(m_search, 1);
    top->addWidget(m_follow);
    top->addWidget(m_clear);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_state);

    connect(m_category, &QComboBox::currentIndexChanged, this, &LogView::applyFilters);
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &LogView::applyFilters);
    connect(m_clear, &QPushButton::clicked, m_lines, &models::LogLineModel::clear);
    connect(m_export, &QPushButton::clicked, this, &LogView::askExport);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_list->scrollToBottom();
        }
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked()) {
            m_list->scrollToBottom();
        }
        updateState();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &LogView::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogView::updateState);
    // The user scrolling decides: up turns following off, back to the end turns it on.
    QScrollBar* bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::actionTriggered, this, [this, bar] {
        QTimer::singleShot(0, this,
                           [this, bar] { m_follow->setChecked(bar->value() >= bar->maximum()); });
    });
    updateState();
    m_list->scrollToBottom();
}

void LogView::applyFilters() {
    m_proxy->setCategory(m_category->currentData().toString());
    m_proxy->setMinimumRank(m_level->currentData().toInt());
    m_proxy->setText(m_search->text());
    if (m_follow->isChecked()) {
        m_list->scrollToBottom();
    }
    updateState();
}

void LogView::updateState() {
    //: %1 log lines shown by the filters, %2 lines kept
    m_state->setText(tr("Lines: %1 of %2").arg(m_proxy->rowCount()).arg(m_lines->rowCount()));
}

bool LogView::exportTo(const QString& path, QString* error) {
    QString reason;
    if (!m_control->exportLogs(path, &reason)) {
        m_state->setText(tr("Cannot export the log: %1").arg(reason));
        if (error) {
            *error = reason;
        }
        return false;
    }
    m_state->setText(tr("Log exported to %1").arg(path));
    return true;
}

void LogView::askExport() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export logs"), QStringLiteral("callboard.log"),
                                     tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty()) {
        exportTo(path);
    }
}

} // namespace ui
