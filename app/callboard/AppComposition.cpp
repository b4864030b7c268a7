#include "AppComposition.h"

#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "models/AccountListModel.h"
#include "models/CallListModel.h"
#include "models/EventLogModel.h"
#include "models/HistoryModel.h"
#include "models/StreamTableModel.h"
#include "services/CallHistoryRecorder.h"
#include "services/CallService.h"
#include "services/History.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsBinding.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

#include <QDir>
#include <QHostAddress>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

namespace app {

QString AppComposition::demoAccountId() {
    return QStringLiteral("Demo");
}

AppComposition::AppComposition(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(std::make_shared<core::SystemClock>()) {}

AppComposition::~AppComposition() {
    // Views first, then models, then the session and the services they read.
    m_window.reset();
    m_historyModel.reset();
    m_eventModel.reset();
    m_streamModel.reset();
    m_callModel.reset();
    m_accountModel.reset();
    m_binding.reset();
    m_session.reset();
    m_recorder.reset();
    m_history.reset();
    m_emulator.reset();
}

bool AppComposition::start() {
    QString dir;
    if (m_options.demo) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            m_error = tr("Cannot create a temporary directory for the demo history.");
            return false;
        }
        dir = m_tempDir->path();
    } else {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir)) {
            m_error = tr("Cannot create the data directory %1.").arg(dir);
            return false;
        }
    }
    m_history =
        std::make_unique<services::History>(dir + QStringLiteral("/history.sqlite"), m_clock.get());
    m_calls = std::make_unique<services::CallService>(m_clock);
    m_streams = std::make_unique<services::StreamMonitor>(m_clock);
    m_sessions = std::make_unique<services::SessionMonitor>(m_clock);
    m_recorder = std::make_unique<services::CallHistoryRecorder>(*m_calls, *m_history);

    m_accountModel = std::make_unique<models::AccountListModel>(m_sessions.get(), m_clock);
    m_callModel = std::make_unique<models::CallListModel>(m_calls.get(), m_clock);
    m_streamModel = std::make_unique<models::StreamTableModel>(m_streams.get(), m_clock);
    m_eventModel = std::make_unique<models::EventLogModel>();
    m_historyModel = std::make_unique<models::HistoryModel>(
        [this](const services::CallQuery& q) { return m_history->calls(q); });

    ui::MainWindow::Models views;
    views.accounts = m_accountModel.get();
    views.calls = m_callModel.get();
    views.streams = m_streamModel.get();
    views.events = m_eventModel.get();
    views.history = m_historyModel.get();
    m_window = std::make_unique<ui::MainWindow>(views);
    if (m_options.demo) {
        m_window->setWindowTitle(tr("Callboard (demo server)"));
    }
    if (!m_options.tab.isEmpty()) {
        m_window->showTab(m_options.tab);
    }
    wireIntents();
    m_window->show();

    // Heavy work after the first paint: open the database, start the demo server, connect.
    QTimer::singleShot(0, this, [this] {
        if (!m_history->open()) {
            showMessage(tr("Call history is unavailable: %1").arg(m_history->lastError()));
        }
        m_historyModel->refresh();
        if (m_options.demo) {
            connectDemo();
        } else {
            showMessage(tr("No account is configured. Start with --demo to try the demo server."));
        }
    });
    return true;
}

void AppComposition::wireIntents() {
    auto* cm = m_callModel.get();
    auto* cs = m_calls.get();
    connect(cm, &models::CallListModel::answerRequested, cs, &services::CallService::answer);
    connect(cm, &models::CallListModel::hangUpRequested, cs, &services::CallService::hangUp);
    connect(cm, &models::CallListModel::holdRequested, cs, &services::CallService::hold);
    connect(cm, &models::CallListModel::resumeRequested, cs, &services::CallService::resume);
    connect(cm, &models::CallListModel::transferRequested, this,
            [this](const QString& account, const QString& callId, const QString& target) {
                if (!target.isEmpty() && !m_calls->transfer(account, callId, target)) {
                    showMessage(tr("The transfer to %1 was refused.").arg(target));
                }
            });
    ui::PhonePanel* phone = m_window->phonePanel();
    connect(phone, &ui::PhonePanel::dialRequested, this, &AppComposition::dial);
    connect(phone, &ui::PhonePanel::dtmfRequested, this, [this](const QString& digits) {
        if (const services::CallRecord* active = m_calls->activeCall()) {
            m_calls->sendDtmf(active->accountId, active->callId, digits, core::DtmfType::Rfc2833);
        }
    });
    connect(phone, &ui::PhonePanel::clearEndedRequested, this, [this] {
        m_calls->clearEnded();
        m_callModel->reload();
    });
    connect(m_historyModel.get(), &models::HistoryModel::dialRequested, this,
            [this](const QString&, const QString& peer) {
                m_window->showTab(QStringLiteral("phone"));
                m_window->phonePanel()->dial(peer);
            });
    // History records the call on callEnded; refresh the view after it.
    connect(cs, &services::CallService::callEnded, m_historyModel.get(),
            &models::HistoryModel::refresh, Qt::QueuedConnection);
    connect(cs, &services::CallService::incomingCallRinging, this,
            [this](const QString&, const QString& callId) {
                const services::CallRecord* r = m_calls->find(m_accountId, callId);
                m_window->showTab(QStringLiteral("phone"));
                showMessage(tr("Incoming call from %1").arg(r ? r->peer : QString()));
            });
}

void AppComposition::connectDemo() {
    m_emulator = std::make_unique<emulator::EmulatorServer>();
    const emulator::Scenario scenario = emulator::ScenarioParser::demo();
    m_emulator->setScenario(scenario);
    m_emulator->setControlPort(-1);
    if (!m_emulator->listen(QHostAddress::LocalHost, 0)) {
        const QString reason =
            tr("The built-in demo server could not start: %1").arg(m_emulator->errorString());
        showMessage(reason);
        Q_EMIT connectFailed(reason);
        return;
    }
    wcs::SessionOptions o;
    o.url = m_emulator->serverUrl();
    o.connection.sipLogin = QStringLiteral("1000");
    o.connection.sipDomain = QStringLiteral("demo.callboard");
    m_session = std::make_unique<wcs::Session>(o, m_clock);
    m_accountId = demoAccountId();
    m_binding = std::make_unique<services::WcsBinding>(m_accountId, *m_session, *m_calls,
                                                       *m_streams, *m_sessions, m_clock);
    m_binding->setJournal([this](const services::JournalEntry& e) {
        m_history->append(e);
        m_eventModel->append(e);
    });
    // The demo's stream monitor watches the server's background streams: each is played
    // shortly after the server first publishes it.
    QList<QPair<QString, int>> streams;
    for (const auto& s : scenario.backgroundStreams) {
        streams.append({s.name, s.startAfterMs});
    }
    connect(m_session.get(), &wcs::Session::connectionStatusChanged, this,
            [this, streams](const core::ConnectionStatusEvent& e) {
                if (e.status != core::SessionStatus::Established || m_demoStreamsPlayed) {
                    return;
                }
                m_demoStreamsPlayed = true;
                for (const auto& [name, startAfterMs] : streams) {
                    QTimer::singleShot(qMax(0, startAfterMs) + 500, m_session.get(),
                                       [session = m_session.get(), name] {
                                           wcs::StreamRequest r;
                                           r.name = name;
                                           r.published = false;
                                           session->playStream(r);
                                       });
                }
            });
    connect(m_session.get(), &wcs::Session::registrationStatusChanged, this,
            [this](const core::RegistrationStatusEvent& e) {
                if (e.status == core::RegistrationStatus::Registered) {
                    onReady();
                }
            });
    m_session->open();
}

void AppComposition::onReady() {
    if (m_ready) {
        return;
    }
    m_ready = true;
    Q_EMIT accountReady(m_accountId);
    if (!m_options.dial.isEmpty()) {
        m_window->showTab(QStringLiteral("phone"));
        m_window->phonePanel()->dial(m_options.dial);
    }
}

void AppComposition::dial(const QString& number) {
    if (m_accountId.isEmpty()) {
        showMessage(tr("No account to call from."));
        return;
    }
    if (m_calls->dial(m_accountId, number).isEmpty()) {
        showMessage(tr("Cannot call %1: the account is not connected.").arg(number));
    }
}

void AppComposition::showMessage(const QString& text) {
    if (m_window) {
        m_window->statusBar()->showMessage(text, 10000);
    }
}

} // namespace app
