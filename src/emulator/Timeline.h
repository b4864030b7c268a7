#pragma once

#include "emulator/Scenario.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace emulator {

/// Runs the entries of a scenario timeline (SCENARIO.md): each entry's action at `atMs` after
/// start(), then every `everyMs` (ms), at most `repeat` times. The action objects go to the
/// runner unchanged; what they do is ActionExecutor's business.
class Timeline : public QObject {
    Q_OBJECT

public:
    using Runner = std::function<void(const QJsonObject& action)>;

    Timeline(QList<Scenario::TimelineEntry> entries, Runner runner, QObject* parent = nullptr);
    ~Timeline() override;

    /// Starts counting from now. Calling it again restarts every entry.
    void start();
    void stop();
    /// How many actions have run since start().
    int runs() const { return m_runs; }

private:
    void fire(qsizetype index);

    QList<Scenario::TimelineEntry> m_entries;
    Runner m_runner;
    QList<QTimer*> m_timers;
    QList<int> m_counts;
    int m_runs = 0;
};

} // namespace emulator
