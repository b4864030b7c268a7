#pragma once

#include "core/Clock.h"

namespace testsupport {

/// A clock the test moves by hand (milliseconds since the epoch).
class FakeClock final : public core::Clock {
public:
    explicit FakeClock(qint64 startMs = 1'700'000'000'000)
        : m_now(startMs) {}
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

} // namespace testsupport
