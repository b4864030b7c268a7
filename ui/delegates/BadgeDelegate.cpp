#include "ui/delegates/BadgeDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

namespace ui {

BadgeDelegate::BadgeDelegate(StatusBadgeStyle::Family family, int statusRole, int textRole,
                             QObject* parent)
    : QStyledItemDelegate(parent)
    , m_family(family)
    , m_statusRole(statusRole)
    , m_textRole(textRole) {}

StatusBadgeStyle::Badge BadgeDelegate::badgeFor(const QModelIndex& index) const {
    const QVariant status = index.data(m_statusRole);
    if (!status.isValid()) {
        return {};
    }
    const QString text = index.data(m_textRole).toString();
    // Value 0 is Unknown in every family: its text is the raw wire text.
    const int value = status.toInt();
    return StatusBadgeStyle::forFamily(m_family, value, value == 0 ? text : QString());
}

void BadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection
    const StatusBadgeStyle::Badge badge = badgeFor(index);
    painter->save();
    painter->setFont(opt.font);
    StatusBadgeStyle::paintBadge(*painter, opt.rect.adjusted(2, 1, -2, -1), badge);
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QSize badge = StatusBadgeStyle::badgeSize(badgeFor(index), option.font);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {qMax(base.width(), badge.width() + 8), qMax(base.height(), badge.height() + 4)};
}

bool BadgeDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                              const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event && event->type() == QEvent::ToolTip && index.isValid()) {
        const StatusBadgeStyle::Badge badge = badgeFor(index);
        if (!badge.isEmpty()) {
            QString tip = badge.accessibleText;
            const QString extra = index.data(Qt::ToolTipRole).toString();
            if (!extra.isEmpty() && extra != badge.text) {
                tip += QLatin1Char('\n') + extra;
            }
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ui
