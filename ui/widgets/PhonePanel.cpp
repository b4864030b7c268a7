#include "ui/widgets/PhonePanel.h"

#include "core/RegistrationStatus.h"
#include "core/SessionStatus.h"
#include "models/AccountListModel.h"
#include "models/CallListModel.h"
#include "models/HistoryModel.h"
#include "ui/delegates/BadgeDelegate.h"
#include "ui/widgets/CallMediaBar.h"
#include "ui_PhonePanel.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QStandardItemModel>
#include <QStringListModel>

namespace ui {

using CLM = models::CallListModel;
using ALM = models::AccountListModel;
using Action = models::CallActions::Action;

PhonePanel::PhonePanel(models::CallListModel* calls, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PhonePanel>())
    , m_calls(calls)
    , m_peers(new QStringListModel(this))
    , m_mediaBar(new CallMediaBar(this)) {
    m_ui->setupUi(this);
    m_ui->mainLayout->insertWidget(m_ui->mainLayout->indexOf(m_ui->actionRow), m_mediaBar);
    setObjectName(QStringLiteral("phonePanel"));
    QTableView* table = m_ui->callTable;
    table->setModel(m_calls);
    table->setItemDelegateForColumn(CLM::StatusColumn,
                                    new BadgeDelegate(StatusBadgeStyle::Family::Call,
                                                      CLM::StatusRole, CLM::StatusTextRole, table));
    table->setItemDelegateForColumn(CLM::TransferColumn,
                                    new BadgeDelegate(StatusBadgeStyle::Family::Transfer,
                                                      CLM::TransferStatusRole,
                                                      CLM::TransferStatusTextRole, table));
    table->verticalHeader()->hide();
    table->setWordWrap(false); // long audio figures elide; the tooltip has them all
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setAccessibleName(tr("Calls"));
    table->installEventFilter(this);
    buildDialPad();

    auto* completer = new QCompleter(m_peers, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchStartsWith);
    m_ui->numberEdit->setCompleter(completer);
    m_ui->accountCombo->setEnabled(false);

    connect(m_ui->numberEdit, &QLineEdit::returnPressed, this, &PhonePanel::onDialClicked);
    connect(m_ui->numberEdit, &QLineEdit::textChanged, this, &PhonePanel::updateButtons);
    connect(m_ui->dialButton, &QPushButton::clicked, this, &PhonePanel::onDialClicked);
    connect(m_ui->answerButton, &QPushButton::clicked, this, [this] { act(Action::Answer); });
    connect(m_ui->rejectButton, &QPushButton::clicked, this, [this] { act(Action::HangUp); });
    connect(m_ui->hangUpButton, &QPushButton::clicked, this, [this] { act(Action::HangUp); });
    connect(m_ui->holdButton, &QPushButton::clicked, this, [this] { act(Action::Hold); });
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this] { act(Action::Resume); });
    connect(m_ui->transferButton, &QPushButton::clicked, this, [this] { act(Action::Transfer); });
    connect(m_ui->clearEndedButton, &QPushButton::clicked, this, &PhonePanel::clearEndedRequested);
    connect(m_mediaBar, &CallMediaBar::muteRequested, this, [this](bool muted) {
        m_calls->requestMute(selectedRow(), muted);
        updateButtons(); // the toggle follows MutedRole, whatever the engine did
    });

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PhonePanel::updateButtons);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PhonePanel::updateButtons);
    connect(m_calls, &QAbstractItemModel::dataChanged, this, &PhonePanel::updateButtons);
    connect(m_calls, &QAbstractItemModel::modelReset, this, &PhonePanel::updateButtons);
    connect(m_calls, &QAbstractItemModel::rowsRemoved, this, &PhonePanel::updateButtons);
    // A new call (dialled or incoming) becomes the selected one.
    connect(m_calls, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int, int last) { selectRow(last); });
    updateButtons();
}

PhonePanel::~PhonePanel() = default;

void PhonePanel::buildDialPad() {
    static const char16_t keys[] = u"123456789*0#";
    auto* grid = m_ui->dialPadLayout;
    grid->setSpacing(4);
    for (int i = 0; i < 12; ++i) {
        const QChar key(keys[i]);
        auto* button = new QPushButton(QString(key), m_ui->dialPadBox);
        button->setObjectName(QStringLiteral("dialPadKey_%1").arg(i));
        button->setFixedSize(44, 36);
        button->setFocusPolicy(Qt::NoFocus);
        //: Accessible name of a dial pad key, %1 is the digit, * or #
        button->setAccessibleName(tr("Key %1").arg(key));
        grid->addWidget(button, i / 3, i % 3);
        connect(button, &QPushButton::clicked, this, [this, key] { pressKey(key); });
        m_keys.append(button);
    }
    grid->setRowStretch(4, 1);
}

void PhonePanel::pressKey(QChar key) {
    if (hasTalkingCall()) {
        Q_EMIT dtmfRequested(QString(key));
        return;
    }
    m_ui->numberEdit->insert(QString(key));
}

bool PhonePanel::hasTalkingCall() const {
    for (int row = 0; row < m_calls->rowCount(); ++row) {
        if (m_calls->index(row, 0).data(CLM::StatusRole).toInt() ==
            static_cast<int>(core::CallStatus::Established)) {
            return true;
        }
    }
    return false;
}

bool PhonePanel::handleDialKey(QKeyEvent* event) {
    const QString text = event->text();
    if (text.size() != 1 || (event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier ||
        !(text.front().isDigit() || text == QLatin1String("*") || text == QLatin1String("#"))) {
        return false;
    }
    pressKey(text.front());
    if (!hasTalkingCall()) {
        m_ui->numberEdit->setFocus();
    }
    return true;
}

void PhonePanel::keyPressEvent(QKeyEvent* event) {
    // Keys the focused child did not take: Escape from the number field, digits elsewhere.
    if (event->key() == Qt::Key_Escape && !m_ui->numberEdit->text().isEmpty()) {
        m_ui->numberEdit->clear();
        m_ui->numberEdit->setFocus();
        event->accept();
        return;
    }
    if (handleDialKey(event)) {
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool PhonePanel::eventFilter(QObject* watched, QEvent* event) {
    // The call table would use digits for its keyboard search; they are dial keys here.
    if (watched == m_ui->callTable && event->type() == QEvent::KeyPress &&
        handleDialKey(static_cast<QKeyEvent*>(event))) {
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PhonePanel::setHistoryModel(QAbstractItemModel* history) {
    if (m_history) {
        disconnect(m_history, nullptr, this, nullptr);
    }
    m_history = history;
    if (m_history) {
        connect(m_history, &QAbstractItemModel::modelReset, this, &PhonePanel::rebuildPeers);
        connect(m_history, &QAbstractItemModel::rowsInserted, this, &PhonePanel::rebuildPeers);
        connect(m_history, &QAbstractItemModel::rowsRemoved, this, &PhonePanel::rebuildPeers);
    }
    rebuildPeers();
}

void PhonePanel::rebuildPeers() {
    QStringList peers;
    if (m_history) {
        for (int row = 0; row < m_history->rowCount(); ++row) {
            const QString peer =
                m_history->index(row, 0).data(models::HistoryModel::PeerRole).toString();
            if (!peer.isEmpty() && !peers.contains(peer)) {
                peers << peer;
            }
        }
    }
    if (peers != m_peers->stringList()) {
        m_peers->setStringList(peers);
    }
}

void PhonePanel::setAccountModel(QAbstractItemModel* accounts) {
    if (m_accounts) {
        disconnect(m_accounts, nullptr, this, nullptr);
    }
    m_accounts = accounts;
    if (m_accounts) {
        connect(m_accounts, &QAbstractItemModel::modelReset, this, &PhonePanel::rebuildAccounts);
        connect(m_accounts, &QAbstractItemModel::rowsInserted, this, &PhonePanel::rebuildAccounts);
        connect(m_accounts, &QAbstractItemModel::rowsRemoved, this, &PhonePanel::rebuildAccounts);
        connect(m_accounts, &QAbstractItemModel::dataChanged, this, &PhonePanel::rebuildAccounts);
    }
    rebuildAccounts();
}

void PhonePanel::rebuildAccounts() {
    struct Item {
        QString id;
        QString text;
        bool enabled;
    };
    QList<Item> items;
    QStringList signature;
    for (int row = 0; m_accounts && row < m_accounts->rowCount(); ++row) {
        const QModelIndex i = m_accounts->index(row, 0);
        const auto conn =
            static_cast<core::SessionStatus>(i.data(ALM::ConnectionStatusRole).toInt());
        const bool connected =
            conn == core::SessionStatus::Established || conn == core::SessionStatus::Registered;
        const bool registered = !i.data(ALM::RegistrationWantedRole).toBool() ||
                                i.data(ALM::RegistrationStatusRole).toInt() ==
                                    static_cast<int>(core::RegistrationStatus::Registered);
        const QString name = i.data(ALM::NameRole).toString();
        //: An account in the phone's account picker that is not connected
        const QString text = !connected    ? tr("%1 (offline)").arg(name)
                             : !registered ? tr("%1 (not registered)").arg(name)
                                           : name;
        items.append({i.data(ALM::AccountIdRole).toString(), text, connected});
        signature << items.last().id << text << (connected ? QStringLiteral("1") : QString());
    }
    if (signature == m_accountSignature) {
        return;
    }
    m_accountSignature = signature;
    QComboBox* combo = m_ui->accountCombo;
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    int chosen = -1;
    for (const Item& item : std::as_const(items)) {
        combo->addItem(item.text, item.id);
        const int index = combo->count() - 1;
        if (model) {
            model->item(index)->setEnabled(item.enabled);
        }
        if (item.enabled && (chosen < 0 || item.id == current)) {
            chosen = index;
        }
    }
    if (chosen < 0 && !items.isEmpty()) {
        chosen = 0; // nothing connected: show the first, the dial will say it is offline
    }
    combo->setCurrentIndex(chosen);
    combo->setEnabled(!items.isEmpty());
}

bool PhonePanel::selectAccount(const QString& accountId) {
    QComboBox* combo = m_ui->accountCombo;
    const int index = combo->findData(accountId);
    const auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    if (index < 0 || (model && !model->item(index)->isEnabled())) {
        return false;
    }
    combo->setCurrentIndex(index);
    return true;
}

QString PhonePanel::selectedAccountId() const {
    return m_ui->accountCombo->currentData().toString();
}

QLineEdit* PhonePanel::numberEdit() const {
    return m_ui->numberEdit;
}
QComboBox* PhonePanel::accountCombo() const {
    return m_ui->accountCombo;
}
QPushButton* PhonePanel::dialButton() const {
    return m_ui->dialButton;
}
QTableView* PhonePanel::callTable() const {
    return m_ui->callTable;
}
QPushButton* PhonePanel::answerButton() const {
    return m_ui->answerButton;
}
QPushButton* PhonePanel::rejectButton() const {
    return m_ui->rejectButton;
}
QPushButton* PhonePanel::hangUpButton() const {
    return m_ui->hangUpButton;
}
QPushButton* PhonePanel::holdButton() const {
    return m_ui->holdButton;
}
QPushButton* PhonePanel::resumeButton() const {
    return m_ui->resumeButton;
}
QPushButton* PhonePanel::transferButton() const {
    return m_ui->transferButton;
}
QPushButton* PhonePanel::clearEndedButton() const {
    return m_ui->clearEndedButton;
}

QPushButton* PhonePanel::dialPadKey(QChar key) const {
    for (QPushButton* b : m_keys) {
        if (b->text() == QString(key)) {
            return b;
        }
    }
    return nullptr;
}

int PhonePanel::selectedRow() const {
    const QModelIndexList rows = m_ui->callTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void PhonePanel::selectRow(int row) {
    if (row >= 0 && row < m_calls->rowCount()) {
        m_ui->callTable->selectRow(row);
    }
    updateButtons();
}

void PhonePanel::dial(const QString& number) {
    m_ui->numberEdit->setText(number);
    onDialClicked();
}

void PhonePanel::onDialClicked() {
    const QString number = m_ui->numberEdit->text().trimmed();
    // The completion list must not outlive the dial (it would float over other tabs).
    if (QCompleter* completer = m_ui->numberEdit->completer(); completer != nullptr) {
        completer->popup()->hide();
    }
    if (!number.isEmpty()) {
        Q_EMIT dialRequested(number);
    }
}

void PhonePanel::updateButtons() {
    const int row = selectedRow();
    const auto can = [this, row](int role) {
        return row >= 0 && m_calls->index(row, 0).data(role).toBool();
    };
    m_ui->dialButton->setEnabled(!m_ui->numberEdit->text().trimmed().isEmpty());
    m_ui->answerButton->setEnabled(can(CLM::CanAnswerRole));
    m_ui->rejectButton->setEnabled(can(CLM::CanAnswerRole) && can(CLM::CanHangUpRole));
    m_ui->hangUpButton->setEnabled(can(CLM::CanHangUpRole));
    m_ui->holdButton->setEnabled(can(CLM::CanHoldRole));
    m_ui->resumeButton->setEnabled(can(CLM::CanResumeRole));
    m_ui->transferButton->setEnabled(can(CLM::CanTransferRole));
    m_mediaBar->setCall(row >= 0 ? m_calls->index(row, 0) : QModelIndex());
}

void PhonePanel::act(Action action) {
    const int row = selectedRow();
    if (row >= 0) {
        m_calls->requestAction(row, action);
    }
}

} // namespace ui
