#pragma once

#include "ui/widgets/StatusBadgeStyle.h"

#include <QStyledItemDelegate>

namespace ui {

/// Paints a status badge in a table cell, the same as StatusBadge, from two roles of the
/// model: the status enum as an int (`statusRole`) and its text (`textRole`, which carries
/// the raw wire text of an unknown value). The cell's tooltip and accessible text come from
/// the same StatusBadgeStyle entry.
class BadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    BadgeDelegate(StatusBadgeStyle::Family family, int statusRole, int textRole,
                  QObject* parent = nullptr);

    /// The badge of `index` (empty when the model gives no status).
    StatusBadgeStyle::Badge badgeFor(const QModelIndex& index) const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    StatusBadgeStyle::Family m_family;
    int m_statusRole;
    int m_textRole;
};

} // namespace ui
