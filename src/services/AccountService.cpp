#include "services/AccountService.h"

#include "services/AccountValidator.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QSettings>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcAccounts, "callboard.accounts")

namespace services {

namespace {

const QString& groupRoot() {
    static const QString root = QStringLiteral("accounts");
    return root;
}

QString groupOf(const QString& id) {
    return groupRoot() + QLatin1Char('/') + id;
}

// Settings keys, one per AccountProfile field (the id is the group name). No password key.
namespace key {
const QString name = QStringLiteral("name");
const QString backend = QStringLiteral("backend");
const QString serverUrl = QStringLiteral("serverUrl");
const QString appKey = QStringLiteral("appKey");
const QString sipLogin = QStringLiteral("sipLogin");
const QString sipAuthenticationName = QStringLiteral("sipAuthenticationName");
const QString sipDomain = QStringLiteral("sipDomain");
const QString sipOutboundProxy = QStringLiteral("sipOutboundProxy");
const QString sipPort = QStringLiteral("sipPort");
const QString registerRequired = QStringLiteral("registerRequired");
const QString customJson = QStringLiteral("customJson");
const QString keepAlive = QStringLiteral("keepAlive");
const QString reconnectMinMs = QStringLiteral("reconnectMinMs");
const QString reconnectMaxMs = QStringLiteral("reconnectMaxMs");
const QString watchdogMs = QStringLiteral("watchdogMs");
const QString tlsCaFile = QStringLiteral("tlsCaFile");
const QString tlsPinnedSha256 = QStringLiteral("tlsPinnedSha256");
const QString autoConnect = QStringLiteral("autoConnect");
const QString stunServer = QStringLiteral("stunServer");
const QString turnServer = QStringLiteral("turnServer");
const QString turnTransport = QStringLiteral("turnTransport");
const QString turnUser = QStringLiteral("turnUser"); // the TURN password: keychain only
} // namespace key

AccountProfile readProfile(const QSettings& s, const QString& id) {
    const AccountProfile d; // defaults for missing keys
    AccountProfile p;
    p.id = id;
    p.name = s.value(key::name).toString();
    p.backend = AccountProfile::backendFromWire(s.value(key::backend).toString());
    p.serverUrl = QUrl(s.value(key::serverUrl).toString());
    p.appKey = s.value(key::appKey, d.appKey).toString();
    p.sipLogin = s.value(key::sipLogin).toString();
    p.sipAuthenticationName = s.value(key::sipAuthenticationName).toString();
    p.sipDomain = s.value(key::sipDomain).toString();
    p.sipOutboundProxy = s.value(key::sipOutboundProxy).toString();
    p.sipPort = s.value(key::sipPort, d.sipPort).toInt();
    p.registerRequired = s.value(key::registerRequired, d.registerRequired).toBool();
    p.customJson = s.value(key::customJson).toString().toUtf8();
    p.keepAlive = s.value(key::keepAlive, d.keepAlive).toBool();
    p.reconnectMinMs = s.value(key::reconnectMinMs, d.reconnectMinMs).toInt();
    p.reconnectMaxMs = s.value(key::reconnectMaxMs, d.reconnectMaxMs).toInt();
    p.watchdogMs = s.value(key::watchdogMs, d.watchdogMs).toInt();
    p.tlsCaFile = s.value(key::tlsCaFile).toString();
    p.tlsPinnedSha256 = s.value(key::tlsPinnedSha256).toString().toLatin1();
    p.autoConnect = s.value(key::autoConnect, d.autoConnect).toBool();
    p.stunServer = s.value(key::stunServer).toString();
    p.turnServer = s.value(key::turnServer).toString();
    p.turnTransport = AccountProfile::turnTransportFromWire(s.value(key::turnTransport).toString());
    p.turnUser = s.value(key::turnUser).toString();
    return p;
}

KeychainError unknownProfile(const QString& id) {
    return {KeychainError::Kind::Other, QStringLiteral("There is no profile %1.").arg(id)};
}

} // namespace

AccountService::AccountService(QSettings& settings, CredentialStore& credentials, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_credentials(credentials) {
    load();
}

void AccountService::load() {
    m_profiles.clear();
    m_settings.beginGroup(groupRoot());
    const QStringList ids = m_settings.childGroups();
    for (const QString& id : ids) {
        if (QUuid::fromString(id).isNull()) {
            qCWarning(lcAccounts) << "skipping settings group" << groupOf(id)
                                  << ": not a profile id";
            continue;
        }
        m_settings.beginGroup(id);
        m_profiles.insert(id, readProfile(m_settings, id));
        m_settings.endGroup();
    }
    m_settings.endGroup();
}

void AccountService::write(const AccountProfile& p) {
    m_settings.remove(groupOf(p.id)); // no stale keys from an older version
    m_settings.beginGroup(groupOf(p.id));
    m_settings.setValue(key::name, p.name);
    m_settings.setValue(key::backend, AccountProfile::toWire(p.backend));
    m_settings.setValue(key::serverUrl, p.serverUrl.toString(QUrl::FullyEncoded));
    m_settings.setValue(key::appKey, p.appKey);
    m_settings.setValue(key::sipLogin, p.sipLogin);
    m_settings.setValue(key::sipAuthenticationName, p.sipAuthenticationName);
    m_settings.setValue(key::sipDomain, p.sipDomain);
    m_settings.setValue(key::sipOutboundProxy, p.sipOutboundProxy);
    m_settings.setValue(key::sipPort, p.sipPort);
    m_settings.setValue(key::registerRequired, p.registerRequired);
    // Text, not QByteArray: an ini file then shows the JSON instead of @ByteArray(...).
    m_settings.setValue(key::customJson, QString::fromUtf8(p.customJson));
    m_settings.setValue(key::keepAlive, p.keepAlive);
    m_settings.setValue(key::reconnectMinMs, p.reconnectMinMs);
    m_settings.setValue(key::reconnectMaxMs, p.reconnectMaxMs);
    m_settings.setValue(key::watchdogMs, p.watchdogMs);
    m_settings.setValue(key::tlsCaFile, p.tlsCaFile);
    m_settings.setValue(key::tlsPinnedSha256, QString::fromLatin1(p.tlsPinnedSha256));
    m_settings.setValue(key::autoConnect, p.autoConnect);
    m_settings.setValue(key::stunServer, p.stunServer);
    m_settings.setValue(key::turnServer, p.turnServer);
    m_settings.setValue(key::turnTransport, AccountProfile::toWire(p.turnTransport));
    m_settings.setValue(key::turnUser, p.turnUser);
    m_settings.endGroup();
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError) {
        qCWarning(lcAccounts) << "could not write the settings file" << m_settings.fileName();
    }
}

QList<AccountProfile> AccountService::profiles() const {
    QList<AccountProfile> list = m_profiles.values();
    std::stable_sort(list.begin(), list.end(),
                     [](const AccountProfile& a, const AccountProfile& b) {
                         const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
                         return byName != 0 ? byName < 0 : a.id < b.id;
                     });
    return list;
}

std::optional<AccountProfile> AccountService::profile(const QString& id) const {
    const auto it = m_profiles.constFind(id);
    if (it == m_profiles.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

AccountSaveResult AccountService::add(AccountProfile profile) {
    if (profile.id.isEmpty()) {
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    AccountSaveResult result{profile.id, validate(profile)};
    if (result.ok() && m_profiles.contains(profile.id)) {
        result.errors.append({QStringLiteral("id"), QStringLiteral("A profile with this id "
                                                                   "exists already.")});
    }
    if (!result.ok()) {
        return result;
    }
    write(profile);
    m_profiles.insert(profile.id, profile);
    qCInfo(lcAccounts) << "profile added" << profile.id;
    Q_EMIT profileAdded(profile.id);
    return result;
}

AccountSaveResult AccountService::update(const AccountProfile& profile) {
    AccountSaveResult result{profile.id, {}};
    const auto it = m_profiles.find(profile.id);
    if (profile.id.isEmpty() || it == m_profiles.end()) {
        result.errors.append({QStringLiteral("id"), QStringLiteral("There is no such profile.")});
        return result;
    }
    result.errors = validate(profile);
    if (!result.ok() || *it == profile) {
        return result;
    }
    write(profile);
    *it = profile;
    qCInfo(lcAccounts) << "profile changed" << profile.id;
    Q_EMIT profileChanged(profile.id);
    return result;
}

bool AccountService::remove(const QString& id, CredentialStore::DoneCallback done) {
    if (id.isEmpty() || !m_profiles.contains(id)) {
        return false;
    }
    m_profiles.remove(id);
    m_settings.remove(groupOf(id));
    m_settings.sync();
    qCInfo(lcAccounts) << "profile removed" << id;
    Q_EMIT profileRemoved(id);
    m_credentials.deletePassword(
        credentialKey(id), [id, done = std::move(done)](const KeychainResult<void>& r) {
            if (!r.ok()) {
                qCWarning(lcAccounts) << "keychain entry of removed profile" << id
                                      << "not deleted:" << r.error().message;
            }
            if (done) {
                done(r);
            }
        });
    m_credentials.deletePassword(turnCredentialKey(id), [id](const KeychainResult<void>& r) {
        if (!r.ok() && !r.is(KeychainError::Kind::NotFound)) {
            qCWarning(lcAccounts) << "TURN keychain entry of removed profile" << id
                                  << "not deleted:" << r.error().message;
        }
    });
    return true;
}

void AccountService::storePassword(const QString& id, const QString& password,
                                   CredentialStore::DoneCallback done) {
    if (!m_profiles.contains(id)) {
        QMetaObject::invokeMethod(
            this, [id, done = std::move(done)] { done(unknownProfile(id)); }, Qt::QueuedConnection);
        return;
    }
    m_credentials.writePassword(credentialKey(id), password, std::move(done));
}

void AccountService::loadPassword(const QString& id, CredentialStore::ReadCallback done) {
    if (!m_profiles.contains(id)) {
        QMetaObject::invokeMethod(
            this, [id, done = std::move(done)] { done(unknownProfile(id)); }, Qt::QueuedConnection);
        return;
    }
    m_credentials.readPassword(credentialKey(id), std::move(done));
}

void AccountService::storeTurnPassword(const QString& id, const QString& password,
                                       CredentialStore::DoneCallback done) {
    if (!m_profiles.contains(id)) {
        QMetaObject::invokeMethod(
            this, [id, done = std::move(done)] { done(unknownProfile(id)); }, Qt::QueuedConnection);
        return;
    }
    m_credentials.writePassword(turnCredentialKey(id), password, std::move(done));
}

void AccountService::loadTurnPassword(const QString& id, CredentialStore::ReadCallback done) {
    if (!m_profiles.contains(id)) {
        QMetaObject::invokeMethod(
            this, [id, done = std::move(done)] { done(unknownProfile(id)); }, Qt::QueuedConnection);
        return;
    }
    m_credentials.readPassword(turnCredentialKey(id), std::move(done));
}

QList<AccountFieldError> AccountService::validate(const AccountProfile& profile) {
    return AccountValidator::validate(profile);
}

QString AccountService::credentialKey(const QString& id) {
    return QStringLiteral("account/") + id;
}

QString AccountService::turnCredentialKey(const QString& id) {
    return QStringLiteral("turn/") + id;
}

std::optional<wcs::SessionOptions> AccountService::sessionOptionsFor(const AccountProfile& p,
                                                                     const QString& password) {
    if (p.backend != AccountProfile::Backend::Wcs) {
        return std::nullopt;
    }
    wcs::SessionOptions o;
    o.url = p.serverUrl;
    o.watchdogMs = p.watchdogMs;
    o.reconnectMinMs = p.reconnectMinMs;
    o.reconnectMaxMs = p.reconnectMaxMs;
    o.tls.caFile = p.tlsCaFile;
    o.tls.pinnedSha256 = p.tlsPinnedSha256;

    wcs::ConnectionParameters& c = o.connection;
    c.appKey = p.appKey;
    if (p.keepAlive) {
        c.keepAlive = true;
    }
    if (!p.customJson.trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(p.customJson);
        if (doc.isObject()) {
            c.custom = doc.toJson(QJsonDocument::Compact);
        }
    }
    if (!p.sipLogin.isEmpty()) {
        c.sipLogin = p.sipLogin;
        c.sipAuthenticationName = p.sipAuthenticationName;
        c.sipPassword = password;
        c.sipDomain = p.sipDomain;
        c.sipOutboundProxy = p.sipOutboundProxy;
        if (p.sipPort > 0) {
            c.sipPort = p.sipPort;
        }
        c.sipRegisterRequired = p.registerRequired;
    }
    return o;
}

} // namespace services
