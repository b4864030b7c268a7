#include "DataController.h"

#include "AppServices.h"

#include "models/DataLogModel.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "ui/widgets/DataPanel.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

namespace app {

DataController::DataController(AppServices& services, ui::MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_panel(window->dataPanel())
    , m_model(new models::DataLogModel(
          services.clock(),
          [&services](const QString& id) {
              const auto profile = services.accounts().profile(id);
              return profile ? profile->name : QString();
          },
          window->dataPanel())) {
    ui::DataPanel* panel = window->dataPanel();
    panel->setModel(m_model.data());
    connect(panel, &ui::DataPanel::sendRequested, this, &DataController::send);
    services::AccountConnector& connector = m_services.connector();
    connect(&connector, &services::AccountConnector::sessionStarted, this, &DataController::attach);
    connect(&connector, &services::AccountConnector::accountDisconnected, this,
            &DataController::updateAccounts);
    connect(&m_services.accounts(), &services::AccountService::profileChanged, this,
            &DataController::updateAccounts);
    for (const QString& id : connector.connectedAccounts()) {
        attach(id);
    }
    updateAccounts();
}

models::DataLogModel* DataController::model() const {
    return m_model.data();
}

void DataController::attach(const QString& accountId) {
    wcs::Session* session = m_services.connector().session(accountId);
    if (session) {
        connect(session, &wcs::Session::dataStatusReceived, this,
                [this, accountId](const core::DataStatusEvent& e) {
                    if (models::DataLogModel* model = m_model.data()) {
                        model->applyStatus(accountId, e);
                    }
                });
        connect(session, &wcs::Session::dataReceived, this,
                [this, accountId](const core::OnDataEvent& e) {
                    if (models::DataLogModel* model = m_model.data()) {
                        model->addReceived(accountId, e);
                    }
                });
    }
    updateAccounts();
}

void DataController::updateAccounts() {
    ui::DataPanel* panel = m_panel.data();
    if (!panel) {
        return;
    }
    QList<QPair<QString, QString>> accounts;
    for (const QString& id : m_services.connector().connectedAccounts()) {
        if (!m_services.connector().session(id)) {
            continue; // SIP over WebSocket: no backend data channel
        }
        const auto profile = m_services.accounts().profile(id);
        accounts.append({id, profile ? profile->name : QString()});
    }
    panel->setAccounts(accounts);
}

QString DataController::send(const QString& accountId, const QByteArray& compactJson) {
    ui::DataPanel* panel = m_panel.data();
    wcs::Session* session = m_services.connector().session(accountId);
    if (!session) {
        if (panel) {
            panel->showError(tr("The account is not connected."));
        }
        return {};
    }
    const QString operationId = session->sendData(compactJson);
    if (operationId.isEmpty()) {
        if (panel) {
            panel->showError(tr("The session is not ready to send yet."));
        }
        return {};
    }
    if (models::DataLogModel* model = m_model.data()) {
        model->addSent(accountId, operationId, compactJson);
    }
    return operationId;
}

} // namespace app
