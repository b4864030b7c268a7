#pragma once

#include <QWidget>

namespace ui {

/// A horizontal audio level bar: paints a level in dBov (dB relative to full scale, as
/// services::MediaEngine::inputLevelChanged() reports it) over the range kFloorDbov..0 dBov,
/// green up to -18 dBov, amber up to -6 dBov, red above. Below the floor (silence, -inf, NaN)
/// the bar is empty. Disabled, it is grey.
///
/// Accessibility: the owner sets the accessible name ("Microphone level"); the value (dBov,
/// LevelMeterAccessible) is exposed through QAccessibleValueInterface, as a progress bar.
class LevelMeter : public QWidget {
    Q_OBJECT
    Q_PROPERTY(double level READ level WRITE setLevel NOTIFY levelChanged)

public:
    /// The bottom of the scale, dBov.
    static constexpr double kFloorDbov = -60.0;

    explicit LevelMeter(QWidget* parent = nullptr);

    /// The level shown, dBov, in kFloorDbov..0.
    double level() const { return m_level; }
    /// How much of the bar is filled, 0..1: (level - kFloorDbov) / -kFloorDbov.
    double fraction() const;
    /// Shows `dBov`, clamped to kFloorDbov..0 (NaN counts as silence).
    void setLevel(double dBov);
    /// Shows silence (the floor).
    void reset() { setLevel(kFloorDbov); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The level shown changed, dBov.
    void levelChanged(double dBov);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    double m_level = kFloorDbov;
    int m_announced = static_cast<int>(kFloorDbov); ///< last whole dB told to accessibility
};

} // namespace ui
