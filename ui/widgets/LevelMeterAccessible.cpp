#include "ui/widgets/LevelMeterAccessible.h"

#include "ui/widgets/LevelMeter.h"

#include <cmath>

namespace ui {

namespace {

QAccessibleInterface* levelMeterFactory(const QString& className, QObject* object) {
    if (className == QLatin1StringView(LevelMeter::staticMetaObject.className())) {
        if (auto* meter = qobject_cast<LevelMeter*>(object)) {
            return new LevelMeterAccessible(meter);
        }
    }
    return nullptr;
}

} // namespace

LevelMeterAccessible::LevelMeterAccessible(LevelMeter* meter)
    : QAccessibleWidget(meter, QAccessible::ProgressBar) {}

void LevelMeterAccessible::install() {
    static const bool installed = [] {
        QAccessible::installFactory(levelMeterFactory);
        return true;
    }();
    Q_UNUSED(installed)
}

LevelMeter* LevelMeterAccessible::meter() const {
    return static_cast<LevelMeter*>(widget());
}

void* LevelMeterAccessible::interface_cast(QAccessible::InterfaceType type) {
    if (type == QAccessible::ValueInterface) {
        return static_cast<QAccessibleValueInterface*>(this);
    }
    return QAccessibleWidget::interface_cast(type);
}

QString LevelMeterAccessible::text(QAccessible::Text t) const {
    if (t == QAccessible::Value) {
        //: Accessible value of an audio level meter, in decibels below full scale
        return LevelMeter::tr("%1 dB").arg(currentValue().toInt());
    }
    return QAccessibleWidget::text(t);
}

QVariant LevelMeterAccessible::currentValue() const {
    return static_cast<int>(std::lround(meter()->level()));
}

void LevelMeterAccessible::setCurrentValue(const QVariant&) {
    // Read-only: the level comes from the audio.
}

QVariant LevelMeterAccessible::maximumValue() const {
    return 0;
}

QVariant LevelMeterAccessible::minimumValue() const {
    return static_cast<int>(LevelMeter::kFloorDbov);
}

QVariant LevelMeterAccessible::minimumStepSize() const {
    return 1;
}

} // namespace ui
