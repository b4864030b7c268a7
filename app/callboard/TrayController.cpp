#include "TrayController.h"

#include "AppServices.h"
#include "CommandLine.h"

#include "models/EventLogModel.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/DialTarget.h"
#include "services/DoNotDisturbPolicy.h"
#include "services/History.h"
#include "services/Notifier.h"
#include "services/SessionMonitor.h"
#include "ui/tray/TrayIcon.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/windows/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace app {

namespace {
Q_LOGGING_CATEGORY(lcTray, "callboard.ui")

constexpr int kQuitDelayMs = 200; ///< time for the sessions' close frames to leave
} // namespace

TrayController::TrayController(AppServices& services, ui::MainWindow* window,
                               models::EventLogModel* events, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_events(events)
    , m_tray(std::make_unique<ui::TrayIcon>())
    , m_quitFunction([] { QCoreApplication::quit(); }) {
    services::AppSettings& settings = services.settings();

    // Do not disturb acts on a ringing call before the ringer and the popup look at it.
    m_dnd = std::make_unique<services::DoNotDisturbPolicy>(
        settings, services.calls(), *services.clock(), [this](const services::JournalEntry& e) {
            m_services.history().append(e);
            if (m_events) {
                m_events->append(e);
            }
        });
    connect(m_dnd.get(), &services::DoNotDisturbPolicy::callRejected, this,
            [this](const QString&, const QString&, const QString& caller, bool) {
                showStatus(tr("Call from %1 rejected: do not disturb is on.").arg(caller));
            });

    m_notifier = std::make_unique<services::Notifier>(settings, services.calls(),
                                                      services.streams(), services.sessions());
    m_notifier->setAccountNames([this](const QString& id) { return accountName(id); });
    m_notifier->setConnectionWanted(
        [this](const QString& id) { return m_services.connector().isConnected(id); });
    connect(m_notifier.get(), &services::Notifier::notificationRequested, this,
            [this](services::NotificationKind kind, const QString& title, const QString& body) {
                if (m_trayShown) {
                    m_tray->showMessage(kind, title, body);
                } else {
                    showStatus(tr("%1: %2").arg(title, QString(body).replace(u'\n', u' ')));
                }
            });

    // Tray menu -> intents.
    connect(m_tray.get(), &ui::TrayIcon::showHideRequested, this, &TrayController::toggleWindow);
    connect(m_tray.get(), &ui::TrayIcon::messageClicked, this, &TrayController::presentWindow);
    connect(m_tray.get(), &ui::TrayIcon::connectRequested, this, [this](const QString& id) {
        m_services.connector().connectAccount(id);
        scheduleRefresh();
    });
    connect(m_tray.get(), &ui::TrayIcon::disconnectRequested, this, [this](const QString& id) {
        m_services.connector().disconnectAccount(id);
        scheduleRefresh();
    });
    connect(m_tray.get(), &ui::TrayIcon::doNotDisturbToggled, &settings,
            &services::AppSettings::setDoNotDisturb);
    connect(m_tray.get(), &ui::TrayIcon::quitRequested, this, &TrayController::quit);
    m_tray->setDoNotDisturb(settings.doNotDisturb());
    connect(&settings, &services::AppSettings::changed, this, [this](const QString& key) {
        if (key == u"doNotDisturb") {
            const bool on = m_services.settings().doNotDisturb();
            m_tray->setDoNotDisturb(on);
            if (m_windowDnd != nullptr) {
                const QSignalBlocker block(m_windowDnd);
                m_windowDnd->setChecked(on);
            }
        }
    });

    // State -> tray (coalesced: one refresh per event-loop pass).
    services::SessionMonitor& sessions = services.sessions();
    connect(&sessions, &services::SessionMonitor::stateChanged, this,
            &TrayController::scheduleRefresh);
    connect(&sessions, &services::SessionMonitor::accountAdded, this,
            &TrayController::scheduleRefresh);
    connect(&sessions, &services::SessionMonitor::accountRemoved, this,
            &TrayController::scheduleRefresh);
    services::AccountService& accounts = services.accounts();
    connect(&accounts, &services::AccountService::profileAdded, this,
            &TrayController::scheduleRefresh);
    connect(&accounts, &services::AccountService::profileChanged, this,
            &TrayController::scheduleRefresh);
    connect(&accounts, &services::AccountService::profileRemoved, this,
            &TrayController::scheduleRefresh);
    connect(&services.connector(), &services::AccountConnector::accountConnecting, this,
            &TrayController::scheduleRefresh);
    connect(&services.connector(), &services::AccountConnector::accountDisconnected, this,
            &TrayController::scheduleRefresh);
    refresh();

    m_trayShown = m_tray->show();
    if (!m_trayShown) {
        qCInfo(lcTray) << "no system tray host: the tray icon is off and closing the window quits";
        showStatus(tr("No system tray is available: closing the window quits Callboard."));
    }
    // The app ends through quit() only: a hidden window or a closed dialog must not end it.
    QApplication::setQuitOnLastWindowClosed(false);

    m_window->installEventFilter(this);
    m_tray->setWindowVisible(m_window->isVisible());
    // File > Quit really quits, even with close-to-tray.
    auto* fileQuit = m_window->findChild<QAction*>(QStringLiteral("quitAction"));
    if (fileQuit != nullptr) {
        disconnect(fileQuit, &QAction::triggered, nullptr, nullptr);
        connect(fileQuit, &QAction::triggered, this, &TrayController::quit);
    }
    // Do not disturb is in the File menu too: many desktops have no tray.
    m_windowDnd = new QAction(tr("Do not &disturb"), m_window);
    m_windowDnd->setObjectName(QStringLiteral("doNotDisturbAction"));
    m_windowDnd->setCheckable(true);
    m_windowDnd->setChecked(settings.doNotDisturb());
    m_windowDnd->setToolTip(tr("Reject incoming calls at once"));
    connect(m_windowDnd, &QAction::toggled, &settings, &services::AppSettings::setDoNotDisturb);
    if (auto* fileMenu = m_window->findChild<QMenu*>(QStringLiteral("fileMenu"))) {
        fileMenu->insertAction(fileQuit, m_windowDnd);
        fileMenu->insertSeparator(fileQuit);
    }
}

TrayController::~TrayController() = default; // Qt drops the window's filter itself

QString TrayController::accountName(const QString& id) const {
    const auto profile = m_services.accounts().profile(id);
    return profile ? profile->name : QString();
}

void TrayController::scheduleRefresh() {
    if (m_refreshScheduled) {
        return;
    }
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, &TrayController::refresh);
}

void TrayController::refresh() {
    m_refreshScheduled = false;
    const services::SessionMonitor& sessions = m_services.sessions();
    const services::AccountConnector& connector = m_services.connector();
    QList<ui::TrayIcon::Account> list;
    QStringList seen;
    const auto add = [&](const QString& id, const QString& name) {
        const services::AccountState s = sessions.state(id);
        ui::TrayIcon::Account a;
        a.id = id;
        a.name = name;
        a.connected = connector.isConnected(id);
        if (sessions.accounts().contains(id)) {
            a.connection = s.connection;
            a.registration = s.registration;
            a.registrationWanted = s.registrationWanted;
            a.info = s.connectionInfo.isEmpty() ? s.registrationInfo : s.connectionInfo;
        }
        list.append(a);
        seen << id;
    };
    for (const services::AccountProfile& p : m_services.accounts().profiles()) {
        add(p.id, p.name);
    }
    for (const QString& id : sessions.accounts()) {
        if (!seen.contains(id)) {
            add(id, QString());
        }
    }
    m_tray->setState(sessions.worstConnection(), list);
}

void TrayController::showStatus(const QString& text) {
    m_window->statusBar()->showMessage(text, 10000);
}

void TrayController::presentWindow() {
    if (m_window->isMinimized()) {
        m_window->showNormal();
    } else {
        m_window->show();
    }
    m_window->raise();
    m_window->activateWindow();
}

void TrayController::toggleWindow() {
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        presentWindow();
    }
}

void TrayController::applyDialTarget(const services::DialTarget& target) {
    if (!target.isValid()) {
        showStatus(target.error());
        return;
    }
    m_window->showTab(QStringLiteral("phone"));
    ui::PhonePanel* phone = m_window->phonePanel();
    phone->numberEdit()->setText(target.dialString());
    phone->dialButton()->setFocus(Qt::OtherFocusReason);
    showStatus(tr("Press Dial to call %1.").arg(target.dialString()));
}

void TrayController::handOff(const QJsonObject& message) {
    presentWindow();
    const std::optional<QStringList> arguments = CommandLine::argumentsFromHandOff(message);
    if (!arguments) {
        qCWarning(lcTray) << "a second launch sent a message that is not a hand-off; ignored";
        return;
    }
    CommandLine cli;
    if (!cli.parse(*arguments)) {
        showStatus(tr("A second launch passed a bad command line: %1").arg(cli.errorText()));
        return;
    }
    if (!cli.uri().isEmpty()) {
        applyDialTarget(services::DialTarget::parse(cli.uri()));
    }
}

void TrayController::quit() {
    if (m_quitting) {
        return;
    }
    m_quitting = true;
    qCInfo(lcTray) << "quitting: closing every session";
    m_window->hide();
    m_tray->systemTrayIcon()->hide();
    m_services.connector().disconnectAll();
    QTimer::singleShot(kQuitDelayMs, this, [this] { m_quitFunction(); });
}

bool TrayController::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_window) {
        return QObject::eventFilter(watched, event);
    }
    switch (event->type()) {
    case QEvent::Show:
        m_tray->setWindowVisible(true);
        break;
    case QEvent::Hide:
        m_tray->setWindowVisible(false);
        break;
    case QEvent::Close:
        if (m_quitting) {
            break;
        }
        event->ignore();
        if (m_trayShown && m_services.settings().closeToTray()) {
            m_window->hide();
            if (!m_toldHidden) {
                m_toldHidden = true;
                m_tray->systemTrayIcon()->showMessage(
                    tr("Callboard is still running"),
                    tr("Use the tray icon to open it or to quit."), QSystemTrayIcon::Information,
                    4000);
            }
        } else {
            quit();
        }
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace app
