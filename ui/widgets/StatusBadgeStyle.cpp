#include "ui/widgets/StatusBadgeStyle.h"

#include "models/StatusLabels.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

namespace ui {

namespace {

constexpr int kPadX = 6;
constexpr int kGap = 4;
constexpr int kPadY = 2;

} // namespace

StatusBadgeStyle::Badge StatusBadgeStyle::make(Family family, Tone tone, Shape shape,
                                               const QString& text, bool unknown) {
    Badge b;
    b.tone = tone;
    b.shape = shape;
    b.text = text;
    b.unknown = unknown;
    //: Screen reader text of a status badge: "<family>: <status>", e.g. "Call status: Ringing"
    b.accessibleText = tr("%1: %2").arg(familyName(family), text);
    return b;
}

QString StatusBadgeStyle::familyName(Family family) {
    switch (family) {
    case Family::Session:
        return tr("Connection");
    case Family::Registration:
        return tr("SIP registration");
    case Family::Debug:
        return tr("Server debug log");
    case Family::Call:
        return tr("Call status");
    case Family::Transfer:
        return tr("Transfer status");
    case Family::Stream:
        return tr("Stream status");
    }
    return tr("Status");
}

StatusBadgeStyle::Badge StatusBadgeStyle::session(core::SessionStatus status, const QString& raw) {
    using S = core::SessionStatus;
    const QString text = models::StatusLabels::session(status, raw);
    const auto m = [&](Tone t, Shape s) { return make(Family::Session, t, s, text, false); };
    switch (status) {
    case S::Unknown:
        break;
    case S::Pending:
        return m(Tone::Progress, Shape::Ring);
    case S::Connected:
        return m(Tone::Progress, Shape::Ring);
    case S::Established:
        return m(Tone::Good, Shape::Check);
    case S::Registered:
        return m(Tone::Good, Shape::Check);
    case S::Unregistered:
        return m(Tone::Idle, Shape::Dash);
    case S::Disconnected:
        return m(Tone::Idle, Shape::Dash);
    case S::Failed:
        return m(Tone::Bad, Shape::Cross);
    }
    return make(Family::Session, Tone::Neutral, Shape::Question, text, true);
}

StatusBadgeStyle::Badge StatusBadgeStyle::registration(core::RegistrationStatus status,
                                                       const QString& raw) {
    using S = core::RegistrationStatus;
    const QString text = models::StatusLabels::registration(status, raw);
    const auto m = [&](Tone t, Shape s) { return make(Family::Registration, t, s, text, false); };
    switch (status) {
    case S::Unknown:
        break;
    case S::Registered:
        return m(Tone::Good, Shape::Check);
    case S::Unregistered:
        return m(Tone::Idle, Shape::Dash);
    case S::AuthenticationFail:
        return m(Tone::Bad, Shape::Cross);
    case S::Failed:
        return m(Tone::Bad, Shape::Cross);
    }
    return make(Family::Registration, Tone::Neutral, Shape::Question, text, true);
}

StatusBadgeStyle::Badge StatusBadgeStyle::debug(core::SessionDebugStatus status,
                                                const QString& raw) {
    using S = core::SessionDebugStatus;
    const QString text = models::StatusLabels::debug(status, raw);
    switch (status) {
    case S::Unknown:
        break;
    case S::Started:
        return make(Family::Debug, Tone::Attention, Shape::Dot, text, false);
    case S::Stopped:
        return make(Family::Debug, Tone::Idle, Shape::Dash, text, false);
    }
    return make(Family::Debug, Tone::Neutral, Shape::Question, text, true);
}

StatusBadgeStyle::Badge StatusBadgeStyle::call(core::CallStatus status, const QString& raw) {
    using S = core::CallStatus;
    const QString text = models::StatusLabels::call(status, raw);
    const auto m = [&](Tone t, Shape s) { return make(Family::Call, t, s, text, false); };
    switch (status) {
    case S::Unknown:
        break;
    case S::New:
    case S::Pending:
    case S::Trying:
    case S::SessionProgress:
        return m(Tone::Progress, Shape::Ring);
    case S::Ring:
    case S::RingMedia:
        return m(Tone::Attention, Shape::Dot);
    case S::Established:
        return m(Tone::Good, Shape::Check);
    case S::Hold:
        return m(Tone::Attention, Shape::Pause);
    case S::Busy:
        return m(Tone::Bad, Shape::Cross);
    case S::Failed:
        return m(Tone::Bad, Shape::Cross);
    case S::Finish:
        return m(Tone::Idle, Shape::Dash);
    }
    return make(Family::Call, Tone::Neutral, Shape::Question, text, true);
}

StatusBadgeStyle::Badge StatusBadgeStyle::transfer(core::TransferStatus status,
                                                   const QString& raw) {
    using S = core::TransferStatus;
    const QString text = models::StatusLabels::transfer(status, raw);
    const auto m = [&](Tone t, Shape s) { return make(Family::Transfer, t, s, text, false); };
    switch (status) {
    case S::Unknown:
        break;
    case S::Pending:
    case S::Accepted:
    case S::Trying:
        return m(Tone::Progress, Shape::Ring);
    case S::Completed:
        return m(Tone::Good, Shape::Check);
    case S::Failed:
        return m(Tone::Bad, Shape::Cross);
    }
    if (raw.isEmpty()) {
        return {}; // no transfer
    }
    return make(Family::Transfer, Tone::Neutral, Shape::Question, text, true);
}

StatusBadgeStyle::Badge StatusBadgeStyle::stream(core::StreamStatus status, const QString& raw) {
    using S = core::StreamStatus;
    const QString text = models::StatusLabels::stream(status, raw);
    const auto m = [&](Tone t, Shape s) { return make(Family::Stream, t, s, text, false); };
    switch (status) {
    case S::Unknown:
        break;
    case S::New:
    case S::Pending:
        return m(Tone::Progress, Shape::Ring);
    case S::Publishing:
    case S::Playing:
        return m(Tone::Good, Shape::Check);
    case S::Paused:
        return m(Tone::Attention, Shape::Pause);
    case S::PlaybackProblem:
    case S::NotEnoughBandwidth:
        return m(Tone::Attention, Shape::Warning);
    case S::Resize:
    case S::SnapshotComplete:
        return m(Tone::Progress, Shape::Dot);
    case S::Unpublished:
    case S::Stopped:
        return m(Tone::Idle, Shape::Dash);
    case S::Failed:
        return m(Tone::Bad, Shape::Cross);
    }
    return make(Family::Stream, Tone::Neutral, Shape::Question, text, true);
}

StatusBadgeStyle::Badge StatusBadgeStyle::forFamily(Family family, int value, const QString& raw) {
    switch (family) {
    case Family::Session:
        return session(static_cast<core::SessionStatus>(value), raw);
    case Family::Registration:
        return registration(static_cast<core::RegistrationStatus>(value), raw);
    case Family::Debug:
        return debug(static_cast<core::SessionDebugStatus>(value), raw);
    case Family::Call:
        return call(static_cast<core::CallStatus>(value), raw);
    case Family::Transfer:
        return transfer(static_cast<core::TransferStatus>(value), raw);
    case Family::Stream:
        return stream(static_cast<core::StreamStatus>(value), raw);
    }
    return {};
}

QColor StatusBadgeStyle::color(Tone tone) {
    switch (tone) {
    case Tone::Good:
        return QColor(0x2e, 0x7d, 0x32); // green
    case Tone::Progress:
        return QColor(0x15, 0x65, 0xc0); // blue
    case Tone::Attention:
        return QColor(0xe6, 0x5c, 0x00); // orange
    case Tone::Bad:
        return QColor(0xc6, 0x28, 0x28); // red
    case Tone::Idle:
        return QColor(0x54, 0x6e, 0x7a); // slate
    case Tone::Neutral:
        break;
    }
    return QColor(0x80, 0x80, 0x80); // grey
}

void StatusBadgeStyle::paintShape(QPainter& p, const QRectF& r, Shape shape, const QColor& color) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const qreal w = r.width();
    QPen pen(color, qMax<qreal>(1.5, w / 7.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const QRectF in = r.adjusted(w * 0.12, w * 0.12, -w * 0.12, -w * 0.12);
    switch (shape) {
    case Shape::Check: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(in);
        p.setPen(QPen(Qt::white, pen.widthF(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPolygonF tick;
        tick << QPointF(in.left() + in.width() * 0.25, in.top() + in.height() * 0.52)
             << QPointF(in.left() + in.width() * 0.43, in.top() + in.height() * 0.70)
             << QPointF(in.left() + in.width() * 0.75, in.top() + in.height() * 0.32);
        p.drawPolyline(tick);
        break;
    }
    case Shape::Ring:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawArc(in, 90 * 16, -270 * 16);
        break;
    case Shape::Dot:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(in.adjusted(w * 0.1, w * 0.1, -w * 0.1, -w * 0.1));
        break;
    case Shape::Pause: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        const qreal bw = in.width() * 0.3;
        p.drawRect(QRectF(in.left() + in.width() * 0.12, in.top(), bw, in.height()));
        p.drawRect(QRectF(in.right() - in.width() * 0.12 - bw, in.top(), bw, in.height()));
        break;
    }
    case Shape::Warning: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        QPolygonF tri;
        tri << QPointF(in.center().x(), in.top()) << in.bottomRight() << in.bottomLeft();
        p.drawPolygon(tri);
        p.setPen(QPen(Qt::white, pen.widthF() * 0.8, Qt::SolidLine, Qt::RoundCap));
        const qreal x = in.center().x();
        p.drawLine(QPointF(x, in.top() + in.height() * 0.38),
                   QPointF(x, in.top() + in.height() * 0.68));
        p.drawPoint(QPointF(x, in.top() + in.height() * 0.85));
        break;
    }
    case Shape::Cross: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(in);
        p.setPen(QPen(Qt::white, pen.widthF(), Qt::SolidLine, Qt::RoundCap));
        const QRectF c =
            in.adjusted(in.width() * 0.3, in.height() * 0.3, -in.width() * 0.3, -in.height() * 0.3);
        p.drawLine(c.topLeft(), c.bottomRight());
        p.drawLine(c.topRight(), c.bottomLeft());
        break;
    }
    case Shape::Dash:
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(in);
        p.drawLine(QPointF(in.left() + in.width() * 0.3, in.center().y()),
                   QPointF(in.right() - in.width() * 0.3, in.center().y()));
        break;
    case Shape::Question: {
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(in);
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(qMax(6, int(in.height() * 0.75)));
        p.setFont(f);
        p.drawText(in, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    p.restore();
}

QIcon StatusBadgeStyle::icon(Shape shape, const QColor& color, int size) {
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paintShape(p, QRectF(0, 0, size, size), shape, color);
    p.end();
    return QIcon(pm);
}

QSize StatusBadgeStyle::badgeSize(const Badge& badge, const QFont& font) {
    if (badge.isEmpty()) {
        return {0, 0};
    }
    const QFontMetrics fm(font);
    const int h = fm.height() + 2 * kPadY;
    const int icon = fm.height();
    return {kPadX + icon + kGap + fm.horizontalAdvance(badge.text) + kPadX, h};
}

void StatusBadgeStyle::paintBadge(QPainter& p, const QRect& rect, const Badge& badge) {
    if (badge.isEmpty()) {
        return;
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QSize want = badgeSize(badge, p.font());
    QRect box(rect.left() + 1, rect.top() + (rect.height() - want.height()) / 2,
              qMin(want.width(), rect.width() - 2), qMin(want.height(), rect.height()));
    const QColor c = badge.color();
    // An opaque, light tint of the tone: the badge reads the same on a selected row.
    const QColor base(Qt::white);
    const QColor fill = QColor::fromRgbF(c.redF() * 0.16f + base.redF() * 0.84f,
                                         c.greenF() * 0.16f + base.greenF() * 0.84f,
                                         c.blueF() * 0.16f + base.blueF() * 0.84f);
    p.setPen(QPen(c, 1));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    const int iconSize = box.height() - 2 * kPadY;
    const QRectF iconRect(box.left() + kPadX, box.top() + (box.height() - iconSize) / 2.0, iconSize,
                          iconSize);
    paintShape(p, iconRect, badge.shape, c);
    const QRect textRect(int(iconRect.right()) + kGap, box.top(),
                         box.right() - int(iconRect.right()) - kGap - kPadX + 2, box.height());
    p.setPen(QColor(0x21, 0x21, 0x21)); // dark text on the light tint, in any theme
    const QString text =
        QFontMetrics(p.font()).elidedText(badge.text, Qt::ElideRight, textRect.width());
    p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
    p.restore();
}

} // namespace ui
