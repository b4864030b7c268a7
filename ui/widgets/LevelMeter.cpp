#include "ui/widgets/LevelMeter.h"

#include "ui/widgets/LevelMeterAccessible.h"

#include <QAccessible>
#include <QEvent>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr double kAmberFromDbov = -18.0;
constexpr double kRedFromDbov = -6.0;

double fractionOf(double dBov) {
    return (dBov - LevelMeter::kFloorDbov) / -LevelMeter::kFloorDbov;
}

} // namespace

LevelMeter::LevelMeter(QWidget* parent)
    : QWidget(parent) {
    LevelMeterAccessible::install();
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

double LevelMeter::fraction() const {
    return fractionOf(m_level);
}

void LevelMeter::setLevel(double dBov) {
    const double level = std::isnan(dBov) ? kFloorDbov : std::clamp(dBov, kFloorDbov, 0.0);
    if (level == m_level) {
        return;
    }
    m_level = level;
    update();
    Q_EMIT levelChanged(m_level);
    const int whole = static_cast<int>(std::lround(m_level));
    if (whole != m_announced) {
        m_announced = whole;
        if (QAccessible::isActive()) {
            QAccessibleValueChangeEvent event(this, whole);
            QAccessible::updateAccessibility(&event);
        }
    }
}

QSize LevelMeter::sizeHint() const {
    return {120, fontMetrics().height() / 2 + 6};
}

QSize LevelMeter::minimumSizeHint() const {
    return {40, 8};
}

void LevelMeter::changeEvent(QEvent* event) {
    if (event->type() == QEvent::EnabledChange || event->type() == QEvent::PaletteChange) {
        update();
    }
    QWidget::changeEvent(event);
}

void LevelMeter::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRect frame = rect().adjusted(0, 0, -1, -1);
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRect(frame);
    const QRect inner = frame.adjusted(2, 2, -1, -1);
    const int filled = static_cast<int>(std::lround(inner.width() * fraction()));
    if (filled <= 0 || inner.isEmpty()) {
        return;
    }
    QColor green(0x2e, 0x9d, 0x4b);
    QColor amber(0xd9, 0x9a, 0x00);
    QColor red(0xd0, 0x31, 0x2d);
    if (!isEnabled()) {
        green = amber = red = palette().color(QPalette::Disabled, QPalette::WindowText);
    }
    // Hard colour steps at the zone borders, over the whole scale; the fill shows its part.
    QLinearGradient zones(inner.topLeft(), inner.topRight());
    const double amberAt = fractionOf(kAmberFromDbov);
    const double redAt = fractionOf(kRedFromDbov);
    zones.setColorAt(0, green);
    zones.setColorAt(amberAt - 1e-6, green);
    zones.setColorAt(amberAt, amber);
    zones.setColorAt(redAt - 1e-6, amber);
    zones.setColorAt(redAt, red);
    zones.setColorAt(1, red);
    p.setPen(Qt::NoPen);
    p.setBrush(zones);
    p.drawRect(QRect(inner.left(), inner.top(), filled, inner.height()));
}

} // namespace ui
