#include "SoakClient.h"

#include "AppServices.h"

#include "core/Clock.h"
#include "models/AccountListModel.h"
#include "models/CallListModel.h"
#include "models/EventLogModel.h"
#include "models/HistoryModel.h"
#include "models/StreamTableModel.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/CallService.h"
#include "services/History.h"
#include "services/SessionPasswordCache.h"

namespace soak {

SoakClient::SoakClient(const QString& dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir) {
    m_services = std::make_unique<app::AppServices>(
        dataDir, dataDir + QStringLiteral("/settings.ini"), std::make_shared<core::SystemClock>());
    app::AppServices& s = *m_services;
    // The models as AppComposition::start() builds them (no views on them).
    m_accountModel = std::make_unique<models::AccountListModel>(
        &s.sessions(), s.clock(), [this](const QString& id) {
            const auto profile = m_services->accounts().profile(id);
            return profile ? profile->name : QString();
        });
    m_callModel = std::make_unique<models::CallListModel>(&s.calls(), s.clock());
    m_streamModel = std::make_unique<models::StreamTableModel>(&s.streams(), s.clock());
    m_eventModel = std::make_unique<models::EventLogModel>();
    m_historyModel = std::make_unique<models::HistoryModel>(
        [this](const services::CallQuery& q) { return m_services->history().calls(q); });
    s.connector().setJournal([this](const services::JournalEntry& e) {
        ++m_appended;
        m_services->history().append(e);
        m_eventModel->append(e);
    });
    connect(&s.calls(), &services::CallService::callEnded, m_historyModel.get(),
            &models::HistoryModel::refresh, Qt::QueuedConnection);
    // Calls without audio (see the class comment).
    s.connector().setMediaEngine(nullptr);
    connect(&s.connector(), &services::AccountConnector::sessionStarted, this,
            [this](const QString& id) {
                if (wcs::Session* session = m_services->connector().session(id)) {
                    m_frames.attach(*session);
                }
            });
}

SoakClient::~SoakClient() {
    if (m_services) {
        m_services->connector().disconnectAll();
    }
    m_historyModel.reset();
    m_eventModel.reset();
    m_streamModel.reset();
    m_callModel.reset();
    m_accountModel.reset();
    m_services.reset();
}

bool SoakClient::start(const QUrl& server, bool keepAlive) {
    app::AppServices& s = *m_services;
    if (!s.history().open()) {
        m_error = QStringLiteral("history: %1").arg(s.history().lastError());
        return false;
    }
    m_historyModel->refresh();
    services::AccountProfile p;
    p.name = QStringLiteral("Soak");
    p.serverUrl = server;
    p.sipLogin = QStringLiteral("1000");
    p.sipDomain = QStringLiteral("soak.callboard");
    p.keepAlive = keepAlive;
    const services::AccountSaveResult saved = s.accounts().add(p);
    if (!saved.ok()) {
        m_error = QStringLiteral("profile refused: %1 %2")
                      .arg(saved.errors.first().field, saved.errors.first().message);
        return false;
    }
    m_accountId = saved.id;
    s.typedPasswords().set(m_accountId, QStringLiteral("soak-secret"));
    if (!s.connector().connectAccount(m_accountId)) {
        m_error = QStringLiteral("connectAccount refused");
        return false;
    }
    return true;
}

void SoakClient::disconnectAccount() {
    m_services->connector().disconnectAccount(m_accountId);
}

wcs::Session* SoakClient::session() const {
    return m_services->connector().session(m_accountId);
}

int SoakClient::eventLogRows() const {
    return m_eventModel->rowCount();
}

int SoakClient::streamRows() const {
    return m_streamModel->rowCount();
}

int SoakClient::callRows() const {
    return m_callModel->rowCount();
}

QString SoakClient::historyPath() const {
    return m_services->history().path();
}

} // namespace soak
