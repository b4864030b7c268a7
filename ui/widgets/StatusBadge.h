#pragma once

#include "ui/widgets/StatusBadgeStyle.h"

#include <QWidget>

namespace ui {

/// One status badge as a widget: colour + icon + text from StatusBadgeStyle, a tooltip with
/// the reason and the time of the change, and an accessible name so a screen reader reads it.
class StatusBadge : public QWidget {
    Q_OBJECT

public:
    explicit StatusBadge(QWidget* parent = nullptr);

    /// Shows `badge`; `reason` (may be empty) and `sinceMs` (ms since the epoch, 0 = unknown)
    /// go into the tooltip.
    void setBadge(const StatusBadgeStyle::Badge& badge, const QString& reason = {},
                  qint64 sinceMs = 0);
    const StatusBadgeStyle::Badge& badge() const { return m_badge; }
    QString text() const { return m_badge.text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    StatusBadgeStyle::Badge m_badge;
};

} // namespace ui
