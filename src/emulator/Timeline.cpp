#include "emulator/Timeline.h"

#include "emulator/EmulatorLog.h"

#include <QTimer>

namespace emulator {

Timeline::Timeline(QList<Scenario::TimelineEntry> entries, Runner runner, QObject* parent)
    : QObject(parent)
    , m_entries(std::move(entries))
    , m_runner(std::move(runner)) {
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        auto* t = new QTimer(this);
        t->setSingleShot(true);
        connect(t, &QTimer::timeout, this, [this, i] { fire(i); });
        m_timers.append(t);
        m_counts.append(0);
    }
}

Timeline::~Timeline() = default;

void Timeline::start() {
    m_runs = 0;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        m_counts[i] = 0;
        m_timers[i]->start(m_entries.at(i).atMs);
    }
}

void Timeline::stop() {
    for (auto* t : std::as_const(m_timers)) {
        t->stop();
    }
}

void Timeline::fire(qsizetype index) {
    const Scenario::TimelineEntry& e = m_entries.at(index);
    ++m_counts[index];
    ++m_runs;
    const bool again = e.everyMs > 0 && (e.repeat == 0 || m_counts.at(index) < e.repeat);
    if (again) {
        m_timers[index]->start(e.everyMs);
    }
    qCDebug(lcEmulator).noquote() << "timeline:"
                                  << e.action.value(QStringLiteral("action")).toString();
    if (m_runner) {
        m_runner(e.action); // owners delete a Timeline only with deleteLater()
    }
}

} // namespace emulator
