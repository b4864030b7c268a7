#include "ui/widgets/HistoryPanelDelegate.h"

#include "models/HistoryModel.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QPainter>

namespace ui {

namespace {

using Tone = StatusBadgeStyle::Tone;
using Shape = StatusBadgeStyle::Shape;

QIcon arrowIcon(bool incoming) {
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(StatusBadgeStyle::color(incoming ? Tone::Progress : Tone::Idle), 2));
    // Incoming: an arrow pointing down-left; outgoing: up-right.
    if (incoming) {
        p.drawLine(QPointF(13, 3), QPointF(4, 12));
        p.drawLine(QPointF(4, 12), QPointF(4, 6));
        p.drawLine(QPointF(4, 12), QPointF(10, 12));
    } else {
        p.drawLine(QPointF(3, 13), QPointF(12, 4));
        p.drawLine(QPointF(12, 4), QPointF(6, 4));
        p.drawLine(QPointF(12, 4), QPointF(12, 10));
    }
    return QIcon(pm);
}

} // namespace

HistoryPanelDelegate::HistoryPanelDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_incoming(arrowIcon(true))
    , m_outgoing(arrowIcon(false))
    , m_missed(StatusBadgeStyle::icon(Shape::Warning, StatusBadgeStyle::color(Tone::Bad))) {}

void HistoryPanelDelegate::initStyleOption(QStyleOptionViewItem* option,
                                           const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    using HM = models::HistoryModel;
    if (index.column() == HM::DirectionColumn) {
        option->icon = index.data(HM::IncomingRole).toBool() ? m_incoming : m_outgoing;
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
    if (!index.data(HM::MissedRole).toBool()) {
        return;
    }
    option->font.setBold(true);
    const QColor bad = StatusBadgeStyle::color(Tone::Bad);
    option->palette.setColor(QPalette::Text, bad.darker(120));
    option->palette.setColor(QPalette::HighlightedText, Qt::white);
    if (index.column() == HM::OutcomeColumn) {
        option->icon = m_missed;
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
}

} // namespace ui
