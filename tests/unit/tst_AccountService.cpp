// services::AccountService: profiles round-trip through a QSettings ini file on a temporary
// directory, signals, removal deletes the keychain entry, passwords never reach the ini file,
// the validation table, and the WCS profile -> wcs::SessionOptions mapping. The keychain is an
// in-memory fake of services::CredentialStore (the real one: tst_CredentialStore).

#include "services/AccountService.h"
#include "services/AccountValidator.h"
#include "support/FakeCredentialStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using services::AccountFieldError;
using services::AccountProfile;
using services::AccountService;
using services::CredentialStore;
using services::KeychainError;
using services::KeychainResult;
using support::FakeCredentialStore;
using Backend = AccountProfile::Backend;

namespace {

AccountProfile wcsProfile(const QString& name = QStringLiteral("Office WCS")) {
    AccountProfile p;
    p.name = name;
    p.backend = Backend::Wcs;
    p.serverUrl = QUrl(QStringLiteral("wss://wcs.example.net:8443"));
    p.appKey = QStringLiteral("defaultApp");
    p.sipLogin = QStringLiteral("2001");
    p.sipAuthenticationName = QStringLiteral("2001-auth");
    p.sipDomain = QStringLiteral("pbx.example.net");
    p.sipOutboundProxy = QStringLiteral("proxy.example.net");
    p.sipPort = 5060;
    p.registerRequired = true;
    p.customJson = QByteArrayLiteral("{ \"room\": \"lobby\", \"n\": 1 }");
    p.keepAlive = true;
    p.reconnectMinMs = 500;
    p.reconnectMaxMs = 8000;
    p.watchdogMs = 20000;
    p.tlsPinnedSha256 = QByteArray(32, 'a').toHex(':');
    p.autoConnect = true;
    return p;
}

} // namespace

class tst_AccountService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addAndReload();
    void addAssignsUuidAndRejectsDuplicates();
    void invalidProfileIsNotStored();
    void updateEmitsChanged();
    void updateUnknownId();
    void removeDeletesKeychainEntry();
    void passwordNeverInSettingsFile();
    void passwordOfUnknownProfile();
    void severalProfilesSortedByName();
    void validation_data();
    void validation();
    void sessionOptionsForWcs();
    void sessionOptionsMinimal();
    void sessionOptionsForSipIsNone();

private:
    QString iniText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeCredentialStore> m_store;
};

void tst_AccountService::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("callboard.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<FakeCredentialStore>();
}

void tst_AccountService::cleanup() {
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

QString tst_AccountService::iniText() const {
    m_settings->sync();
    QFile f(m_settings->fileName());
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

void tst_AccountService::addAndReload() {
    AccountService accounts(*m_settings, *m_store);
    QSignalSpy added(&accounts, &AccountService::profileAdded);
    const auto r = accounts.add(wcsProfile());
    QVERIFY(r.ok());
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toString(), r.id);

    AccountProfile expected = wcsProfile();
    expected.id = r.id;
    QCOMPARE(accounts.profile(r.id), std::optional(expected));

    // A second service on a fresh QSettings of the same file sees the same profile.
    QSettings reopened(m_settings->fileName(), QSettings::IniFormat);
    AccountService again(reopened, *m_store);
    QCOMPARE(again.profiles().size(), 1);
    QCOMPARE(again.profiles().first(), expected);
    QVERIFY(iniText().contains(QStringLiteral("[accounts]")) ||
            iniText().contains(QStringLiteral("accounts\\")));
}

void tst_AccountService::addAssignsUuidAndRejectsDuplicates() {
    AccountService accounts(*m_settings, *m_store);
    const auto r = accounts.add(wcsProfile());
    QVERIFY(r.ok());
    QVERIFY(!QUuid::fromString(r.id).isNull());
    AccountProfile dup = wcsProfile(QStringLiteral("Other"));
    dup.id = r.id;
    const auto d = accounts.add(dup);
    QVERIFY(!d.ok());
    QCOMPARE(d.errors.first().field, QStringLiteral("id"));
    QCOMPARE(accounts.profiles().size(), 1);
    QCOMPARE(accounts.profile(r.id)->name, QStringLiteral("Office WCS"));
}

void tst_AccountService::invalidProfileIsNotStored() {
    AccountService accounts(*m_settings, *m_store);
    QSignalSpy added(&accounts, &AccountService::profileAdded);
    AccountProfile p = wcsProfile(QStringLiteral("   "));
    p.serverUrl = QUrl(QStringLiteral("http://wcs.example.net"));
    const auto r = accounts.add(p);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 2);
    QCOMPARE(added.count(), 0);
    QVERIFY(accounts.profiles().isEmpty());
    QVERIFY(!iniText().contains(QStringLiteral("wcs.example.net")));
}

void tst_AccountService::updateEmitsChanged() {
    AccountService accounts(*m_settings, *m_store);
    const QString id = accounts.add(wcsProfile()).id;
    QSignalSpy changed(&accounts, &AccountService::profileChanged);
    AccountProfile p = *accounts.profile(id);
    QVERIFY(accounts.update(p).ok()); // unchanged: no signal
    QCOMPARE(changed.count(), 0);
    p.name = QStringLiteral("Renamed");
    p.sipPort = 0;
    p.customJson.clear();
    QVERIFY(accounts.update(p).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), id);
    QSettings reopened(m_settings->fileName(), QSettings::IniFormat);
    QCOMPARE(AccountService(reopened, *m_store).profile(id), std::optional(p));

    p.reconnectMaxMs = 1; // invalid: not written
    const auto bad = accounts.update(p);
    QVERIFY(!bad.ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(accounts.profile(id)->reconnectMaxMs, 8000);
}

void tst_AccountService::updateUnknownId() {
    AccountService accounts(*m_settings, *m_store);
    AccountProfile p = wcsProfile();
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto r = accounts.update(p);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.first().field, QStringLiteral("id"));
    QVERIFY(accounts.profiles().isEmpty());
}

void tst_AccountService::removeDeletesKeychainEntry() {
    AccountService accounts(*m_settings, *m_store);
    const QString id = accounts.add(wcsProfile()).id;
    const QString keep = accounts.add(wcsProfile(QStringLiteral("Keep"))).id;
    bool stored = false;
    accounts.storePassword(id, QStringLiteral("pw"),
                           [&](const KeychainResult<void>& r) { stored = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 5000);
    QCOMPARE(m_store->entries.value(QStringLiteral("account/") + id), QStringLiteral("pw"));

    QSignalSpy removed(&accounts, &AccountService::profileRemoved);
    bool deleted = false;
    QVERIFY(accounts.remove(id, [&](const KeychainResult<void>& r) { deleted = r.ok(); }));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), id);
    QVERIFY(!accounts.profile(id).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(deleted, 5000);
    // The password and the TURN password of the ICE servers.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_store->deleted,
        (QStringList{AccountService::credentialKey(id), AccountService::turnCredentialKey(id)}),
        5000);
    QVERIFY(!m_store->entries.contains(AccountService::credentialKey(id)));
    QVERIFY(!iniText().contains(id));
    QVERIFY(iniText().contains(keep));
    QVERIFY(!accounts.remove(id)); // gone already
}

void tst_AccountService::passwordNeverInSettingsFile() {
    AccountService accounts(*m_settings, *m_store);
    const QString id = accounts.add(wcsProfile()).id;
    const QString secret = QStringLiteral("hunter2-canary-secret");
    bool stored = false;
    accounts.storePassword(id, secret, [&](const KeychainResult<void>& r) { stored = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 5000);
    QCOMPARE(AccountService::credentialKey(id), QStringLiteral("account/") + id);
    QCOMPARE(m_store->entries.value(AccountService::credentialKey(id)), secret);

    AccountProfile p = *accounts.profile(id);
    p.name = QStringLiteral("Edited after the secret was stored");
    QVERIFY(accounts.update(p).ok());
    const QString ini = iniText();
    QVERIFY(ini.contains(QStringLiteral("Edited after the secret was stored")));
    QVERIFY(!ini.contains(secret));
    QVERIFY(!ini.contains(QStringLiteral("assword"), Qt::CaseInsensitive));

    std::optional<KeychainResult<QString>> loaded;
    accounts.loadPassword(id, [&](const KeychainResult<QString>& r) { loaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 5000);
    QVERIFY(loaded->ok());
    QCOMPARE(loaded->value(), secret);
}

void tst_AccountService::passwordOfUnknownProfile() {
    AccountService accounts(*m_settings, *m_store);
    std::optional<KeychainResult<void>> stored;
    accounts.storePassword(QStringLiteral("nope"), QStringLiteral("x"),
                           [&](const KeychainResult<void>& r) { stored = r; });
    QVERIFY(!stored.has_value()); // never synchronous
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 5000);
    QVERIFY(stored->is(KeychainError::Kind::Other));
    QVERIFY(m_store->entries.isEmpty());
}

void tst_AccountService::severalProfilesSortedByName() {
    AccountService accounts(*m_settings, *m_store);
    AccountProfile sip;
    sip.name = QStringLiteral("alpha sip");
    sip.backend = Backend::SipWebSocket;
    sip.serverUrl = QUrl(QStringLiteral("ws://127.0.0.1:8080/ws"));
    sip.sipLogin = QStringLiteral("alice");
    sip.sipDomain = QStringLiteral("127.0.0.1");
    QVERIFY(accounts.add(wcsProfile(QStringLiteral("Zulu"))).ok());
    QVERIFY(accounts.add(sip).ok());
    QVERIFY(accounts.add(wcsProfile(QStringLiteral("Mike"))).ok());
    QStringList names;
    for (const AccountProfile& p : accounts.profiles()) {
        names.append(p.name);
    }
    QCOMPARE(names, (QStringList{QStringLiteral("alpha sip"), QStringLiteral("Mike"),
                                 QStringLiteral("Zulu")}));
    QSettings reopened(m_settings->fileName(), QSettings::IniFormat);
    const auto loaded = AccountService(reopened, *m_store).profiles();
    QCOMPARE(loaded.size(), 3);
    QCOMPARE(loaded.first().backend, Backend::SipWebSocket);
    QVERIFY(iniText().contains(QStringLiteral("sip-websocket")));
}

void tst_AccountService::validation_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expectedError"); // field name, empty = valid

    const auto row = [](const char* tag, const char* field, const QVariant& value,
                        const char* error) {
        QTest::newRow(tag) << QString::fromLatin1(field) << value << QString::fromLatin1(error);
    };
    row("base profile is valid", "", QVariant(), "");
    row("empty name", "name", QString(), "name");
    row("blank name", "name", QStringLiteral("  \t"), "name");
    row("bad id", "id", QStringLiteral("not-a-uuid"), "id");
    row("uuid id", "id", QUuid::createUuid().toString(QUuid::WithoutBraces), "");
    row("ws url", "serverUrl", QStringLiteral("ws://wcs:8080"), "");
    row("WSS upper-case", "serverUrl", QStringLiteral("WSS://wcs:8443/path"), "");
    row("http url", "serverUrl", QStringLiteral("http://wcs:8080"), "serverUrl");
    row("https url", "serverUrl", QStringLiteral("https://wcs:8443"), "serverUrl");
    row("sip url", "serverUrl", QStringLiteral("sip:alice@example.net"), "serverUrl");
    row("empty url", "serverUrl", QString(), "serverUrl");
    row("no host", "serverUrl", QStringLiteral("ws://:8080"), "serverUrl");
    row("password in url", "serverUrl", QStringLiteral("wss://u:pw@wcs:8443"), "serverUrl");
    row("sip profile with http url", "sipWsUrl", QStringLiteral("http://kamailio:8080"),
        "serverUrl");
    row("sip profile fine", "sipWsUrl", QStringLiteral("wss://kamailio:7443/ws"), "");
    row("sip profile without login", "sipNoLogin", QVariant(), "sipLogin");
    row("sip profile without domain", "sipNoDomain", QVariant(), "sipDomain");
    row("empty appKey", "appKey", QString(), "appKey");
    row("wcs without sip login", "sipLogin", QString(), "");
    row("port 0 = not set", "sipPort", 0, "");
    row("port 1", "sipPort", 1, "");
    row("port 65535", "sipPort", 65535, "");
    row("port 65536", "sipPort", 65536, "sipPort");
    row("port -1", "sipPort", -1, "sipPort");
    row("custom empty", "customJson", QByteArray(), "");
    row("custom object", "customJson", QByteArray("{\"a\":[1,2]}"), "");
    row("custom array", "customJson", QByteArray("[1,2]"), "customJson");
    row("custom string", "customJson", QByteArray("\"x\""), "customJson");
    row("custom broken", "customJson", QByteArray("{\"a\":"), "customJson");
    row("min > max", "reconnectMaxMs", 499, "reconnectMaxMs");
    row("min == max", "reconnectMaxMs", 500, "");
    row("min 0", "reconnectMinMs", 0, "reconnectMinMs");
    row("watchdog off", "watchdogMs", 0, "");
    row("watchdog negative", "watchdogMs", -1, "watchdogMs");
    row("ca file missing", "tlsCaFile", QStringLiteral("/nonexistent/ca.pem"), "tlsCaFile");
    row("pin short", "tlsPinnedSha256", QByteArray("abcd"), "tlsPinnedSha256");
    row("pin not hex", "tlsPinnedSha256", QByteArray(64, 'z'), "tlsPinnedSha256");
    row("pin plain hex", "tlsPinnedSha256", QByteArray(64, 'F'), "");
}

void tst_AccountService::validation() {
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(QString, expectedError);

    AccountProfile p = wcsProfile();
    if (field == u"name") {
        p.name = value.toString();
    } else if (field == u"id") {
        p.id = value.toString();
    } else if (field == u"serverUrl") {
        p.serverUrl = QUrl(value.toString());
    } else if (field.startsWith(u"sip") && field != u"sipLogin" && field != u"sipPort") {
        p.backend = Backend::SipWebSocket;
        if (field == u"sipWsUrl") {
            p.serverUrl = QUrl(value.toString());
        } else if (field == u"sipNoLogin") {
            p.sipLogin.clear();
        } else {
            p.sipDomain.clear();
        }
    } else if (field == u"appKey") {
        p.appKey = value.toString();
    } else if (field == u"sipLogin") {
        p.sipLogin = value.toString();
    } else if (field == u"sipPort") {
        p.sipPort = value.toInt();
    } else if (field == u"customJson") {
        p.customJson = value.toByteArray();
    } else if (field == u"reconnectMinMs") {
        p.reconnectMinMs = value.toInt();
    } else if (field == u"reconnectMaxMs") {
        p.reconnectMaxMs = value.toInt();
    } else if (field == u"watchdogMs") {
        p.watchdogMs = value.toInt();
    } else if (field == u"tlsCaFile") {
        p.tlsCaFile = value.toString();
    } else if (field == u"tlsPinnedSha256") {
        p.tlsPinnedSha256 = value.toByteArray();
    }

    const QList<AccountFieldError> errors = AccountService::validate(p);
    QStringList fields;
    for (const AccountFieldError& e : errors) {
        fields.append(e.field);
        QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
    }
    const QStringList expected =
        expectedError.isEmpty() ? QStringList() : QStringList{expectedError};
    QCOMPARE(fields, expected);
}

void tst_AccountService::sessionOptionsForWcs() {
    AccountProfile p = wcsProfile();
    p.tlsCaFile = QStringLiteral("/etc/ssl/private-ca.pem");
    const auto o = AccountService::sessionOptionsFor(p, QStringLiteral("sip-pw"));
    QVERIFY(o.has_value());
    QCOMPARE(o->url, QUrl(QStringLiteral("wss://wcs.example.net:8443")));
    QCOMPARE(o->watchdogMs, 20000);
    QCOMPARE(o->reconnectMinMs, 500);
    QCOMPARE(o->reconnectMaxMs, 8000);
    QCOMPARE(o->tls.caFile, QStringLiteral("/etc/ssl/private-ca.pem"));
    QCOMPARE(o->tls.pinnedSha256, p.tlsPinnedSha256);
    const wcs::ConnectionParameters& c = o->connection;
    QCOMPARE(c.appKey, QStringLiteral("defaultApp"));
    QCOMPARE(c.keepAlive, std::optional(true));
    QCOMPARE(c.custom, QByteArray("{\"n\":1,\"room\":\"lobby\"}"));
    QVERIFY(c.hasSip());
    QCOMPARE(c.sipLogin, QStringLiteral("2001"));
    QCOMPARE(c.sipAuthenticationName, QStringLiteral("2001-auth"));
    QCOMPARE(c.sipPassword, QStringLiteral("sip-pw"));
    QCOMPARE(c.sipDomain, QStringLiteral("pbx.example.net"));
    QCOMPARE(c.sipOutboundProxy, QStringLiteral("proxy.example.net"));
    QCOMPARE(c.sipPort, std::optional(5060));
    QCOMPARE(c.sipRegisterRequired, std::optional(true));
}

void tst_AccountService::sessionOptionsMinimal() {
    AccountProfile p;
    p.name = QStringLiteral("Monitor only");
    p.serverUrl = QUrl(QStringLiteral("ws://wcs:8080"));
    QVERIFY(AccountService::validate(p).isEmpty());
    const auto o = AccountService::sessionOptionsFor(p, QStringLiteral("unused"));
    QVERIFY(o.has_value());
    const wcs::ConnectionParameters& c = o->connection;
    QVERIFY(!c.hasSip());
    QVERIFY(c.sipPassword.isEmpty());
    QVERIFY(!c.keepAlive.has_value());
    QVERIFY(c.custom.isEmpty());
    QVERIFY(!c.sipPort.has_value());
    QVERIFY(!c.sipRegisterRequired.has_value());
    QCOMPARE(o->watchdogMs, 50000);
}

void tst_AccountService::sessionOptionsForSipIsNone() {
    AccountProfile p = wcsProfile();
    p.backend = Backend::SipWebSocket;
    QVERIFY(!AccountService::sessionOptionsFor(p, QStringLiteral("pw")).has_value());
}

QTEST_GUILESS_MAIN(tst_AccountService)
#include "tst_AccountService.moc"
