#include "ui/dialogs/PublishDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ui {

namespace {
constexpr int kMaxNameLength = 256;
} // namespace

PublishDialog::PublishDialog(Mode mode, const QList<QPair<QString, QString>>& accounts,
                             QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_account(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_audio(new QCheckBox(tr("&Audio"), this))
    , m_video(new QCheckBox(tr("&Video"), this))
    , m_record(new QCheckBox(tr("&Record on the server"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    const bool publish = mode == Mode::Publish;
    setObjectName(publish ? u"publishDialog"_s : u"playDialog"_s);
    setWindowTitle(publish ? tr("Publish a stream") : tr("Play a stream"));
    for (const auto& [id, name] : accounts) {
        m_account->addItem(name.isEmpty() ? id : name, id);
    }
    m_name->setPlaceholderText(publish ? tr("e.g. desk-cam") : tr("Name of a published stream"));
    m_name->setMaxLength(kMaxNameLength + 1); // one more, so "too long" can be said
    m_audio->setChecked(true);
    m_video->setChecked(true);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(publish ? tr("&Publish") : tr("P&lay"));

    auto* form = new QFormLayout;
    form->addRow(tr("A&ccount:"), m_account);
    form->addRow(tr("&Stream name:"), m_name);
    if (publish) {
        auto* media = new QHBoxLayout;
        media->addWidget(m_audio);
        media->addWidget(m_video);
        media->addStretch(1);
        form->addRow(tr("Media:"), media);
        form->addRow(QString(), m_record);
    } else {
        m_audio->hide();
        m_video->hide();
        m_record->hide();
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (validationError().isEmpty()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &PublishDialog::validate);
    connect(m_audio, &QCheckBox::toggled, this, &PublishDialog::validate);
    connect(m_video, &QCheckBox::toggled, this, &PublishDialog::validate);
    validate();
    // No message before the user typed anything: the empty name only disables OK.
    if (m_name->text().isEmpty() && m_account->count() > 0) {
        m_error->clear();
    }
    setMinimumWidth(360);
    m_name->setFocus();
}

QString PublishDialog::accountId() const {
    return m_account->currentData().toString();
}

QString PublishDialog::streamName() const {
    return m_name->text().trimmed();
}

bool PublishDialog::hasAudio() const {
    return m_audio->isChecked();
}

bool PublishDialog::hasVideo() const {
    return m_video->isChecked();
}

bool PublishDialog::record() const {
    return m_mode == Mode::Publish && m_record->isChecked();
}

QString PublishDialog::nameError(const QString& name) {
    const QString n = name.trimmed();
    if (n.isEmpty()) {
        return tr("Enter a stream name.");
    }
    if (n.size() > kMaxNameLength) {
        return tr("The name is longer than %1 characters.").arg(kMaxNameLength);
    }
    for (const QChar c : n) {
        if (c.category() == QChar::Other_Control) {
            return tr("The name must not contain control characters.");
        }
        if (u"/\\?#%"_s.contains(c)) {
            //: %1 is the offending character
            return tr("The name must not contain \u201c%1\u201d.").arg(c);
        }
    }
    return {};
}

QString PublishDialog::validationError() const {
    if (m_account->count() == 0) {
        return tr("No account is connected.");
    }
    if (const QString error = nameError(m_name->text()); !error.isEmpty()) {
        return error;
    }
    if (m_mode == Mode::Publish && !hasAudio() && !hasVideo()) {
        return tr("Choose audio, video or both.");
    }
    return {};
}

void PublishDialog::validate() {
    const QString error = validationError();
    m_error->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace ui
