#include "ui/widgets/PhonePanel.h"

#include "models/CallListModel.h"
#include "models/HistoryModel.h"
#include "ui/delegates/BadgeDelegate.h"
#include "ui_PhonePanel.h"

#include <QCompleter>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>

namespace ui {

using CLM = models::CallListModel;
using Action = models::CallActions::Action;

PhonePanel::PhonePanel(models::CallListModel* calls, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PhonePanel>())
    , m_calls(calls) {
    m_ui->setupUi(this);
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
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setAccessibleName(tr("Calls"));
    buildDialPad();

    connect(m_ui->numberEdit, &QLineEdit::returnPressed, this, &PhonePanel::onDialClicked);
    connect(m_ui->numberEdit, &QLineEdit::textChanged, this, &PhonePanel::updateButtons);
    connect(m_ui->dialButton, &QPushButton::clicked, this, &PhonePanel::onDialClicked);
    connect(m_ui->answerButton, &QPushButton::clicked, this, [this] { act(Action::Answer); });
    connect(m_ui->rejectButton, &QPushButton::clicked, this, [this] { act(Action::HangUp); });
    connect(m_ui->hangUpButton, &QPushButton::clicked, this, [this] { act(Action::HangUp); });
    connect(m_ui->holdButton, &QPushButton::clicked, this, [this] { act(Action::Hold); });
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this] { act(Action::Resume); });
    connect(m_ui->transferButton, &QPushButton::clicked, this, &PhonePanel::askTransfer);
    connect(m_ui->clearEndedButton, &QPushButton::clicked, this, &PhonePanel::clearEndedRequested);

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
        connect(button, &QPushButton::clicked, this, [this, key] {
            const QString digit(key);
            m_ui->numberEdit->insert(digit);
            Q_EMIT dtmfRequested(digit);
        });
        m_keys.append(button);
    }
    grid->setRowStretch(4, 1);
}

void PhonePanel::setHistoryModel(QAbstractItemModel* history) {
    auto* completer = new QCompleter(history, this);
    completer->setCompletionColumn(models::HistoryModel::PeerColumn);
    completer->setCompletionRole(models::HistoryModel::PeerRole);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchStartsWith);
    m_ui->numberEdit->setCompleter(completer);
}

QLineEdit* PhonePanel::numberEdit() const {
    return m_ui->numberEdit;
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
}

void PhonePanel::act(Action action) {
    const int row = selectedRow();
    if (row >= 0) {
        m_calls->requestAction(row, action);
    }
}

void PhonePanel::askTransfer() {
    const int row = selectedRow();
    if (row < 0) {
        return;
    }
    bool ok = false;
    const QString target =
        QInputDialog::getText(this, tr("Transfer call"), tr("Transfer the call to:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (ok && !target.isEmpty()) {
        m_calls->requestTransfer(selectedRow(), target);
    }
}

QString PhonePanel::selectedAccountId() const {
    return {};
}

} // namespace ui
