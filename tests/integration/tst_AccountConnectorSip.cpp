// services::AccountConnector with "SIP over WebSocket" profiles against the real loopback
// Kamailio (shared/testbed/kamailio): REGISTER through the keychain password, the raw
// connection:* events in the journal, un-REGISTER on disconnect before the manager goes, and a
// reconnect that waits for it (issue #5; spec sip-connection-manager.md §5.3, §5.7).
#include "support/FakeCredentialStore.h"
#include "support/KamailioTestbed.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "services/StreamMonitor.h"
#include "sip/ConnectionManager.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_AccountConnectorSip : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::shared_ptr<core::SystemClock> clock = std::make_shared<core::SystemClock>();
    std::unique_ptr<testsupport::KamailioTestbed> kam;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<support::FakeCredentialStore> keychain;
    std::unique_ptr<services::AccountService> accounts;
    services::SessionPasswordCache typed;
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::StreamMonitor> streams;
    std::unique_ptr<services::SessionMonitor> sessions;
    std::unique_ptr<services::AccountConnector> connector;
    QList<services::JournalEntry> journal;

    QString addSipProfile(const QString& user, int reconnectMinMs = 1000,
                          int reconnectMaxMs = 30000) {
        services::AccountProfile p;
        p.name = u"Kamailio "_s + user;
        p.backend = services::AccountProfile::Backend::SipWebSocket;
        p.serverUrl = QUrl(kam->wsUrl());
        p.sipLogin = user;
        p.sipDomain = u"sip.test"_s;
        p.registerRequired = true;
        p.reconnectMinMs = reconnectMinMs;
        p.reconnectMaxMs = reconnectMaxMs;
        const auto saved = accounts->add(p);
        return saved.errors.isEmpty() ? saved.id : QString();
    }

    QStringList journalTypes() const {
        QStringList out;
        for (const auto& e : journal) {
            out.append(e.type);
        }
        return out;
    }

    QJsonObject lastJournal(const QString& type) const {
        for (auto it = journal.crbegin(); it != journal.crend(); ++it) {
            if (it->type == type) {
                return QJsonDocument::fromJson(it->json).object();
            }
        }
        return {};
    }

private Q_SLOTS:
    void init() {
        kam = std::make_unique<testsupport::KamailioTestbed>();
        QVERIFY2(kam->start(), qPrintable(kam->error()));
        settings =
            std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        settings->clear();
        keychain = std::make_unique<support::FakeCredentialStore>();
        accounts = std::make_unique<services::AccountService>(*settings, *keychain);
        typed.clearAll();
        calls = std::make_unique<services::CallService>(clock);
        streams = std::make_unique<services::StreamMonitor>(clock);
        sessions = std::make_unique<services::SessionMonitor>(clock);
        connector = std::make_unique<services::AccountConnector>(*accounts, typed, *calls, *streams,
                                                                 *sessions, clock);
        journal.clear();
        connector->setJournal([this](const services::JournalEntry& e) { journal.append(e); });
    }

    void cleanup() {
        if (QTest::currentTestFailed() && kam) {
            qWarning().noquote() << "kamailio log tail:\n" << kam->logTail();
        }
        connector.reset();
        kam.reset();
    }

    void registersAndUnregisters() {
        const QString id = addSipProfile(u"alice"_s, 1500, 2500);
        QVERIFY(!id.isEmpty());
        keychain->entries.insert(services::AccountService::credentialKey(id), u"alice-secret"_s);
        QSignalSpy started(connector.get(), &services::AccountConnector::sessionStarted);
        QSignalSpy failed(connector.get(), &services::AccountConnector::connectFailed);
        QVERIFY(connector->connectAccount(id));
        QTRY_COMPARE(started.size(), 1);
        QVERIFY(connector->sipManager(id) != nullptr);
        QVERIFY(connector->session(id) == nullptr); // not a WCS account
        QTRY_COMPARE_WITH_TIMEOUT(sessions->state(id).registration,
                                  core::RegistrationStatus::Registered, 10000);
        QCOMPARE(sessions->state(id).connection, core::SessionStatus::Registered);
        QVERIFY(failed.isEmpty());
        const QString dump = kam->kamcmd({u"ul.dump"_s});
        QVERIFY2(dump.contains(u"alice"_s), qPrintable(dump));
        QVERIFY2(dump.contains(id), qPrintable(dump)); // +sip.instance = the profile id

        // the raw events reached the journal sink, with their payloads and no password
        QCOMPARE(journalTypes().mid(0, 7),
                 (QStringList{
                     u"connection:connect-started"_s,
                     u"connection:connect-parameters-resolve-success"_s, u"connection:connecting"_s,
                     u"connection:connected-with-configuration"_s, u"connection:connected"_s,
                     u"connection:registered"_s, u"connection:connect-succeeded"_s}));
        for (const auto& e : std::as_const(journal)) {
            QVERIFY2(!e.json.contains("alice-secret"), e.json.constData());
            QCOMPARE(e.accountId, id);
        }
        const QJsonObject resolved =
            lastJournal(u"connection:connect-parameters-resolve-success"_s);
        QCOMPARE(resolved.value(u"sipServerIp"_s).toString(), u"sip.test"_s);
        QCOMPARE(resolved.value(u"user"_s).toString(), u"alice"_s);
        QCOMPARE(resolved.value(u"connectionRecoveryMinInterval"_s).toInt(), 2); // 1500 ms up
        QCOMPARE(resolved.value(u"connectionRecoveryMaxInterval"_s).toInt(), 3); // 2500 ms up
        QCOMPARE(resolved.value(u"password"_s).toString(), u"<redacted>"_s);
        QCOMPARE(lastJournal(u"connection:registered"_s)
                     .value(u"response"_s)
                     .toObject()
                     .value(u"statusCode"_s)
                     .toInt(),
                 200);

        // disconnect: the manager stays until its un-REGISTER is answered, then goes
        QPointer<sip::ConnectionManager> manager = connector->sipManager(id);
        journal.clear();
        connector->disconnectAccount(id);
        QVERIFY(!connector->isConnected(id));
        QVERIFY(connector->sipManager(id) == nullptr);
        QCOMPARE(connector->drainingCount(), 1);
        QVERIFY(manager);
        QTRY_VERIFY_WITH_TIMEOUT(!manager, 5000);
        QCOMPARE(connector->drainingCount(), 0);
        QCOMPARE(journalTypes(),
                 (QStringList{u"connection:disconnecting"_s, u"connection:unregistered"_s,
                              u"connection:disconnected"_s}));
        QCOMPARE(lastJournal(u"connection:unregistered"_s)
                     .value(u"response"_s)
                     .toObject()
                     .value(u"statusCode"_s)
                     .toInt(),
                 200);
        QCOMPARE(sessions->state(id).registration, core::RegistrationStatus::Unregistered);
        QCOMPARE(sessions->state(id).connection, core::SessionStatus::Disconnected);
        const QString after = kam->kamcmd({u"ul.dump"_s});
        QVERIFY2(!after.contains(u"alice"_s), qPrintable(after));
    }

    void reconnectWaitsForTheUnregister() {
        const QString id = addSipProfile(u"bob"_s);
        typed.set(id, u"bob-secret"_s); // the user's "type it each time" choice
        QVERIFY(connector->connectAccount(id));
        QTRY_COMPARE_WITH_TIMEOUT(sessions->state(id).registration,
                                  core::RegistrationStatus::Registered, 10000);
        QPointer<sip::ConnectionManager> first = connector->sipManager(id);
        connector->disconnectAccount(id);
        QVERIFY(connector->connectAccount(id));  // at once: starts once the first is idle
        QVERIFY(!connector->connectAccount(id)); // no second connect meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(!first, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(connector->sipManager(id) != nullptr, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(sessions->state(id).registration,
                                  core::RegistrationStatus::Registered, 10000);
        // the new binding is the account's call backend (INVITE to an unregistered user: 404)
        const QString callId = calls->dial(id, u"dave"_s);
        QVERIFY(!callId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(calls->find(id, callId)->sipStatus, 404, 8000);
        const QString dump = kam->kamcmd({u"ul.dump"_s});
        QVERIFY2(dump.count(u"Address: "_s) == 1,
                 qPrintable(dump)); // the old contact was removed, not left behind
    }

    void quitWaitsForTheUnregister() {
        const QString alice = addSipProfile(u"alice"_s);
        const QString bob = addSipProfile(u"bob"_s);
        typed.set(alice, u"alice-secret"_s);
        typed.set(bob, u"bob-secret"_s);
        QVERIFY(connector->connectAccount(alice));
        QVERIFY(connector->connectAccount(bob));
        for (const QString& id : {alice, bob}) {
            QTRY_COMPARE_WITH_TIMEOUT(sessions->state(id).registration,
                                      core::RegistrationStatus::Registered, 10000);
        }
        QSignalSpy drained(connector.get(), &services::AccountConnector::sipDrained);
        QVERIFY(connector->disconnectAllAndWait(5000));
        QCOMPARE(drained.size(), 2);
        QCOMPARE(connector->drainingCount(), 0);
        const QString dump = kam->kamcmd({u"ul.dump"_s}); // at once: no waiting here
        QVERIFY2(!dump.contains(u"Address: "_s), qPrintable(dump));
        QVERIFY(connector->disconnectAllAndWait(5000)); // nothing to wait for
    }

    void wrongPasswordIsAuthenticationFail() {
        const QString id = addSipProfile(u"carol"_s);
        typed.set(id, u"not-carols"_s);
        QList<core::RegistrationStatus> seen;
        connect(
            sessions.get(), &services::SessionMonitor::stateChanged, this,
            [&](const QString& changed) { seen.append(sessions->state(changed).registration); });
        QVERIFY(connector->connectAccount(id));
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(core::RegistrationStatus::AuthenticationFail),
                                 10000);
        QVERIFY(!seen.contains(core::RegistrationStatus::Registered));
        QTRY_VERIFY_WITH_TIMEOUT(connector->sipManager(id)->isIdle(), 5000);
        connector->disconnectAccount(id); // already idle: dropped on the next turn
        QTRY_COMPARE(connector->drainingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AccountConnectorSip)
#include "tst_AccountConnectorSip.moc"
