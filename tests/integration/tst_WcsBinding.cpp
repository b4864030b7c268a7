// A wcs::Session against the in-process emulator, bound to the state services: what the
// services show follows the server, intents reach the server, and every event is journaled.
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsBinding.h"
#include "wcs/Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_WcsBinding : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<core::SystemClock> clock = std::make_shared<core::SystemClock>();
    std::unique_ptr<emulator::EmulatorServer> server;
    std::unique_ptr<wcs::Session> session;
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::StreamMonitor> streams;
    std::unique_ptr<services::SessionMonitor> sessions;
    std::unique_ptr<services::WcsBinding> binding;
    QList<services::JournalEntry> journal;

private Q_SLOTS:
    void init() {
        server = std::make_unique<emulator::EmulatorServer>();
        server->setScenario(emulator::ScenarioParser::demo());
        server->setControlPort(-1);
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        wcs::SessionOptions o;
        o.url = server->serverUrl();
        o.autoReconnect = false;
        o.connection.sipLogin = u"1000"_s;
        o.connection.sipPassword = u"binding-secret"_s;
        o.connection.sipDomain = u"demo.callboard"_s;
        session = std::make_unique<wcs::Session>(o);
        calls = std::make_unique<services::CallService>(clock);
        streams = std::make_unique<services::StreamMonitor>(clock);
        sessions = std::make_unique<services::SessionMonitor>(clock);
        binding = std::make_unique<services::WcsBinding>(u"acc-1"_s, *session, *calls, *streams,
                                                         *sessions, clock);
        journal.clear();
        binding->setJournal([this](const services::JournalEntry& e) { journal.append(e); });
        session->open();
        QTRY_COMPARE_WITH_TIMEOUT(sessions->state(u"acc-1"_s).registration,
                                  core::RegistrationStatus::Registered, 5000);
    }

    void cleanup() {
        binding.reset();
        session.reset();
        server.reset();
    }

    void sessionStateFollowsTheServer() {
        const auto s = sessions->state(u"acc-1"_s);
        QVERIFY(s.registrationWanted);
        QCOMPARE(s.connection, core::SessionStatus::Established);
        QVERIFY(!s.sessionId.isEmpty());
        QVERIFY(session->startDebug());
        QTRY_COMPARE(sessions->state(u"acc-1"_s).debug, core::SessionDebugStatus::Started);
    }

    void callIntentsThroughTheService() {
        QSignalSpy ended(calls.get(), &services::CallService::callEnded);
        const QString id = calls->dial(u"acc-1"_s, u"9999"_s);
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY(calls->find(u"acc-1"_s, id) &&
                    calls->find(u"acc-1"_s, id)->status == core::CallStatus::Established);
        QVERIFY(calls->transfer(u"acc-1"_s, id, u"1234"_s)); // hold for transfer, then transfer
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 8000);
        const auto record = ended.first().at(0).value<services::CallRecord>();
        QCOMPARE(record.status, core::CallStatus::Finish);
        QCOMPARE(record.transferStatus, core::TransferStatus::Completed);
        QVERIFY(record.answeredAtMs > 0);
    }

    void streamsReachTheMonitor() {
        wcs::StreamRequest r;
        r.name = u"binding-cam"_s;
        const QString id = session->publishStream(r);
        QTRY_VERIFY(streams->rowOf(id) >= 0 &&
                    streams->at(streams->rowOf(id)).status == core::StreamStatus::Publishing);
        QCOMPARE(streams->at(streams->rowOf(id)).accountId, u"acc-1"_s);
        QCOMPARE(streams->at(streams->rowOf(id)).name, u"binding-cam"_s);
        // a player learns the publisher's size from the `resize` stream event
        const QString play = session->playStream(r);
        QTRY_VERIFY(streams->rowOf(play) >= 0 && streams->at(streams->rowOf(play)).width > 0);
        QCOMPARE(streams->at(streams->rowOf(play)).status, core::StreamStatus::Playing);
    }

    void everyEventIsJournaledWithoutSecrets() {
        const QString id = calls->dial(u"acc-1"_s, u"486"_s);
        QTRY_VERIFY(calls->find(u"acc-1"_s, id) && calls->find(u"acc-1"_s, id)->hasEnded());
        QStringList types;
        for (const auto& e : journal) {
            types << e.type;
            QVERIFY(!e.json.contains("binding-secret"));
            QCOMPARE(e.accountId, u"acc-1"_s);
        }
        QVERIFY(types.contains(u"ConnectionStatusEvent"_s));
        QVERIFY(types.contains(u"RegistrationStatusEvent"_s));
        QVERIFY(types.contains(u"CallStatusEvent"_s));
        const auto busy = std::find_if(journal.cbegin(), journal.cend(),
                                       [](const auto& e) { return e.status == u"BUSY"_s; });
        QVERIFY(busy != journal.cend());
        QCOMPARE(busy->objectId, id);
    }
};

QTEST_GUILESS_MAIN(tst_WcsBinding)
#include "tst_WcsBinding.moc"
