#include "ui/dialogs/TransferDialog.h"

#include "models/HistoryModel.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ui {

TransferDialog::TransferDialog(const QString& peer, QAbstractItemModel* history, QWidget* parent)
    : QDialog(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfer call"));
    //: %1 is the number or name of the party being transferred
    auto* prompt = new QLabel(tr("Transfer %1 to:").arg(peer.toHtmlEscaped()), this);
    prompt->setBuddy(m_edit);
    prompt->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("transferTarget"));
    m_edit->setPlaceholderText(tr("Number or SIP address"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(260);
    m_edit->setAccessibleName(tr("Transfer target"));
    if (history) {
        auto* completer = new QCompleter(history, this);
        completer->setCompletionColumn(models::HistoryModel::PeerColumn);
        completer->setCompletionRole(models::HistoryModel::PeerRole);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchStartsWith);
        m_edit->setCompleter(completer);
    }
    m_error->setObjectName(QStringLiteral("transferError"));
    m_error->setWordWrap(true);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_error->setPalette(pal);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Transfer"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (validate(target()).isEmpty()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &TransferDialog::updateState);
    updateState();
}

QString TransferDialog::target() const {
    return m_edit->text().trimmed();
}

void TransferDialog::setTarget(const QString& target) {
    m_edit->setText(target);
}

QString TransferDialog::validate(const QString& target) {
    const QString t = target.trimmed();
    if (t.isEmpty()) {
        return tr("Type a number or SIP address.");
    }
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9+*#._\\-]+$"));
    static const QRegularExpression uri(
        QStringLiteral("^((sips?|tel):)?[A-Za-z0-9+*#._\\-%!~'()]+(@[A-Za-z0-9.\\-\\[\\]:]+)?"
                       "(;[A-Za-z0-9=._\\-]+)*$"),
        QRegularExpression::CaseInsensitiveOption);
    if (plain.match(t).hasMatch() || uri.match(t).hasMatch()) {
        return {};
    }
    if (t.contains(QLatin1Char(' '))) {
        return tr("The target must not contain spaces.");
    }
    return tr("This is not a number or SIP address.");
}

void TransferDialog::updateState() {
    const QString t = target();
    const QString error = validate(t);
    // No complaint before the user typed anything: the disabled button says enough.
    m_error->setText(t.isEmpty() ? QString() : error);
    m_error->setVisible(!t.isEmpty() && !error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace ui
