#pragma once

#include <QAccessibleWidget>

namespace ui {

class LevelMeter;

/// What assistive technology sees of a ui::LevelMeter: a read-only progress bar whose value is
/// the level in whole dBov (minimum LevelMeter::kFloorDbov, maximum 0), text "-23 dB".
class LevelMeterAccessible : public QAccessibleWidget, public QAccessibleValueInterface {
public:
    explicit LevelMeterAccessible(LevelMeter* meter);

    /// Registers the factory with QAccessible (once per process).
    static void install();

    void* interface_cast(QAccessible::InterfaceType type) override;
    QString text(QAccessible::Text t) const override;

    QVariant currentValue() const override;
    void setCurrentValue(const QVariant& value) override;
    QVariant maximumValue() const override;
    QVariant minimumValue() const override;
    QVariant minimumStepSize() const override;

private:
    LevelMeter* meter() const;
};

} // namespace ui
