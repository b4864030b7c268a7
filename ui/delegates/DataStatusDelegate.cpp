#include "ui/delegates/DataStatusDelegate.h"

#include "models/DataLogModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace ui {

using DLM = models::DataLogModel;

DataStatusDelegate::DataStatusDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {}

StatusBadgeStyle::Badge DataStatusDelegate::badgeFor(const QModelIndex& index) {
    const QVariant status = index.data(DLM::StatusRole);
    if (!status.isValid()) {
        return {};
    }
    using T = StatusBadgeStyle::Tone;
    using S = StatusBadgeStyle::Shape;
    StatusBadgeStyle::Badge badge;
    badge.text = index.data(DLM::StatusTextRole).toString();
    switch (static_cast<DLM::Status>(status.toInt())) {
    case DLM::Status::Sending:
        badge.tone = T::Progress;
        badge.shape = S::Ring;
        break;
    case DLM::Status::Accepted:
        badge.tone = T::Good;
        badge.shape = S::Check;
        break;
    case DLM::Status::Failed:
        badge.tone = T::Bad;
        badge.shape = S::Cross;
        break;
    case DLM::Status::Received:
        badge.tone = T::Idle;
        badge.shape = S::Dot;
        break;
    case DLM::Status::Unknown:
        badge.tone = T::Neutral;
        badge.shape = S::Question;
        badge.unknown = true;
        break;
    }
    //: Screen-reader text of a data badge, %1 is the status
    badge.accessibleText =
        QCoreApplication::translate("ui::DataStatusDelegate", "Data status: %1").arg(badge.text);
    return badge;
}

void DataStatusDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    painter->save();
    painter->setFont(opt.font);
    StatusBadgeStyle::paintBadge(*painter, opt.rect.adjusted(2, 1, -2, -1), badgeFor(index));
    painter->restore();
}

QSize DataStatusDelegate::sizeHint(const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    const QSize badge = StatusBadgeStyle::badgeSize(badgeFor(index), option.font);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {qMax(base.width(), badge.width() + 8), qMax(base.height(), badge.height() + 4)};
}

} // namespace ui
