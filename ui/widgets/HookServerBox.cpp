#include "ui/widgets/HookServerBox.h"

#include "ui/widgets/StatusBadgeStyle.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace ui {

namespace {

QString colored(const QString& text, StatusBadgeStyle::Tone tone) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(StatusBadgeStyle::color(tone).darker(130).name(), text.toHtmlEscaped());
}

} // namespace

HookServerBox::HookServerBox(QWidget* parent)
    : QGroupBox(tr("Hook server"), parent)
    , m_address(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_errors(new QLabel(this))
    , m_last(new QLabel(this))
    , m_configure(new QPushButton(tr("Con&figure…"), this)) {
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setWordWrap(true);
    m_address->setAccessibleName(tr("Hook server address"));
    m_rate->setAccessibleName(tr("Hook requests per second"));
    m_errors->setAccessibleName(tr("Hook errors"));
    m_last->setAccessibleName(tr("Last hook request"));
    auto* grid = new QGridLayout(this);
    grid->addWidget(m_address, 0, 0, 1, 3);
    grid->addWidget(m_configure, 0, 3, Qt::AlignRight);
    grid->addWidget(m_rate, 1, 0);
    grid->addWidget(m_errors, 1, 1);
    grid->addWidget(m_last, 1, 2, 1, 2);
    grid->setColumnStretch(2, 1);
    connect(m_configure, &QPushButton::clicked, this, &HookServerBox::configureRequested);
    setStopped({});
    setCounters({}, 0);
}

void HookServerBox::setListening(const QString& baseUrl, bool signed_) {
    const QString text =
        signed_ ? tr("Listening on %1 (signed)").arg(baseUrl) : tr("Listening on %1").arg(baseUrl);
    m_address->setText(colored(text, StatusBadgeStyle::Tone::Good));
    m_address->setToolTip(tr("Set this URL as the REST hook URL of the application on WCS."));
}

void HookServerBox::setStopped(const QString& error) {
    if (error.isEmpty()) {
        m_address->setText(
            colored(tr("Off: enable it in Configure…"), StatusBadgeStyle::Tone::Idle));
    } else {
        m_address->setText(
            colored(tr("Not listening: %1").arg(error), StatusBadgeStyle::Tone::Bad));
    }
    m_address->setToolTip({});
}

void HookServerBox::setCounters(const hooks::HookCounters& c, qint64 nowMs) {
    m_rate->setText(tr("%1 req/s").arg(c.requestsPerSecond, 0, 'f', 0));
    m_errors->setText(
        tr("Accepted %1 · refused %2 · errors %3").arg(c.accepted).arg(c.refused).arg(c.errors));
    if (c.lastRequestMs <= 0) {
        m_last->setText(tr("Last request: none"));
        return;
    }
    const qint64 ageS = qMax<qint64>(0, (nowMs - c.lastRequestMs) / 1000);
    m_last->setText(
        tr("Last: %1 → %2, %3 s ago").arg(c.lastRequestName).arg(c.lastStatus).arg(ageS));
}

} // namespace ui
