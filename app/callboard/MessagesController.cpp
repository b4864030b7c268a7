#include "MessagesController.h"

#include "AppServices.h"

#include "models/MessageListModel.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/MessageService.h"
#include "sip/ConnectionManager.h"
#include "ui/widgets/MessagesPanel.h"
#include "ui/windows/MainWindow.h"

namespace app {

MessagesController::MessagesController(AppServices& services, ui::MainWindow* window,
                                       QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_panel(window->messagesPanel())
    , m_service(std::make_unique<services::MessageService>(services.clock()))
    , m_model(std::make_unique<models::MessageListModel>(*m_service)) {
    ui::MessagesPanel* panel = m_panel.data();
    panel->setModel(m_model.get());
    connect(panel, &ui::MessagesPanel::sendRequested, this, &MessagesController::send);
    connect(panel, &ui::MessagesPanel::conversationSelected, this, &MessagesController::open);
    connect(m_service.get(), &services::MessageService::messageAdded, this,
            [this](const QString& accountId, const QString& peer) {
                updateConversations();
                if (m_model->peer().isEmpty()) {
                    open(accountId, peer);
                }
            });
    connect(m_service.get(), &services::MessageService::messageChanged, this,
            &MessagesController::updateConversations);
    services::AccountConnector& connector = m_services.connector();
    connect(&connector, &services::AccountConnector::sessionStarted, this,
            &MessagesController::attach);
    connect(&connector, &services::AccountConnector::accountDisconnected, this,
            [this](const QString& accountId) {
                m_service->detach(accountId);
                updateAccounts();
            });
    connect(&m_services.accounts(), &services::AccountService::profileChanged, this, [this] {
        updateAccounts();
        updateConversations();
    });
    for (const QString& id : connector.connectedAccounts()) {
        attach(id);
    }
    updateAccounts();
}

MessagesController::~MessagesController() {
    if (ui::MessagesPanel* panel = m_panel.data()) {
        panel->setModel(nullptr); // the model goes with this controller
    }
}

void MessagesController::attach(const QString& accountId) {
    if (sip::ConnectionManager* manager = m_services.connector().sipManager(accountId)) {
        m_service->attach(accountId, *manager);
    }
    updateAccounts();
}

void MessagesController::updateAccounts() {
    ui::MessagesPanel* panel = m_panel.data();
    if (!panel) {
        return;
    }
    QList<QPair<QString, QString>> accounts;
    for (const QString& id : m_services.connector().connectedAccounts()) {
        if (!m_services.connector().sipManager(id)) {
            continue; // WCS: no SIP MESSAGE
        }
        const auto profile = m_services.accounts().profile(id);
        accounts.append({id, profile ? profile->name : QString()});
    }
    panel->setAccounts(accounts);
}

void MessagesController::updateConversations() {
    ui::MessagesPanel* panel = m_panel.data();
    if (!panel) {
        return;
    }
    QHash<QString, QString> names;
    for (const services::AccountProfile& p : m_services.accounts().profiles()) {
        names.insert(p.id, p.name);
    }
    panel->setConversations(m_service->conversations(), names);
}

QString MessagesController::send(const QString& accountId, const QString& peer,
                                 const QString& text) {
    QString error;
    const QString id = m_service->send(accountId, peer, text, &error);
    ui::MessagesPanel* panel = m_panel.data();
    if (id.isEmpty()) {
        if (panel) {
            panel->showError(error);
        }
        return {};
    }
    if (panel) {
        panel->clearText();
    }
    if (const services::MessageRecord* sent = m_service->find(accountId, id)) {
        open(accountId, sent->peer);
    }
    return id;
}

void MessagesController::open(const QString& accountId, const QString& peer) {
    if (m_model->accountId() != accountId || m_model->peer() != peer) {
        m_model->setConversation(accountId, peer);
    }
    if (ui::MessagesPanel* panel = m_panel.data()) {
        panel->selectConversation(accountId, peer);
    }
}

} // namespace app
