#include "DebugController.h"

#include "AppServices.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/LogControl.h"
#include "services/SessionMonitor.h"
#include "ui/widgets/DebugPanel.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

#include <QStatusBar>
#include <QTabWidget>

namespace app {

DebugController::DebugController(AppServices& services, ui::MainWindow* window,
                                 QAbstractItemModel* accounts, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_panel(new ui::DebugPanel(accounts, &services.logControl(), window->tabs())) {
    m_window->tabs()->addTab(m_panel, tr("De&bug"));
    connect(m_panel, &ui::DebugPanel::debugSessionToggled, this,
            [this](const QString& id, bool on) {
                if (!setDebugSession(id, on)) {
                    // Put the switch back where the server state is.
                    onStateChanged(id);
                }
            });
    connect(&m_services.sessions(), &services::SessionMonitor::stateChanged, this,
            &DebugController::onStateChanged);
}

DebugController::~DebugController() = default;

QUrl DebugController::debugFileUrl(const QUrl& serverUrl, const QString& file) {
    const QString f = file.trimmed();
    if (f.isEmpty()) {
        return {};
    }
    const QUrl direct(f);
    if (direct.isValid() &&
        (direct.scheme() == QLatin1String("http") || direct.scheme() == QLatin1String("https"))) {
        return direct;
    }
    if (serverUrl.host().isEmpty()) {
        return {};
    }
    const bool secure =
        serverUrl.scheme() == QLatin1String("wss") || serverUrl.scheme() == QLatin1String("https");
    QUrl url;
    url.setScheme(secure ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(serverUrl.host());
    int port = serverUrl.port(secure ? 8443 : 8080);
    if (port == 8080) {
        port = 8081;
    } else if (port == 8443) {
        port = 8444;
    }
    url.setPort(port);
    QString path = f;
    while (path.startsWith(QLatin1Char('/'))) {
        path.remove(0, 1);
    }
    url.setPath(QLatin1Char('/') + path);
    return url;
}

bool DebugController::setDebugSession(const QString& accountId, bool on) {
    wcs::Session* session = m_services.connector().session(accountId);
    if (!session) {
        showMessage(tr("Connect the account before switching its server debug session."));
        return false;
    }
    const bool sent = on ? session->startDebug() : session->stopDebug();
    if (!sent) {
        showMessage(tr("The server debug session cannot be switched now: not connected."));
    }
    return sent;
}

void DebugController::onStateChanged(const QString& accountId) {
    const services::AccountState s = m_services.sessions().state(accountId);
    if (s.debugFile.isEmpty()) {
        m_panel->setDebugFile(accountId, QString(), QUrl());
        return;
    }
    const auto profile = m_services.accounts().profile(accountId);
    const QUrl server = profile ? QUrl(profile->serverUrl) : QUrl();
    m_panel->setDebugFile(accountId, s.debugFile, debugFileUrl(server, s.debugFile));
}

void DebugController::showMessage(const QString& text) {
    m_window->statusBar()->showMessage(text, 10000);
}

} // namespace app
