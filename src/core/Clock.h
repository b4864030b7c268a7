#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace core {

/// Source of "now" in milliseconds since the epoch. Injected so that time-dependent logic
/// (caches, back-off schedules, keep-alive ages) is tested with a fake clock.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace core
