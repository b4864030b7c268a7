#include "ui/widgets/IncomingCallPopup.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

IncomingCallPopup::IncomingCallPopup(const QString& accountId, const QString& callId,
                                     const QString& caller, const QString& callerName,
                                     const QString& accountName, QWidget* parent)
    : QWidget(parent, Qt::Tool | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint |
                          Qt::WindowDoesNotAcceptFocus)
    , m_accountId(accountId)
    , m_callId(callId) {
    setObjectName(QStringLiteral("incomingCallPopup"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFocusPolicy(Qt::NoFocus);
    setWindowTitle(tr("Incoming call"));

    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("popupFrame"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setStyleSheet(
        QStringLiteral("#popupFrame { border: 1px solid palette(mid); border-radius: 6px;"
                       " background: palette(window); }"));

    auto* heading = new QLabel(tr("Incoming call"), frame);
    QFont small = heading->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    heading->setFont(small);
    const QString who = callerName.isEmpty() || callerName == caller
                            ? caller
                            : tr("%1 <%2>").arg(callerName, caller);
    auto* callerLabel = new QLabel(who, frame);
    callerLabel->setObjectName(QStringLiteral("callerLabel"));
    QFont big = callerLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    callerLabel->setFont(big);
    callerLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    auto* accountLabel = new QLabel(tr("to %1").arg(accountName), frame);
    accountLabel->setObjectName(QStringLiteral("accountLabel"));

    m_answer = new QPushButton(tr("Answer"), frame);
    m_answer->setObjectName(QStringLiteral("answerButton"));
    m_answer->setFocusPolicy(Qt::NoFocus);
    m_answer->setStyleSheet(
        QStringLiteral("QPushButton { background: #1e7e34; color: white; padding: 4px 14px;"
                       " border-radius: 4px; } QPushButton:hover { background: #259b40; }"));
    m_reject = new QPushButton(tr("Reject"), frame);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setFocusPolicy(Qt::NoFocus);
    m_reject->setStyleSheet(
        QStringLiteral("QPushButton { background: #b02a37; color: white; padding: 4px 14px;"
                       " border-radius: 4px; } QPushButton:hover { background: #c9303f; }"));
    m_answer->setAccessibleName(tr("Answer the call from %1").arg(caller));
    m_reject->setAccessibleName(tr("Reject the call from %1").arg(caller));
    connect(m_answer, &QPushButton::clicked, this,
            [this] { Q_EMIT answerRequested(m_accountId, m_callId); });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { Q_EMIT rejectRequested(m_accountId, m_callId); });

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reject);
    buttons->addWidget(m_answer);
    auto* inner = new QVBoxLayout(frame);
    inner->addWidget(heading);
    inner->addWidget(callerLabel);
    inner->addWidget(accountLabel);
    inner->addLayout(buttons);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(frame);
    setMinimumWidth(300);
    adjustSize();
}

IncomingCallPopup::~IncomingCallPopup() = default;

void IncomingCallPopup::placeAt(const QPoint& bottomRight) {
    adjustSize();
    move(bottomRight.x() - width() + 1, bottomRight.y() - height() + 1);
}

} // namespace ui
