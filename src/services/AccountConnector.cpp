#include "services/AccountConnector.h"

#include "services/AccountService.h"
#include "services/IceServerUris.h"
#include "services/LogControlCategories.h"
#include "services/MediaEngine.h"
#include "services/SessionPasswordCache.h"
#include "services/SipBinding.h"
#include "services/SipProfileMapper.h"
#include "sip/ConnectionManager.h"
#include "wcs/Session.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace services {

struct AccountConnector::Live {
    // WCS
    std::unique_ptr<wcs::Session> session;
    std::unique_ptr<WcsBinding> binding;
    // SIP over WebSocket. The binding goes before the manager it observes.
    std::unique_ptr<sip::ConnectionManager> sip;
    std::unique_ptr<SipBinding> sipBinding;

    ~Live() {
        sipBinding.reset();
        sip.reset();
    }
};

AccountConnector::AccountConnector(AccountService& accounts, SessionPasswordCache& typedPasswords,
                                   CallService& calls, StreamMonitor& streams,
                                   SessionMonitor& sessions,
                                   std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_typed(typedPasswords)
    , m_calls(calls)
    , m_streams(streams)
    , m_sessions(sessions)
    , m_clock(std::move(clock)) {
    connect(&m_accounts, &AccountService::profileRemoved, this,
            &AccountConnector::disconnectAccount);
}

AccountConnector::~AccountConnector() {
    disconnectAll();
    m_afterDrain.clear();
    const QStringList draining = m_draining.keys();
    for (const QString& id : draining) {
        finishDrain(id); // cuts the un-REGISTER: the services must not outlive us in it
    }
}

bool AccountConnector::connectAccount(const QString& id) {
    const std::optional<AccountProfile> profile = m_accounts.profile(id);
    if (!profile) {
        Q_EMIT connectFailed(id, tr("No account with this id."));
        return false;
    }
    if (m_live.contains(id) || m_waitingForKeychain.contains(id) || m_afterDrain.contains(id)) {
        return false;
    }
    if (const auto errors = AccountService::validate(*profile); !errors.isEmpty()) {
        Q_EMIT connectFailed(
            id, tr("The account settings are not valid: %1").arg(errors.first().message));
        return false;
    }
    Q_EMIT accountConnecting(id);
    if (profile->sipLogin.isEmpty()) {
        start(id, {});
        return true;
    }
    if (const auto typed = m_typed.password(id)) {
        start(id, *typed);
        return true;
    }
    m_waitingForKeychain.append(id);
    QPointer<AccountConnector> self(this);
    m_accounts.loadPassword(id, [self, id](const KeychainResult<QString>& result) {
        if (!self || !self->m_waitingForKeychain.removeOne(id)) {
            return; // disconnected or destroyed meanwhile
        }
        if (result.ok()) {
            self->start(id, result.value());
            return;
        }
        const QString reason = result.is(KeychainError::Kind::NotFound)
                                   ? tr("No password is stored for this account.")
                                   : result.error().message;
        Q_EMIT self->passwordRequired(id, reason);
    });
    return true;
}

void AccountConnector::start(const QString& id, const QString& password) {
    const std::optional<AccountProfile> profile = m_accounts.profile(id);
    if (!profile) {
        Q_EMIT connectFailed(id, tr("The account cannot be connected."));
        return;
    }
    if (profile->turnServer.trimmed().isEmpty() || profile->turnUser.isEmpty()) {
        launch(id, password, QString());
        return;
    }
    // The TURN password: typed for this session, else the keychain; without it the account
    // connects with its STUN server only (the log says why).
    if (const auto typed = m_typed.password(AccountService::turnCredentialKey(id))) {
        launch(id, password, *typed);
        return;
    }
    m_waitingForKeychain.append(id);
    QPointer<AccountConnector> self(this);
    m_accounts.loadTurnPassword(id, [self, id, password](const KeychainResult<QString>& result) {
        AccountConnector* connector = self.data();
        if (!connector || !connector->m_waitingForKeychain.removeOne(id)) {
            return; // disconnected or destroyed meanwhile
        }
        if (!result.ok()) {
            qCWarning(lcServices) << "account" << id << "uses no TURN server:"
                                  << (result.is(KeychainError::Kind::NotFound)
                                          ? QStringLiteral("no TURN password is stored")
                                          : result.error().message);
        }
        connector->launch(id, password, result.ok() ? result.value() : QString());
    });
}

void AccountConnector::launch(const QString& id, const QString& password,
                              const QString& turnPassword) {
    const std::optional<AccountProfile> profile = m_accounts.profile(id);
    if (!profile) {
        Q_EMIT connectFailed(id, tr("The account cannot be connected."));
        return;
    }
    if (profile->backend == AccountProfile::Backend::SipWebSocket &&
        m_draining.contains(id)) { // the previous un-REGISTER first (see finishDrain())
        m_afterDrain.insert(id, password);
        return;
    }
    if (m_media) { // before the backend starts: calls may come at once
        const QString stun = IceServerUris::webrtcbinStun(*profile);
        const QString turn = turnPassword.isEmpty()
                                 ? QString()
                                 : IceServerUris::webrtcbinTurn(*profile, turnPassword);
        if (stun.isEmpty() && turn.isEmpty()) {
            m_media->clearAccountIceServers(id);
        } else {
            m_media->setAccountIceServers(id, stun,
                                          turn.isEmpty() ? QStringList() : QStringList{turn});
        }
    }
    if (profile->backend == AccountProfile::Backend::SipWebSocket) {
        startSip(id, *profile, password, turnPassword);
    } else {
        startWcs(id, *profile, password);
    }
}

void AccountConnector::startWcs(const QString& id, const AccountProfile& profile,
                                const QString& password) {
    const auto options = AccountService::sessionOptionsFor(profile, password);
    if (!options) {
        Q_EMIT connectFailed(id, tr("The account cannot be connected."));
        return;
    }
    auto live = std::make_shared<Live>();
    live->session = std::make_unique<wcs::Session>(*options, m_clock);
    live->binding =
        std::make_unique<WcsBinding>(id, *live->session, m_calls, m_streams, m_sessions, m_clock);
    live->binding->setMediaEngine(m_media);
    if (m_journal) {
        live->binding->setJournal(m_journal);
    }
    m_live.insert(id, live);
    qCInfo(lcServices) << "connecting account" << id << "to"
                       << options->url.toString(QUrl::RemoveUserInfo);
    Q_EMIT sessionStarted(id);
    live->session->open();
}

void AccountConnector::startSip(const QString& id, const AccountProfile& profile,
                                const QString& password, const QString& turnPassword) {
    QString error;
    std::optional<sip::ConnectionManagerOptions> options =
        SipProfileMapper::managerOptions(profile, &error);
    if (!options) {
        Q_EMIT connectFailed(id, error);
        return;
    }
    auto live = std::make_shared<Live>();
    live->sip = std::make_unique<sip::ConnectionManager>(std::move(*options));
    live->sipBinding = std::make_unique<SipBinding>(id, *live->sip, profile.registerRequired,
                                                    m_calls, m_sessions, m_clock);
    live->sipBinding->setMediaEngine(m_media);
    if (m_journal) {
        live->sipBinding->setJournal(m_journal);
    }
    m_live.insert(id, live);
    qCInfo(lcServices) << "connecting SIP account" << id << "to"
                       << profile.serverUrl.toString(QUrl::RemoveUserInfo) << "as"
                       << profile.sipLogin << "domain" << profile.sipDomain;
    Q_EMIT sessionStarted(id);
    if (m_live.value(id) == live) { // a slot may have disconnected it
        live->sip->connectTo(SipProfileMapper::parameters(profile, password, turnPassword));
    }
}

void AccountConnector::disconnectAccount(const QString& id) {
    m_waitingForKeychain.removeAll(id);
    m_afterDrain.remove(id);
    if (m_media) {
        m_media->clearAccountIceServers(id); // the TURN password leaves memory with it
    }
    const std::shared_ptr<Live> live = m_live.take(id);
    if (!live) {
        return;
    }
    if (live->sip) {
        drain(id, live);
    } else {
        live->session->close(); // reports DISCONNECTED through the binding before it goes
        live->binding.reset();
        live->session.reset();
    }
    Q_EMIT accountDisconnected(id);
}

void AccountConnector::drain(const QString& id, std::shared_ptr<Live> live) {
    sip::ConnectionManager* manager = live->sip.get();
    finishDrain(id); // an older drain of the same account cannot exist, but be sure
    m_draining.insert(id, live);
    auto* timeout = new QTimer(manager); // goes with the manager
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, id] {
        qCWarning(lcServices) << "SIP account" << id << "did not reach idle within"
                              << kSipDrainTimeoutMs << "ms of disconnecting; dropped";
        finishDrain(id);
    });
    connect(manager, &sip::ConnectionManager::stateChanged, this,
            [this, id, manager](sip::ConnectionStateMachine::State) {
                if (manager->isIdle()) {
                    // not inside the manager's own signal: it is deleted by finishDrain()
                    QTimer::singleShot(0, this, [this, id, manager] {
                        const auto it = m_draining.constFind(id);
                        if (it != m_draining.cend() && (*it)->sip.get() == manager) {
                            finishDrain(id);
                        }
                    });
                }
            });
    timeout->start(kSipDrainTimeoutMs);
    manager->disconnectFromServer(); // disconnecting, un-REGISTER, disconnected (§5.7)
    if (manager->isIdle()) {         // nothing was open (e.g. the connect had failed)
        QTimer::singleShot(0, this, [this, id, manager] {
            const auto it = m_draining.constFind(id);
            if (it != m_draining.cend() && (*it)->sip.get() == manager) {
                finishDrain(id);
            }
        });
    }
}

void AccountConnector::finishDrain(const QString& id) {
    const std::shared_ptr<Live> live = m_draining.take(id);
    if (!live) {
        return;
    }
    if (live->sip) {
        live->sip->disconnect(this);
    }
    live->sipBinding.reset();
    live->sip.reset(); // closes the socket if it is still open
    Q_EMIT sipDrained(id);
    if (const auto it = m_afterDrain.constFind(id); it != m_afterDrain.cend()) {
        const QString password = *it;
        m_afterDrain.erase(it);
        QTimer::singleShot(0, this, [this, id, password] { // `this` guards the call
            if (!m_live.contains(id)) {
                start(id, password);
            }
        });
    }
}

void AccountConnector::disconnectAll() {
    const QStringList ids = m_live.keys();
    for (const QString& id : ids) {
        disconnectAccount(id);
    }
    m_waitingForKeychain.clear();
}

bool AccountConnector::disconnectAllAndWait(int timeoutMs) {
    disconnectAll();
    if (m_draining.isEmpty()) {
        return true;
    }
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(this, &AccountConnector::sipDrained, &loop, [this, &loop] {
        if (m_draining.isEmpty()) {
            loop.quit();
        }
    });
    loop.exec();
    return m_draining.isEmpty();
}

wcs::Session* AccountConnector::session(const QString& id) const {
    const auto it = m_live.constFind(id);
    return it == m_live.cend() ? nullptr : (*it)->session.get();
}

WcsBinding* AccountConnector::wcsBinding(const QString& id) const {
    const auto it = m_live.constFind(id);
    return it == m_live.cend() ? nullptr : (*it)->binding.get();
}

sip::ConnectionManager* AccountConnector::sipManager(const QString& id) const {
    const auto it = m_live.constFind(id);
    return it == m_live.cend() ? nullptr : (*it)->sip.get();
}

} // namespace services
