#include "ui/widgets/DataPanel.h"

#include "models/DataLogModel.h"
#include "ui/delegates/DataStatusDelegate.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ui {

using DLM = models::DataLogModel;

DataPanel::DataPanel(QWidget* parent)
    : QWidget(parent)
    , m_account(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("Se&nd"), this))
    , m_format(new QPushButton(tr("F&ormat"), this))
    , m_clear(new QPushButton(tr("C&lear log"), this))
    , m_error(new QLabel(this))
    , m_table(new QTableView(this))
    , m_payload(new QPlainTextEdit(this)) {
    setObjectName(u"dataPanel"_s);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_account->setAccessibleName(tr("Account"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_editor->setFont(mono);
    m_editor->setPlaceholderText(tr("JSON to send, e.g. {\"command\": \"ping\"}"));
    m_editor->setAccessibleName(tr("JSON payload"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMaximumHeight(110);
    m_send->setToolTip(tr("Send to the backend (Ctrl+Enter)"));
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_payload->setReadOnly(true);
    m_payload->setFont(mono);
    m_payload->setAccessibleName(tr("Selected payload"));
    m_payload->setPlaceholderText(tr("Select a row to see its payload"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Data log"));
    m_table->setItemDelegateForColumn(DLM::StatusColumn, new DataStatusDelegate(m_table));

    auto* accountLabel = new QLabel(tr("&Account:"), this);
    accountLabel->setBuddy(m_account);
    auto* top = new QHBoxLayout;
    top->addWidget(accountLabel);
    top->addWidget(m_account);
    top->addStretch(1);
    top->addWidget(m_format);
    top->addWidget(m_send);

    auto* logBox = new QWidget(this);
    auto* logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto* logTop = new QHBoxLayout;
    logTop->addWidget(new QLabel(tr("Sent and received (newest first)"), logBox), 1);
    logTop->addWidget(m_clear);
    logLayout->addLayout(logTop);
    logLayout->addWidget(m_table, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(logBox);
    splitter->addWidget(m_payload);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_editor);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_send, &QPushButton::clicked, this, &DataPanel::send);
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_editor);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &DataPanel::send);
    connect(m_format, &QPushButton::clicked, this, [this] {
        QByteArray compact;
        if (const QString error = jsonError(m_editor->toPlainText(), &compact); !error.isEmpty()) {
            showError(error);
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(compact);
        if (doc.isObject() || doc.isArray()) {
            m_editor->setPlainText(
                QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed());
        }
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &DataPanel::validateLive);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_model) {
            m_model->clear();
        }
    });
    setAccounts({});
}

void DataPanel::setModel(models::DataLogModel* model) {
    m_model = model;
    m_table->setModel(model);
    m_clear->setEnabled(model != nullptr);
    if (!model) {
        return;
    }
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DataPanel::showSelected);
    connect(model, &QAbstractItemModel::dataChanged, this, &DataPanel::showSelected);
    connect(model, &QAbstractItemModel::modelReset, m_payload, &QPlainTextEdit::clear);
}

void DataPanel::setAccounts(const QList<QPair<QString, QString>>& accounts) {
    const QString current = selectedAccountId();
    m_account->clear();
    for (const auto& [id, name] : accounts) {
        m_account->addItem(name.isEmpty() ? id : name, id);
    }
    if (accounts.isEmpty()) {
        m_account->addItem(tr("No connected account"), QString());
    }
    m_account->setEnabled(!accounts.isEmpty());
    m_send->setEnabled(!accounts.isEmpty());
    m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
}

QString DataPanel::selectedAccountId() const {
    return m_account->currentData().toString();
}

QString DataPanel::jsonError(const QString& text, QByteArray* compact) {
    const QByteArray utf8 = text.toUtf8();
    if (utf8.trimmed().isEmpty()) {
        return tr("Enter a JSON value, e.g. {\"key\": \"value\"}.");
    }
    // Wrapped in an array so that scalars ("text", 42, true) are accepted too.
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson('[' + utf8 + "\n]", &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype at = std::clamp<qsizetype>(error.offset - 1, 0, utf8.size());
        const QByteArray before = utf8.left(at);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column =
            static_cast<int>(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) +
            1;
        //: %1 line, %2 column, %3 Qt's parse error text
        return tr("Invalid JSON at line %1, column %2: %3")
            .arg(line)
            .arg(column)
            .arg(error.errorString());
    }
    const QJsonArray values = doc.array();
    if (values.size() != 1) {
        return tr("Enter exactly one JSON value.");
    }
    if (compact) {
        *compact = QJsonDocument(values).toJson(QJsonDocument::Compact);
        compact->chop(1);      // "]"
        compact->remove(0, 1); // "["
    }
    return {};
}

bool DataPanel::send() {
    QByteArray compact;
    if (const QString error = jsonError(m_editor->toPlainText(), &compact); !error.isEmpty()) {
        showError(error);
        return false;
    }
    const QString account = selectedAccountId();
    if (account.isEmpty()) {
        showError(tr("No account is connected."));
        return false;
    }
    m_error->clear();
    Q_EMIT sendRequested(account, compact);
    return true;
}

void DataPanel::showError(const QString& text) {
    m_error->setText(text);
}

void DataPanel::validateLive() {
    // Only clear a stale message while typing; errors are shown on Send / Format.
    if (!m_error->text().isEmpty() && jsonError(m_editor->toPlainText()).isEmpty()) {
        m_error->clear();
    }
}

void DataPanel::showSelected() {
    const QModelIndex current =
        m_table->selectionModel() ? m_table->selectionModel()->currentIndex() : QModelIndex();
    if (!current.isValid()) {
        m_payload->clear();
        return;
    }
    QString text = current.data(DLM::PrettyPayloadRole).toString();
    const QString info = current.data(DLM::InfoRole).toString();
    if (!info.isEmpty()) {
        //: Shown under a payload: the reason the backend gave
        text += u"\n\n"_s + tr("info: %1").arg(info);
    }
    //: Shown under a payload
    text += u"\n\n"_s + tr("operationId: %1").arg(current.data(DLM::OperationIdRole).toString());
    m_payload->setPlainText(text);
}

} // namespace ui
