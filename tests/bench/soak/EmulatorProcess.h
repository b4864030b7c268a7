#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

class QWebSocket;

namespace soak {

/// The `callboard-emulator` executable as a child process (its memory and handles are not the
/// client's), with its control endpoint (src/emulator/SCENARIO.md, "The control endpoint").
///
/// start() runs `<program> --scenario <file> --port 0 --control-port 0 --record <file> --quiet`
/// plus `extraArgs`, waits for the `{"event":"listening","ws":...,"control":...}` line on
/// stdout and opens the control WebSocket. The emulator's stderr goes to this process's stderr.
class EmulatorProcess : public QObject {
    Q_OBJECT

public:
    explicit EmulatorProcess(QObject* parent = nullptr);
    ~EmulatorProcess() override;

    /// Starts the emulator; false with error() set when it did not print its listening line
    /// within `timeoutMs` ms or the control endpoint did not open.
    bool start(const QString& program, const QString& scenarioFile, const QString& recordFile,
               const QStringList& extraArgs = {}, int timeoutMs = 20000);
    /// Sends one control action (e.g. `{"action":"sessions"}`) and waits up to `timeoutMs` ms for
    /// its reply, running the event loop meanwhile. An object with `ok:false` and `error` when
    /// there is no reply.
    QJsonObject request(const QJsonObject& action, int timeoutMs = 10000);
    /// SIGTERM, then SIGKILL after `timeoutMs` ms. Returns the exit code, -1 after a kill.
    int stop(int timeoutMs = 10000);

    QUrl wsUrl() const { return m_ws; }
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString error() const { return m_error; }

private:
    QProcess m_process;
    std::unique_ptr<QWebSocket> m_control;
    QUrl m_ws;
    QString m_error;
};

} // namespace soak
