#pragma once

#include "core/CallStatus.h"
#include "core/RegistrationStatus.h"
#include "core/SessionDebugStatus.h"
#include "core/SessionStatus.h"
#include "core/StreamStatus.h"
#include "core/TransferStatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

class QFont;
class QPainter;
class QRect;
class QRectF;
class QSize;

namespace ui {

/// The ONE mapping table from a status value to its badge (ARCHITECTURE.md, "one small enum
/// per lifecycle, two lookup tables"): colour, icon shape, text and accessible text. The text
/// comes from models::StatusLabels, so a badge always carries words and is readable without
/// colour. Unknown values get a neutral grey badge showing the raw wire text.
class StatusBadgeStyle {
    Q_DECLARE_TR_FUNCTIONS(ui::StatusBadgeStyle)

public:
    /// What a status means to the user; one colour per tone.
    enum class Tone { Good, Progress, Attention, Bad, Idle, Neutral };
    /// The icon drawn before the text.
    enum class Shape { Check, Ring, Dot, Pause, Warning, Cross, Dash, Question };
    /// The status families that have a badge.
    enum class Family { Session, Registration, Debug, Call, Transfer, Stream };

    struct Badge {
        Tone tone = Tone::Neutral;
        Shape shape = Shape::Question;
        QString text;           ///< translated badge text (raw wire text for unknown values)
        QString accessibleText; ///< what a screen reader says ("Call status: Established")
        bool unknown = false;   ///< a value not in the table

        QColor color() const { return StatusBadgeStyle::color(tone); }
        bool isEmpty() const { return text.isEmpty(); }
    };

    static Badge session(core::SessionStatus status, const QString& raw = {});
    static Badge registration(core::RegistrationStatus status, const QString& raw = {});
    static Badge debug(core::SessionDebugStatus status, const QString& raw = {});
    static Badge call(core::CallStatus status, const QString& raw = {});
    /// An empty badge for core::TransferStatus::Unknown without raw text (no transfer).
    static Badge transfer(core::TransferStatus status, const QString& raw = {});
    static Badge stream(core::StreamStatus status, const QString& raw = {});
    /// Dispatch on the family with the enum as an int (item-model roles carry ints).
    static Badge forFamily(Family family, int value, const QString& raw = {});

    static QString familyName(Family family);
    static QColor color(Tone tone);
    /// The icon of `shape` in `color`, drawn with QPainter (no image files).
    static QIcon icon(Shape shape, const QColor& color, int size = 16);
    static void paintShape(QPainter& painter, const QRectF& rect, Shape shape, const QColor& color);

    /// Size of a painted badge for `font`.
    static QSize badgeSize(const Badge& badge, const QFont& font);
    /// Paints the badge (light opaque tint of the tone, border and icon in the tone, dark
    /// text) left-aligned and vertically centred in `rect`. Shared by StatusBadge and
    /// BadgeDelegate so both look the same, on any row background and in any theme.
    static void paintBadge(QPainter& painter, const QRect& rect, const Badge& badge);

private:
    static Badge make(Family family, Tone tone, Shape shape, const QString& text, bool unknown);
};

} // namespace ui
