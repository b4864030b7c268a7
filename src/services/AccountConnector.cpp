#include "services/AccountConnector.h"

#include "services/AccountService.h"
#include "services/LogControlCategories.h"
#include "services/SessionPasswordCache.h"
#include "wcs/Session.h"

#include <QPointer>

namespace services {

struct AccountConnector::Live {
    std::unique_ptr<wcs::Session> session;
    std::unique_ptr<WcsBinding> binding;
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
}

bool AccountConnector::connectAccount(const QString& id) {
    const std::optional<AccountProfile> profile = m_accounts.profile(id);
    if (!profile) {
        Q_EMIT connectFailed(id, tr("No account with this id."));
        return false;
    }
    if (m_live.contains(id) || m_waitingForKeychain.contains(id)) {
        return false;
    }
    if (profile->backend != AccountProfile::Backend::Wcs) {
        Q_EMIT connectFailed(id, tr("SIP over WebSocket accounts cannot be connected by this "
                                    "build yet."));
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
    const auto options = profile ? AccountService::sessionOptionsFor(*profile, password)
                                 : std::optional<wcs::SessionOptions>();
    if (!options) {
        Q_EMIT connectFailed(id, tr("The account cannot be connected."));
        return;
    }
    auto live = std::make_shared<Live>();
    live->session = std::make_unique<wcs::Session>(*options, m_clock);
    live->binding =
        std::make_unique<WcsBinding>(id, *live->session, m_calls, m_streams, m_sessions, m_clock);
    if (m_journal) {
        live->binding->setJournal(m_journal);
    }
    m_live.insert(id, live);
    qCInfo(lcServices) << "connecting account" << id << "to"
                       << options->url.toString(QUrl::RemoveUserInfo);
    live->session->open();
}

void AccountConnector::disconnectAccount(const QString& id) {
    m_waitingForKeychain.removeAll(id);
    const std::shared_ptr<Live> live = m_live.take(id);
    if (!live) {
        return;
    }
    live->session->close(); // reports DISCONNECTED through the binding before it goes
    live->binding.reset();
    live->session.reset();
    Q_EMIT accountDisconnected(id);
}

void AccountConnector::disconnectAll() {
    const QStringList ids = m_live.keys();
    for (const QString& id : ids) {
        disconnectAccount(id);
    }
    m_waitingForKeychain.clear();
}

wcs::Session* AccountConnector::session(const QString& id) const {
    const auto it = m_live.constFind(id);
    return it == m_live.cend() ? nullptr : (*it)->session.get();
}

} // namespace services
