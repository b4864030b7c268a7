#include "ui/widgets/StatusBadge.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QPainter>

namespace ui {

StatusBadge::StatusBadge(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAttribute(Qt::WA_Hover, false);
}

void StatusBadge::setBadge(const StatusBadgeStyle::Badge& badge, const QString& reason,
                           qint64 sinceMs) {
    m_badge = badge;
    QStringList tip{badge.accessibleText};
    if (!reason.isEmpty()) {
        tip << tr("Reason: %1").arg(reason);
    }
    if (sinceMs > 0) {
        const QString when =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(sinceMs).time(), QLocale::LongFormat);
        tip << tr("Since %1").arg(when);
    }
    setToolTip(tip.join(QLatin1Char('\n')));
    setAccessibleName(badge.accessibleText);
    setAccessibleDescription(reason);
    updateGeometry();
    update();
}

QSize StatusBadge::sizeHint() const {
    const QSize s = StatusBadgeStyle::badgeSize(m_badge, font());
    return s.isEmpty() ? QSize(0, fontMetrics().height() + 4) : s + QSize(2, 0);
}

QSize StatusBadge::minimumSizeHint() const {
    return sizeHint();
}

void StatusBadge::paintEvent(QPaintEvent*) {
    QPainter p(this);
    StatusBadgeStyle::paintBadge(p, rect(), m_badge);
}

void StatusBadge::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

} // namespace ui
