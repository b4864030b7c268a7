#include "ui/widgets/CallMediaBar.h"

#include "models/CallListModel.h"
#include "models/CallQualityText.h"
#include "ui/widgets/LevelMeter.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>

namespace ui {

using CLM = models::CallListModel;

namespace {

/// A microphone; struck through in red for the muted (checked) state.
QIcon microphoneIcon(const QColor& ink) {
    QIcon icon;
    for (const bool muted : {false, true}) {
        QPixmap pm(32, 32);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(ink, 2.5, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(11, 3, 10, 17), 5, 5);
        QPainterPath cup;
        cup.moveTo(7, 14);
        cup.cubicTo(7, 27, 25, 27, 25, 14);
        p.drawPath(cup);
        p.drawLine(QPointF(16, 24), QPointF(16, 29));
        p.drawLine(QPointF(11, 29), QPointF(21, 29));
        if (muted) {
            p.setPen(QPen(QColor(0xd0, 0x31, 0x2d), 3, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(5, 4), QPointF(27, 28));
        }
        p.end();
        icon.addPixmap(pm, QIcon::Normal, muted ? QIcon::On : QIcon::Off);
    }
    return icon;
}

} // namespace

CallMediaBar::CallMediaBar(QWidget* parent)
    : QWidget(parent)
    , m_mute(new QPushButton(tr("Mute"), this))
    , m_input(new LevelMeter(this))
    , m_output(new LevelMeter(this))
    , m_inputLabel(new QLabel(tr("Mic:"), this))
    , m_outputLabel(new QLabel(tr("Speaker:"), this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("callMediaBar"));
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setCheckable(true);
    m_mute->setIcon(microphoneIcon(palette().color(QPalette::ButtonText)));
    const QKeySequence shortcut(Qt::CTRL | Qt::Key_M);
    m_mute->setShortcut(shortcut);
    //: %1 is the keyboard shortcut (Ctrl+M)
    m_mute->setToolTip(tr("Mute or unmute your microphone in the selected call (%1)")
                           .arg(shortcut.toString(QKeySequence::NativeText)));
    m_mute->setAccessibleName(tr("Mute microphone"));
    m_input->setObjectName(QStringLiteral("inputLevelMeter"));
    m_input->setAccessibleName(tr("Microphone level"));
    m_input->setToolTip(tr("Your microphone level in the selected call"));
    m_output->setObjectName(QStringLiteral("outputLevelMeter"));
    m_output->setAccessibleName(tr("Received level"));
    m_output->setToolTip(tr("The level of what you hear from the peer"));
    m_inputLabel->setBuddy(m_input);
    m_outputLabel->setBuddy(m_output);
    m_status->setObjectName(QStringLiteral("mediaStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mute);
    layout->addSpacing(8);
    layout->addWidget(m_inputLabel);
    layout->addWidget(m_input, 1);
    layout->addSpacing(8);
    layout->addWidget(m_outputLabel);
    layout->addWidget(m_output, 1);
    layout->addSpacing(8);
    layout->addWidget(m_status, 2);

    connect(m_mute, &QPushButton::clicked, this,
            [this](bool checked) { Q_EMIT muteRequested(checked); });
    setCall({});
}

void CallMediaBar::setCall(const QModelIndex& index) {
    const QString accountId = index.data(CLM::AccountIdRole).toString();
    const QString callId = index.data(CLM::CallIdRole).toString();
    const bool sameCall = index.isValid() && accountId == m_accountId && callId == m_callId;
    m_accountId = index.isValid() ? accountId : QString();
    m_callId = index.isValid() ? callId : QString();
    const bool ended = index.data(CLM::EndedRole).toBool();
    const QString error = index.data(CLM::MediaErrorRole).toString();
    m_live = index.isValid() && index.data(CLM::HasMediaRole).toBool() && !ended && error.isEmpty();

    m_mute->setEnabled(index.data(CLM::CanMuteRole).toBool());
    m_mute->setChecked(m_live && index.data(CLM::MutedRole).toBool());
    for (QWidget* w : {static_cast<QWidget*>(m_output), static_cast<QWidget*>(m_inputLabel),
                       static_cast<QWidget*>(m_outputLabel)}) {
        w->setEnabled(m_live);
    }
    // Muted: the microphone level still shows (you may be talking), greyed: it is not sent.
    m_input->setEnabled(m_live && !m_mute->isChecked());
    if (!sameCall || !m_live) {
        m_input->reset();
        m_output->reset();
    }
    const auto callStatus = static_cast<core::CallStatus>(index.data(CLM::StatusRole).toInt());
    QString text;
    if (!error.isEmpty()) {
        text = models::CallQualityText::mediaProblem(error);
    } else if (index.isValid() && !m_live &&
               (callStatus == core::CallStatus::Established ||
                callStatus == core::CallStatus::Hold)) {
        text = tr("No audio for this call"); // answered, yet without a media endpoint
    }
    m_status->setText(text);
}

bool CallMediaBar::isShown(const QString& accountId, const QString& callId) const {
    return m_live && accountId == m_accountId && callId == m_callId;
}

void CallMediaBar::showInputLevel(const QString& accountId, const QString& callId, double dBov) {
    if (isShown(accountId, callId)) {
        m_input->setLevel(dBov);
    }
}

void CallMediaBar::showOutputLevel(const QString& accountId, const QString& callId, double dBov) {
    if (isShown(accountId, callId)) {
        m_output->setLevel(dBov);
    }
}

} // namespace ui
