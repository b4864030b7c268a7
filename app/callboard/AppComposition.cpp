#include "AppComposition.h"

#include "AppServices.h"
#include "DataController.h"
#include "DebugController.h"
#include "FirstPaintProbe.h"
#include "IncomingCallController.h"
#include "MessagesController.h"
#include "PhoneController.h"
#include "ServersController.h"
#include "SettingsController.h"
#include "StreamActionsController.h"
#include "TrayController.h"

#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "models/AccountListModel.h"
#include "models/CallListModel.h"
#include "models/EventLogModel.h"
#include "models/HistoryModel.h"
#include "models/StreamTableModel.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/AppSettings.h"
#include "services/AutostartEntry.h"
#include "services/CallService.h"
#include "services/History.h"
#include "services/RingerSoundEffect.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

namespace app {

QString AppComposition::demoAccountId() {
    // Profile ids are uuids; the demo's is fixed so tests and scripts can name it.
    return QStringLiteral("00000000-0000-4000-8000-0000000de300");
}

AppComposition::AppComposition(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

AppComposition::~AppComposition() {
    // Sessions close while everything that listens to them is alive; then views first, then models,
    // then the services they read, then the demo server.
    if (m_services) {
        m_services->connector().disconnectAll();
    }
    m_serversController.reset(); // its hook server and REST clients feed the services
    m_tray.reset();              // it watches the window (event filter) and the services
    m_window.reset();
    m_historyModel.reset();
    m_eventModel.reset();
    m_streamModel.reset();
    m_callModel.reset();
    m_accountModel.reset();
    m_services.reset();
    m_emulator.reset();
}

bool AppComposition::start() {
    QString dir;
    QString settingsPath;
    if (m_options.demo) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            m_error = tr("Cannot create a temporary directory for the demo history.");
            return false;
        }
        dir = m_tempDir->path();
        settingsPath = dir + QStringLiteral("/settings.ini");
    } else {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir)) {
            m_error = tr("Cannot create the data directory %1.").arg(dir);
            return false;
        }
    }
    m_services =
        std::make_unique<AppServices>(dir, settingsPath, std::make_shared<core::SystemClock>());
    AppServices& s = *m_services;

    m_accountModel = std::make_unique<models::AccountListModel>(
        &s.sessions(), s.clock(), [this](const QString& id) {
            const auto profile = m_services->accounts().profile(id);
            return profile ? profile->name : QString();
        });
    connect(&s.accounts(), &services::AccountService::profileChanged, m_accountModel.get(),
            &models::AccountListModel::namesChanged);
    m_callModel = std::make_unique<models::CallListModel>(&s.calls(), s.clock());
    m_streamModel = std::make_unique<models::StreamTableModel>(&s.streams(), s.clock());
    m_eventModel = std::make_unique<models::EventLogModel>();
    m_historyModel = std::make_unique<models::HistoryModel>(
        [this](const services::CallQuery& q) { return m_services->history().calls(q); });
    s.connector().setJournal([this](const services::JournalEntry& e) {
        m_services->history().append(e);
        m_eventModel->append(e);
    });

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
    createControllers();
    if (const QString report = qEnvironmentVariable("CALLBOARD_STARTUP_REPORT");
        !report.isEmpty()) {
        new FirstPaintProbe(m_window.get(), report); // owned by the window
    }
    if (m_options.minimized || m_services->settings().startMinimized()) {
        if (!m_tray->hasTray()) { // with a tray it starts hidden: the tray icon shows it
            m_window->showMinimized();
        }
    } else {
        m_window->show();
    }

    // Heavy work after the first paint: open the database, start the demo server, connect.
    QTimer::singleShot(0, this, [this] {
        if (!m_services->history().open()) {
            showMessage(
                tr("Call history is unavailable: %1").arg(m_services->history().lastError()));
        }
        m_historyModel->refresh();
        if (m_options.demo) {
            startDemo();
        } else {
            connectAtStart();
        }
    });
    return true;
}

void AppComposition::wireIntents() {
    services::CallService& calls = m_services->calls();
    auto* cm = m_callModel.get();
    connect(cm, &models::CallListModel::answerRequested, &calls, &services::CallService::answer);
    connect(cm, &models::CallListModel::hangUpRequested, &calls, &services::CallService::hangUp);
    connect(cm, &models::CallListModel::holdRequested, &calls, &services::CallService::hold);
    connect(cm, &models::CallListModel::resumeRequested, &calls, &services::CallService::resume);
    // Transfer, DTMF and call back from history: PhoneController.
    ui::PhonePanel* phone = m_window->phonePanel();
    connect(phone, &ui::PhonePanel::dialRequested, this, &AppComposition::dial);
    connect(phone, &ui::PhonePanel::clearEndedRequested, this, [this] {
        m_services->calls().clearEnded();
        m_callModel->reload();
    });
    // History records the call on callEnded; refresh the view after it.
    connect(&calls, &services::CallService::callEnded, m_historyModel.get(),
            &models::HistoryModel::refresh, Qt::QueuedConnection);
    connect(&calls, &services::CallService::incomingCallRinging, this,
            [this](const QString& accountId, const QString& callId) {
                // The popup rings; the tab the user works in stays. Do not disturb rejects the
                // call itself (DoNotDisturbPolicy) and says so.
                if (m_services->settings().doNotDisturb()) {
                    return;
                }
                const services::CallRecord* r = m_services->calls().find(accountId, callId);
                showMessage(tr("Incoming call from %1").arg(r ? r->peer : QString()));
            });
    services::AccountConnector& connector = m_services->connector();
    connect(&connector, &services::AccountConnector::connectFailed, this,
            [this](const QString& id, const QString& reason) {
                showMessage(tr("Account %1 cannot connect: %2").arg(id, reason));
                Q_EMIT connectFailed(reason);
            });
    services::SessionMonitor& sessions = m_services->sessions();
    connect(&sessions, &services::SessionMonitor::stateChanged, this, [this](const QString& id) {
        if (m_services->sessions().state(id).registration == core::RegistrationStatus::Registered) {
            onReady(id);
        }
    });
}

void AppComposition::createControllers() {
    // Controllers: one small class per feature (tray, popups, panels' intents), each built from
    // the services, the models and the window. Add one line per controller here.
    // The tray comes first: its do-not-disturb policy rejects a call before anything rings.
    m_tray = std::make_unique<TrayController>(*m_services, m_window.get(), m_eventModel.get());
    m_settingsController = std::make_unique<SettingsController>(*m_services, m_window.get());
    m_incomingCalls = std::make_unique<IncomingCallController>(
        m_services->calls(), m_services->settings(), m_services->accounts(),
        std::make_unique<services::RingerSoundEffect>());
    m_streamActions = std::make_unique<StreamActionsController>(*m_services, m_window.get());
    m_dataController = std::make_unique<DataController>(*m_services, m_window.get());
    m_phoneController = std::make_unique<PhoneController>(*m_services, m_window.get(),
                                                          m_callModel.get(), m_historyModel.get());
    m_debugController =
        std::make_unique<DebugController>(*m_services, m_window.get(), m_accountModel.get());
    m_serversController = std::make_unique<ServersController>(*m_services, m_window.get());
    m_messagesController = std::make_unique<MessagesController>(*m_services, m_window.get());
    if (!m_options.demo) { // the demo's throw-away settings must not touch the real login
        m_autostart = std::make_unique<services::AutostartEntry>(
            m_services->settings(), QCoreApplication::applicationFilePath());
    }
}

void AppComposition::connectAtStart() {
    const QList<services::AccountProfile> profiles = m_services->accounts().profiles();
    if (profiles.isEmpty()) {
        showMessage(tr("No account is configured. Start with --demo to try the demo server."));
        return;
    }
    int started = 0;
    for (const services::AccountProfile& p : profiles) {
        const bool chosen = m_options.profile.isEmpty()
                                ? p.autoConnect
                                : (p.name == m_options.profile || p.id == m_options.profile);
        if (chosen) {
            m_services->connector().connectAccount(p.id);
            ++started;
        }
    }
    if (!m_options.profile.isEmpty() && started == 0) {
        showMessage(tr("There is no account named %1.").arg(m_options.profile));
    }
}

void AppComposition::startDemo() {
    m_emulator = std::make_unique<emulator::EmulatorServer>();
    emulator::Scenario scenario = emulator::ScenarioParser::demo();
    // Servers tab: the emulator POSTs its hooks to our hook server and serves its REST API.
    const QUrl hookUrl = m_serversController->startDemoHookServer();
    if (!hookUrl.isEmpty()) {
        scenario.restHooks.apps.insert(services::AccountProfile().appKey, hookUrl.toString());
        scenario.restHooks.keepAliveIntervalMs = 5000;
    }
    m_emulator->setRestApiPort(0);
    m_emulator->setScenario(scenario);
    m_emulator->setControlPort(-1);
    if (!m_emulator->listen(QHostAddress::LocalHost, 0)) {
        const QString reason =
            tr("The built-in demo server could not start: %1").arg(m_emulator->errorString());
        showMessage(reason);
        Q_EMIT connectFailed(reason);
        return;
    }
    if (const QUrl api = m_emulator->restApiUrl(); !api.isEmpty()) {
        m_serversController->addDemoNode(scenario.nodeId, api);
    }
    services::AccountProfile demo;
    demo.id = demoAccountId();
    demo.name = tr("Demo");
    demo.serverUrl = m_emulator->serverUrl();
    demo.sipLogin = QStringLiteral("1000");
    demo.sipDomain = QStringLiteral("demo.callboard");
    const services::AccountSaveResult saved = m_services->accounts().add(demo);
    if (!saved.ok()) {
        const QString reason = tr("The demo account is not valid: %1")
                                   .arg(saved.errors.first().field + QStringLiteral(": ") +
                                        saved.errors.first().message);
        showMessage(reason);
        Q_EMIT connectFailed(reason);
        return;
    }
    // The demo login has no password; say so instead of asking the keychain.
    m_services->typedPasswords().set(demo.id, QString());

    // The demo's stream monitor watches the server's background streams: each is played
    // shortly after the server first publishes it.
    QList<QPair<QString, int>> streams;
    for (const auto& bg : scenario.backgroundStreams) {
        streams.append({bg.name, bg.startAfterMs});
    }
    m_services->connector().connectAccount(demo.id);
    wcs::Session* session = m_services->connector().session(demo.id);
    if (session == nullptr) {
        return;
    }
    connect(session, &wcs::Session::connectionStatusChanged, this,
            [this, session, streams](const core::ConnectionStatusEvent& e) {
                if (e.status != core::SessionStatus::Established || m_demoStreamsPlayed) {
                    return;
                }
                m_demoStreamsPlayed = true;
                for (const auto& [name, startAfterMs] : streams) {
                    QTimer::singleShot(qMax(0, startAfterMs) + 500, session, [session, name] {
                        wcs::StreamRequest r;
                        r.name = name;
                        r.published = false;
                        session->playStream(r);
                    });
                }
            });
}

void AppComposition::onReady(const QString& accountId) {
    if (m_ready) {
        return;
    }
    m_ready = true;
    Q_EMIT accountReady(accountId);
    if (!m_options.dial.isEmpty()) {
        m_window->showTab(QStringLiteral("phone"));
        m_window->phonePanel()->dial(m_options.dial);
    }
}

QString AppComposition::dialingAccount() const {
    const QString chosen = m_window ? m_window->phonePanel()->selectedAccountId() : QString();
    if (!chosen.isEmpty()) {
        return chosen;
    }
    const services::SessionMonitor& sessions = m_services->sessions();
    const QStringList connected = m_services->connector().connectedAccounts();
    for (const QString& id : sessions.accounts()) {
        if (connected.contains(id) &&
            sessions.state(id).registration == core::RegistrationStatus::Registered) {
            return id;
        }
    }
    return connected.isEmpty() ? QString() : connected.first();
}

void AppComposition::dial(const QString& number) {
    const QString account = dialingAccount();
    if (account.isEmpty()) {
        showMessage(tr("No account to call from."));
        return;
    }
    if (m_services->calls().dial(account, number).isEmpty()) {
        showMessage(tr("Cannot call %1: the account is not connected.").arg(number));
    }
}

void AppComposition::showMessage(const QString& text) {
    if (m_window) {
        m_window->statusBar()->showMessage(text, 10000);
    }
}

} // namespace app
