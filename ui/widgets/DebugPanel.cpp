#include "ui/widgets/DebugPanel.h"

#include "core/SessionStatus.h"
#include "models/AccountListModel.h"
#include "services/LogControl.h"
#include "ui/widgets/LogView.h"
#include "ui/widgets/StatusBadge.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace ui {

using ALM = models::AccountListModel;
using Level = services::LogControl::Level;

DebugPanel::DebugPanel(QAbstractItemModel* accounts, services::LogControl* control, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_control(control)
    , m_accountGrid(new QGridLayout)
    , m_noAccounts(new QLabel(tr("No account is connected."), this))
    , m_log(new LogView(control, this)) {
    setObjectName(QStringLiteral("debugPanel"));

    auto* serverBox = new QGroupBox(tr("Server debug session"), this);
    auto* serverLayout = new QVBoxLayout(serverBox);
    auto* hint = new QLabel(
        tr("The server logs this session in detail and names the log file when stopped."),
        serverBox);
    hint->setWordWrap(true);
    serverLayout->addWidget(hint);
    m_accountGrid->setColumnStretch(3, 1);
    serverLayout->addLayout(m_accountGrid);
    serverLayout->addWidget(m_noAccounts);
    serverLayout->addStretch(1);

    auto* top = new QWidget(this);
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(serverBox, 1);
    topLayout->addWidget(buildLevels());

    auto* logBox = new QGroupBox(tr("Live log"), this);
    auto* logLayout = new QVBoxLayout(logBox);
    logLayout->addWidget(m_log);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(logBox);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_accounts, &QAbstractItemModel::rowsInserted, this, &DebugPanel::rebuildAccounts);
    connect(m_accounts, &QAbstractItemModel::rowsRemoved, this, &DebugPanel::rebuildAccounts);
    connect(m_accounts, &QAbstractItemModel::modelReset, this, &DebugPanel::rebuildAccounts);
    connect(m_accounts, &QAbstractItemModel::dataChanged, this, &DebugPanel::updateAccounts);
    connect(m_control, &services::LogControl::levelChanged, this,
            [this](const QString& category, Level level) {
                if (QComboBox* combo = m_levelCombos.value(category)) {
                    const QSignalBlocker block(combo);
                    combo->setCurrentIndex(combo->findData(static_cast<int>(level)));
                }
            });
    rebuildAccounts();
}

QWidget* DebugPanel::buildLevels() {
    auto* box = new QGroupBox(tr("Local logging"), this);
    auto* grid = new QGridLayout(box);
    const QStringList categories = services::LogControl::categories();
    const int perColumn = (static_cast<int>(categories.size()) + 1) / 2;
    for (int i = 0; i < categories.size(); ++i) {
        const QString& category = categories[i];
        auto* combo = new QComboBox(box);
        combo->setObjectName(QStringLiteral("level_") + category);
        for (Level l : {Level::Debug, Level::Info, Level::Warning, Level::Critical, Level::Off}) {
            const QString text = l == Level::Debug      ? tr("debug")
                                 : l == Level::Info     ? tr("info")
                                 : l == Level::Warning  ? tr("warning")
                                 : l == Level::Critical ? tr("critical")
                                                        : tr("off");
            combo->addItem(text, static_cast<int>(l));
        }
        combo->setCurrentIndex(combo->findData(static_cast<int>(m_control->level(category))));
        //: Accessible name of a logging level combo; %1 is a category like callboard.wcs.protocol
        combo->setAccessibleName(tr("Minimum log level of %1").arg(category));
        combo->setToolTip(tr("Messages below this level are not logged"));
        auto* label = new QLabel(category, box);
        label->setBuddy(combo);
        const int row = i % perColumn;
        const int column = (i / perColumn) * 2;
        grid->addWidget(label, row, column);
        grid->addWidget(combo, row, column + 1);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, category, combo] {
            m_control->setLevel(category, static_cast<Level>(combo->currentData().toInt()));
        });
        m_levelCombos.insert(category, combo);
    }
    grid->setColumnMinimumWidth(2, 0);
    grid->setHorizontalSpacing(8);
    return box;
}

void DebugPanel::rebuildAccounts() {
    for (Row& r : m_rows) {
        delete r.name;
        delete r.toggle;
        delete r.badge;
        delete r.file;
    }
    m_rows.clear();
    for (int i = 0; i < m_accounts->rowCount(); ++i) {
        Row r;
        r.accountId = m_accounts->index(i, 0).data(ALM::AccountIdRole).toString();
        r.name = new QLabel(this);
        r.toggle = new QCheckBox(tr("Debug session"), this);
        r.toggle->setObjectName(QStringLiteral("debugSwitch_%1").arg(i));
        r.badge = new StatusBadge(this);
        r.file = new QLabel(this);
        r.file->setTextFormat(Qt::RichText);
        r.file->setTextInteractionFlags(Qt::TextBrowserInteraction);
        r.file->setOpenExternalLinks(false);
        connect(r.file, &QLabel::linkActivated, this, [this](const QString& link) {
            const QUrl url(link);
            QDesktopServices::openUrl(url);
            Q_EMIT debugFileOpened(url);
        });
        const QString id = r.accountId;
        connect(r.toggle, &QCheckBox::clicked, this,
                [this, id](bool on) { Q_EMIT debugSessionToggled(id, on); });
        // The file link gets its own line: server paths are long and must not widen the window.
        r.file->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_accountGrid->addWidget(r.name, 2 * i, 0);
        m_accountGrid->addWidget(r.toggle, 2 * i, 1);
        m_accountGrid->addWidget(r.badge, 2 * i, 2);
        m_accountGrid->addWidget(r.file, 2 * i + 1, 1, 1, 3);
        m_rows.append(r);
        updateRow(m_rows.last(), i);
    }
    m_noAccounts->setVisible(m_rows.isEmpty());
}

void DebugPanel::updateAccounts() {
    for (int i = 0; i < m_rows.size() && i < m_accounts->rowCount(); ++i) {
        updateRow(m_rows[i], i);
    }
}

void DebugPanel::updateRow(Row& row, int modelRow) {
    const QModelIndex i = m_accounts->index(modelRow, 0);
    row.name->setText(i.data(ALM::NameRole).toString());
    const auto conn = static_cast<core::SessionStatus>(i.data(ALM::ConnectionStatusRole).toInt());
    const bool connected =
        conn == core::SessionStatus::Established || conn == core::SessionStatus::Registered;
    const auto status = static_cast<core::SessionDebugStatus>(i.data(ALM::DebugStatusRole).toInt());
    const bool started = status == core::SessionDebugStatus::Started;
    row.toggle->setEnabled(connected);
    row.toggle->setToolTip(connected ? tr("Start or stop the server debug session")
                                     : tr("Connect the account first"));
    row.toggle->setAccessibleName(tr("Server debug session of %1").arg(row.name->text()));
    {
        const QSignalBlocker block(row.toggle);
        row.toggle->setChecked(started);
    }
    row.badge->setBadge(StatusBadgeStyle::debug(status));
    const auto file = m_files.constFind(row.accountId);
    if (file == m_files.cend() || file->first.isEmpty()) {
        row.file->clear();
    } else if (file->second.isValid()) {
        //: Link to the server's debug log; %2 is the file path
        // The link shows the file name; the tooltip has the whole path and address.
        const QString name = file->first.section(QLatin1Char('/'), -1);
        row.file->setText(tr("Debug log: <a href=\"%1\">%2</a>")
                              .arg(file->second.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                   name.toHtmlEscaped()));
        row.file->setToolTip(file->first + QLatin1Char('\n') + file->second.toString());
    } else {
        row.file->setText(tr("Debug log: %1").arg(file->first.toHtmlEscaped()));
        row.file->setToolTip(file->first);
    }
}

void DebugPanel::setDebugFile(const QString& accountId, const QString& file, const QUrl& url) {
    m_files.insert(accountId, {file, url});
    updateAccounts();
}

QCheckBox* DebugPanel::debugSwitch(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].toggle : nullptr;
}

StatusBadge* DebugPanel::debugBadge(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].badge : nullptr;
}

QLabel* DebugPanel::debugFileLabel(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].file : nullptr;
}

} // namespace ui
