#pragma once

#include "CliOptions.h"

#include "core/CallStatusEvent.h"
#include "core/ConnectionStatusEvent.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace emulator {
class EmulatorServer;
}
namespace wcs {
class Session;
}

namespace cli {

class EventPrinter;

/// Runs one callboard-cli command: connects, drives the command's steps from the session's
/// events (e.g. `transfer`: call -> ESTABLISHED -> hold for transfer -> HOLD -> transfer ->
/// COMPLETED -> call ends) and reports the outcome as an ExitCode through finished().
class CliRunner : public QObject {
    Q_OBJECT

public:
    explicit CliRunner(CliOptions options, QObject* parent = nullptr);
    ~CliRunner() override;

    /// Starts the command; false (with finished() not emitted) when the demo server cannot start.
    bool start();
    /// Ends the run now: monitor exits 0, any other command ExitTimeout.
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onConnection(const core::ConnectionStatusEvent& e);
    void onReady();
    void onCall(const core::CallStatusEvent& e);
    void onCallEstablished();
    void later(int ms, std::function<void()> step);
    void done(int exitCode);
    void connectCommandSignals();

    CliOptions m_options;
    std::unique_ptr<emulator::EmulatorServer> m_emulator;
    std::unique_ptr<wcs::Session> m_session;
    EventPrinter* m_printer = nullptr;
    QTimer m_deadline;
    QString m_callId;      ///< the call this command placed or answered
    QString m_streamId;    ///< the stream this command published or plays
    QString m_operationId; ///< send-data operation
    bool m_ready = false;
    bool m_finished = false;
    bool m_held = false;
    bool m_transferDone = false;
    bool m_transferOk = false;
};

} // namespace cli
