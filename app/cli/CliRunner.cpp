#include "CliRunner.h"

#include "CommandExecutor.h"
#include "EventPrinter.h"
#include "StdinCommandReader.h"

#include "core/Lifecycle.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "wcs/Session.h"

#include <QHostAddress>
#include <QJsonObject>

namespace cli {

namespace {
bool is(const QString& a, const char* b) {
    return a == QLatin1StringView(b);
}
} // namespace

CliRunner::CliRunner(CliOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &CliRunner::interrupt);
}

CliRunner::~CliRunner() = default;

bool CliRunner::start() {
    if (m_options.demo) {
        m_emulator = std::make_unique<emulator::EmulatorServer>();
        m_emulator->setScenario(emulator::ScenarioParser::demo());
        m_emulator->setControlPort(-1);
        if (!m_emulator->listen(QHostAddress::LocalHost, 0)) {
            qCritical("callboard-cli: the built-in demo server could not start");
            return false;
        }
        m_options.session.url = m_emulator->serverUrl();
    }
    m_session = std::make_unique<wcs::Session>(m_options.session);
    m_printer = new EventPrinter(m_options.verbose, this);
    m_printer->attach(*m_session);
    connect(m_session.get(), &wcs::Session::connectionStatusChanged, this,
            &CliRunner::onConnection);
    connect(m_session.get(), &wcs::Session::registrationStatusChanged, this,
            [this](const core::RegistrationStatusEvent& r) {
                if (r.status == core::RegistrationStatus::Registered) {
                    onReady();
                } else if (!is(m_options.command, "monitor")) {
                    done(ExitCommandFailed);
                }
            });
    connectCommandSignals();
    if (m_options.exitAfterMs > 0) {
        m_deadline.start(m_options.exitAfterMs);
    }
    m_session->open();
    return true;
}

void CliRunner::interrupt() {
    done(is(m_options.command, "monitor") ? ExitOk : ExitTimeout);
}

void CliRunner::onConnection(const core::ConnectionStatusEvent& e) {
    using S = core::SessionStatus;
    if (e.status == S::Established) {
        const auto& c = m_options.session.connection;
        if (!(c.hasSip() && c.sipRegisterRequired.value_or(true))) {
            onReady();
        }
    } else if ((e.status == S::Failed || e.status == S::Disconnected) &&
               !is(m_options.command, "monitor")) {
        done(ExitConnectFailed);
    }
}

void CliRunner::onReady() {
    if (m_ready) {
        return;
    }
    m_ready = true;
    const QString& cmd = m_options.command;
    const QStringList& a = m_options.args;
    if (is(cmd, "monitor")) {
        for (const QString& name : m_options.playNames) {
            wcs::StreamRequest r;
            r.name = name;
            m_session->playStream(r);
        }
        if (m_options.readCommandsFromStdin) {
            auto* reader = new StdinCommandReader(this);
            connect(reader, &StdinCommandReader::commandReceived, this,
                    [this](const QJsonObject& c) {
                        m_printer->print(CommandExecutor::execute(*m_session, c));
                    });
            connect(reader, &StdinCommandReader::malformedLine, this,
                    [this](const QString& line, const QString& reason) {
                        m_printer->print({{QStringLiteral("type"), QStringLiteral("CommandResult")},
                                          {QStringLiteral("ok"), false},
                                          {QStringLiteral("error"), reason},
                                          {QStringLiteral("line"), line}});
                    });
        }
    } else if (is(cmd, "call") || is(cmd, "hold") || is(cmd, "transfer") || is(cmd, "dtmf")) {
        wcs::CallRequest r;
        r.callee = a.first();
        m_callId = m_session->call(r);
        if (m_callId.isEmpty()) {
            done(ExitCommandFailed);
        }
    } else if (is(cmd, "publish") || is(cmd, "play")) {
        wcs::StreamRequest r;
        r.name = a.first();
        r.record = m_options.record;
        m_streamId = is(cmd, "publish") ? m_session->publishStream(r) : m_session->playStream(r);
        if (m_streamId.isEmpty()) {
            done(ExitCommandFailed);
        }
    } else if (is(cmd, "send-data")) {
        m_operationId = m_session->sendData(a.first().toUtf8());
        if (m_operationId.isEmpty()) {
            done(ExitCommandFailed);
        }
    } else if (is(cmd, "debug")) {
        if (!(is(a.first(), "on") ? m_session->startDebug() : m_session->stopDebug())) {
            done(ExitCommandFailed);
        }
    }
    // answer: waits for incomingCallReceived
}

void CliRunner::connectCommandSignals() {
    wcs::Session* s = m_session.get();
    connect(s, &wcs::Session::incomingCallReceived, this, [this](const core::CallStatusEvent& c) {
        if (is(m_options.command, "answer") && m_callId.isEmpty()) {
            m_callId = c.callId;
            if (!m_session->answer(c.callId)) {
                done(ExitCommandFailed);
            }
        }
    });
    connect(s, &wcs::Session::callStatusChanged, this, &CliRunner::onCall);
    connect(s, &wcs::Session::transferStatusChanged, this,
            [this](const core::TransferStatusEvent& t) {
                if (t.callId != m_callId) {
                    return;
                }
                if (t.status == core::TransferStatus::Completed) {
                    m_transferDone = m_transferOk = true;
                } else if (t.status == core::TransferStatus::Failed) {
                    m_transferDone = true;
                    m_session->unhold(m_callId); // failed transfer: take the caller back, then end
                    later(300, [this] { m_session->hangUp(m_callId); });
                }
            });
    connect(s, &wcs::Session::streamStatusChanged, this, [this](const core::StreamStatusEvent& e) {
        if (e.mediaSessionId != m_streamId) {
            return;
        }
        using S = core::StreamStatus;
        if (e.status == S::Publishing || e.status == S::Playing) {
            const bool publish = e.status == S::Publishing;
            later(m_options.durationMs >= 0 ? m_options.durationMs : 1000, [this, publish] {
                publish ? m_session->unPublishStream(m_streamId)
                        : m_session->stopStream(m_streamId);
            });
        } else if (e.status == S::Failed) {
            done(ExitCommandFailed);
        } else if (core::Lifecycle<S>::isTerminal(e.status.value)) {
            done(ExitOk);
        }
    });
    connect(s, &wcs::Session::dataStatusReceived, this, [this](const core::DataStatusEvent& d) {
        if (d.operationId == m_operationId) {
            done(d.status == core::DataStatus::Accepted ? ExitOk : ExitCommandFailed);
        }
    });
    connect(s, &wcs::Session::sessionDebugStatusChanged, this,
            [this](const core::SessionDebugStatusEvent& d) {
                if (is(m_options.command, "debug")) {
                    const bool wantOn = is(m_options.args.first(), "on");
                    const bool on = d.status == core::SessionDebugStatus::Started;
                    done(on == wantOn ? ExitOk : ExitCommandFailed);
                }
            });
}

void CliRunner::onCall(const core::CallStatusEvent& e) {
    if (e.callId != m_callId || is(m_options.command, "monitor")) {
        return;
    }
    using S = core::CallStatus;
    if (core::Lifecycle<S>::isTerminal(e.status.value)) {
        const bool transferCmd = is(m_options.command, "transfer");
        const bool ok = e.status == S::Finish && (!transferCmd || m_transferOk);
        done(ok ? ExitOk : ExitCommandFailed);
    } else if (e.status == S::Established) {
        onCallEstablished();
    } else if (e.status == S::Hold && !m_held) {
        m_held = true;
        if (is(m_options.command, "hold")) {
            later(m_options.unholdAfterMs >= 0 ? m_options.unholdAfterMs : 500,
                  [this] { m_session->unhold(m_callId); });
        } else if (is(m_options.command, "transfer")) {
            m_session->transfer(m_callId, m_options.args.at(1));
        }
    }
}

void CliRunner::onCallEstablished() {
    const QString& cmd = m_options.command;
    if (is(cmd, "hold")) {
        if (m_held) {
            m_session->hangUp(m_callId); // back from HOLD: done
        } else {
            m_session->hold(m_callId);
        }
    } else if (is(cmd, "transfer")) {
        if (!m_held) {
            m_session->hold(m_callId, true);
        }
    } else if (is(cmd, "dtmf")) {
        m_session->sendDtmf(m_callId, m_options.args.at(1), m_options.dtmfType);
        later(300, [this] { m_session->hangUp(m_callId); });
    } else if (is(cmd, "call") || is(cmd, "answer")) {
        if (!m_options.dtmfDigits.isEmpty()) {
            m_session->sendDtmf(m_callId, m_options.dtmfDigits, m_options.dtmfType);
        }
        if (m_options.hangupAfterMs >= 0) {
            later(m_options.hangupAfterMs, [this] { m_session->hangUp(m_callId); });
        }
    }
}

void CliRunner::later(int ms, std::function<void()> step) {
    QTimer::singleShot(ms, this, [this, step = std::move(step)] {
        if (!m_finished) {
            step();
        }
    });
}

void CliRunner::done(int exitCode) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_deadline.stop();
    if (m_session) {
        m_session->close();
    }
    // Let the close frame leave before the event loop ends.
    QTimer::singleShot(50, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

} // namespace cli
