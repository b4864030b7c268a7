#pragma once

#include "emulator/Scenario.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>

namespace emulator {

class StreamRegistry;

/// Streams of "other users" (spec §6) that make the registry look like a busy server: each
/// configured BackgroundStream publishes after startAfterMs, is played by `viewers` background
/// players, and after upMs ends (UNPUBLISHED, or FAILED with failInfo, or each in turn), then
/// publishes again after downMs. Client players of a background stream are told when it ends
/// (STOPPED "Stopped by publisher stop" / FAILED). The control endpoint can also publish and
/// stop one on demand (publishBackground / stopBackground).
class BackgroundStreams : public QObject {
    Q_OBJECT

public:
    BackgroundStreams(StreamRegistry& registry, QString serverAddress, QObject* parent = nullptr);

    /// Server IP used in the made-up sessionIds of background streams.
    void setServerAddress(const QString& address) { m_serverAddress = address; }
    /// Starts the cycles of `streams` (replacing any running ones).
    void start(const QList<Scenario::BackgroundStream>& streams);
    /// Stops every cycle and ends every background stream (UNPUBLISHED "Stopped by user").
    void stopAll();
    /// Publishes `config.name` now, without a cycle. Null on success, else the reason.
    QString publish(const Scenario::BackgroundStream& config);
    /// Ends the live background publisher `name`: UNPUBLISHED "Stopped by user", or FAILED with
    /// `info` when `fail`. Null on success, else the reason.
    QString stop(const QString& name, bool fail, const QString& info);
    /// The configured cycles: [{name, live, cycles}].
    QJsonArray describe() const;

private:
    struct Cycle {
        Scenario::BackgroundStream config;
        int cycles = 0;
        quint64 generation = 0;
    };

    void cycleUp(const QString& name, quint64 generation);
    void cycleDown(const QString& name, quint64 generation);
    QString fakeSessionId();

    StreamRegistry& m_registry;
    QString m_serverAddress;
    QHash<QString, Cycle> m_cycles;
    quint64 m_generation = 0;
    int m_fakePort = 40000;
};

} // namespace emulator
