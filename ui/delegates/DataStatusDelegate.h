#pragma once

#include "ui/widgets/StatusBadgeStyle.h"

#include <QStyledItemDelegate>

namespace ui {

/// Paints the status of a models::DataLogModel row as a badge with the look of every other
/// badge (StatusBadgeStyle::paintBadge): Sending (progress ring), Accepted (check), Failed
/// (cross), Received (neutral dot), unknown wire status (question mark, raw text).
class DataStatusDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit DataStatusDelegate(QObject* parent = nullptr);

    /// The badge of `index` (empty when the model gives no status).
    static StatusBadgeStyle::Badge badgeFor(const QModelIndex& index);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace ui
