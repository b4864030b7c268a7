// Fault injection through the WCS emulator into the desktop app's services (FaultRig): the
// connection dropped at every step of connect, register, call, hold, transfer, publish and play;
// a stall longer than the receive watchdog; garbage and unknown frames; a server restart.
// After each: Callboard recovers by itself (registered again, can call again), shows the truth
// (the calls and streams that died are FAILED with the reason) and keeps every history and
// journal row (rows on disk == entries handed to the journal; the FAILED rows are among them).
#include "FaultRig.h"

#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include "services/WcsBinding.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;
using faults::FaultRig;

namespace {

/// Short delays so every step of a call, a registration and a stream lasts long enough
/// (>= 300 ms) to be hit by a fault, and the whole matrix stays within seconds.
constexpr char kScenario[] = R"({
  "registration": {"delayMs": 600, "unknownAccounts": "register"},
  "calls": {"ringAfterMs": 300, "transferStepMs": 400,
            "defaultCallee": {"answerAfterMs": 600}},
  "streams": {"publishDelayMs": 400, "playDelayMs": 400}
})";

} // namespace

class tst_FaultsWcs : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FaultRig> rig;
    std::unique_ptr<emulator::EmulatorServer> server;
    quint16 port = 0; ///< the emulator's port, kept across restarts
    QString account;  ///< WCS profile, sip login 1000

    /// Starts the emulator on `port` (0 the first time: any free port).
    void startServer() {
        server = std::make_unique<emulator::EmulatorServer>();
        const auto parsed = emulator::ScenarioParser::parse(kScenario);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        server->setScenario(*parsed.scenario);
        server->setControlPort(-1);
        server->setPingIntervalMs(200);
        QVERIFY2(server->listen(QHostAddress::LocalHost, port), qPrintable(server->errorString()));
        port = static_cast<quint16>(server->serverUrl().port());
    }

    /// A fresh service stack and emulator; the profile reconnects after 100..400 ms and gives
    /// the session up after `watchdogMs` without a frame.
    void setUp(int watchdogMs = 50000) {
        rig = std::make_unique<FaultRig>();
        rig->build();
        startServer();
        services::AccountProfile p;
        p.name = u"Desk"_s;
        p.serverUrl = QUrl(u"ws://127.0.0.1:%1"_s.arg(port));
        p.sipLogin = u"1000"_s;
        p.sipDomain = u"demo.callboard"_s;
        p.reconnectMinMs = 100;
        p.reconnectMaxMs = 400;
        p.watchdogMs = watchdogMs;
        account = rig->addAccount(p, u"1000-secret"_s);
        QVERIFY(!account.isEmpty());
    }

    void connectAndRegister() {
        QVERIFY(rig->connector->connectAccount(account));
        rig->waitRegistered(account);
    }

    core::CallStatus callStatus(const QString& id) const { return rig->callStatus(account, id); }
    const services::CallRecord* call(const QString& id) const { return rig->call(account, id); }

    void drop() { server->execute({{u"action"_s, u"drop"_s}}); }

    QString publish(const QString& name, bool published = true) {
        wcs::StreamRequest r;
        r.name = name;
        r.hasVideo = false;
        auto* binding = rig->connector->wcsBinding(account);
        if (!binding) {
            return {};
        }
        return published ? binding->publishStream(r) : binding->playStream(r);
    }

    /// The truth after a fault, and the recovery: every call in `deadCalls` and stream in
    /// `deadStreams` is FAILED with a reason, the account is registered again, a new call
    /// reaches ESTABLISHED, and every journal entry and ended call is on disk.
    void verifyAftermath(const QStringList& deadCalls, const QStringList& deadStreams,
                         const QString& reasonPrefix) {
        for (const QString& id : deadCalls) {
            QTRY_COMPARE_WITH_TIMEOUT(callStatus(id), core::CallStatus::Failed, 8000);
            const auto* c = call(id);
            QVERIFY2(c->info.startsWith(reasonPrefix), qPrintable(c->info));
            QVERIFY(c->hasEnded());
        }
        for (const QString& id : deadStreams) {
            QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(id), core::StreamStatus::Failed, 8000);
            QVERIFY2(rig->stream(id)->info.startsWith(reasonPrefix),
                     qPrintable(rig->stream(id)->info));
        }
        // recovers by itself
        rig->waitRegistered(account, 10000);
        QVERIFY(rig->sessions->state(account).lastFailure.size() > 0);
        const QString again = rig->calls->dial(account, u"9999"_s);
        QVERIFY(!again.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(again), core::CallStatus::Established, 8000);
        QVERIFY(rig->calls->hangUp(account, again));
        QTRY_VERIFY(call(again)->hasEnded());
        // nothing lost: every journal entry is a row, the FAILED ones among them; every ended
        // call is in the call history
        rig->verifyNothingLost();
        for (const QString& id : deadCalls) {
            QCOMPARE(rig->journalRows(u"CallStatusEvent"_s, id, u"FAILED"_s), 1);
            QCOMPARE(rig->historyEnd(account, id), std::make_pair(u"FAILED"_s, call(id)->info));
        }
        for (const QString& id : deadStreams) {
            QCOMPARE(rig->journalRows(u"StreamStatusEvent"_s, id, u"FAILED"_s), 1);
        }
    }

private Q_SLOTS:
    void init() { setUp(); }

    void cleanup() {
        rig.reset();
        server.reset();
        port = 0;
    }

    /// The server accepts TCP and drops it before the WebSocket handshake completes, several
    /// times; then the real server is back: the account connects and registers by itself.
    void dropWhileConnecting() {
        server.reset();
        QTcpServer refuser;
        QVERIFY(refuser.listen(QHostAddress::LocalHost, port));
        int accepted = 0;
        connect(&refuser, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* s = refuser.nextPendingConnection()) {
                ++accepted;
                s->abort();
                s->deleteLater();
            }
        });
        QVERIFY(rig->connector->connectAccount(account));
        QTRY_VERIFY_WITH_TIMEOUT(accepted >= 3, 8000);
        QCOMPARE(rig->sessions->state(account).connection, core::SessionStatus::Failed);
        QVERIFY(!rig->sessions->state(account).connectionInfo.isEmpty());
        refuser.close();
        startServer();
        verifyAftermath({}, {}, {});
    }

    /// Dropped after the session is established, while the registration is pending.
    void dropWhileRegistering() {
        QSignalSpy states(rig->sessions.get(), &services::SessionMonitor::stateChanged);
        bool dropped = false;
        connect(rig->sessions.get(), &services::SessionMonitor::stateChanged, this, [&] {
            if (!dropped &&
                rig->sessions->state(account).connection == core::SessionStatus::Established) {
                dropped = true;
                drop();
            }
        });
        QVERIFY(rig->connector->connectAccount(account));
        QTRY_VERIFY_WITH_TIMEOUT(dropped, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->sessions->state(account).connection,
                                  core::SessionStatus::Failed, 5000);
        verifyAftermath({}, {}, {});
    }

    void dropAtEveryCallStep_data() {
        QTest::addColumn<QString>("dropAt");
        for (const char* step : {"TRYING", "RING", "ESTABLISHED", "HOLD", "transfer ACCEPTED"}) {
            QTest::newRow(step) << QString::fromLatin1(step);
        }
    }

    /// A call (with a stream published beside it) when the connection drops at each step.
    void dropAtEveryCallStep() {
        QFETCH(QString, dropAt);
        connectAndRegister();
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        bool dropped = false;
        QString id;
        const bool forTransfer = dropAt == "transfer ACCEPTED"_L1;
        const auto step = [&](const QString&, const QString& callId) {
            if (dropped || callId != id) {
                return;
            }
            const auto* c = call(id);
            if (core::toWire(c->status) == dropAt ||
                (forTransfer && c->transferStatus == core::TransferStatus::Accepted)) {
                dropped = true;
                drop();
            } else if (c->status == core::CallStatus::Established && dropAt != "ESTABLISHED"_L1) {
                if (forTransfer) {
                    rig->calls->transfer(account, id, u"1234"_s);
                } else {
                    rig->calls->hold(account, id);
                }
            }
        };
        // the first event of a call adds it (TRYING), the later ones change it
        connect(rig->calls.get(), &services::CallService::callAdded, this, step);
        connect(rig->calls.get(), &services::CallService::callChanged, this, step);
        id = rig->calls->dial(account, u"2000"_s);
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(dropped, 8000);
        verifyAftermath({id}, {cam}, u"session ended"_s);
    }

    void dropAtEveryStreamStep_data() {
        QTest::addColumn<bool>("published");
        QTest::addColumn<QString>("dropAt");
        QTest::newRow("publish PENDING") << true << u"PENDING"_s;
        QTest::newRow("PUBLISHING") << true << u"PUBLISHING"_s;
        QTest::newRow("play PENDING") << false << u"PENDING"_s;
        QTest::newRow("PLAYING") << false << u"PLAYING"_s;
    }

    /// Publish or play (with a call established beside it) when the connection drops at each
    /// step of the stream.
    void dropAtEveryStreamStep() {
        QFETCH(bool, published);
        QFETCH(QString, dropAt);
        connectAndRegister();
        const QString callId = rig->calls->dial(account, u"9999"_s);
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(callId), core::CallStatus::Established, 5000);
        if (!published) { // something to play
            server->execute({{u"action"_s, u"publishBackground"_s}, {u"name"_s, u"lobby"_s}});
        }
        QString id;
        bool dropped = false;
        connect(rig->streams.get(), &services::StreamMonitor::rowsDirty, this, [&] {
            if (!dropped && !id.isEmpty() && rig->stream(id) &&
                core::toWire(rig->stream(id)->status) == dropAt) {
                dropped = true;
                drop();
            }
        });
        id = publish(published ? u"desk-cam"_s : u"lobby"_s, published);
        QVERIFY(!id.isEmpty());
        if (dropAt == "PENDING"_L1) { // the request is on the wire, the answer 400 ms away
            QTRY_VERIFY(rig->stream(id) != nullptr);
            if (!dropped) {
                dropped = true;
                drop();
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(dropped, 8000);
        verifyAftermath({callId}, {id}, u"session ended"_s);
    }

    /// The server goes silent (pings included) for longer than the receive watchdog: the
    /// client gives the session up, fails what was live, and reconnects.
    void stallLongerThanWatchdog() {
        cleanup();
        setUp(1500);
        connectAndRegister();
        const QString callId = rig->calls->dial(account, u"9999"_s);
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(callId), core::CallStatus::Established, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        server->execute({{u"action"_s, u"stall"_s}, {u"ms"_s, 4000}});
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(callId), core::CallStatus::Failed, 6000);
        QVERIFY2(call(callId)->info.contains("watchdog"_L1) ||
                     call(callId)->info.contains("no frame"_L1),
                 qPrintable(call(callId)->info));
        verifyAftermath({callId}, {cam}, u"session ended"_s);
    }

    /// Garbage and unknown frames are reported, and change nothing else: the session, the call
    /// and the stream go on.
    void garbageKeepsEverythingAlive() {
        connectAndRegister();
        const QString callId = rig->calls->dial(account, u"9999"_s);
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(callId), core::CallStatus::Established, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        const qint64 rowsBefore = rig->journalEntries;
        server->execute({{u"action"_s, u"garbage"_s}, {u"text"_s, u"{not json"_s}});
        server->execute({{u"action"_s, u"unknown"_s}, {u"message"_s, u"fancyNewThing"_s}});
        // both are in the journal as errors the user can see (Events pane, history)
        QTRY_COMPARE_WITH_TIMEOUT(rig->journalEntries, rowsBefore + 2, 3000);
        services::JournalQuery q;
        q.type = u"ErrorEvent"_s;
        const auto errors = rig->history->journal(q);
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors.at(0).json.contains("fancyNewThing"), errors.at(0).json.constData());
        QTest::qWait(500);
        QCOMPARE(callStatus(callId), core::CallStatus::Established);
        QCOMPARE(rig->streamStatus(cam), core::StreamStatus::Publishing);
        QCOMPARE(rig->sessions->state(account).registration, core::RegistrationStatus::Registered);
        QCOMPARE(rig->journalRows(), rig->journalEntries);
    }

    /// The server process goes away with a call and a stream live, and comes back on the same
    /// port two seconds later.
    void serverRestart() {
        connectAndRegister();
        const QString callId = rig->calls->dial(account, u"9999"_s);
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(callId), core::CallStatus::Established, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(callStatus(callId), core::CallStatus::Failed, 5000);
        QTest::qWait(2000); // a few refused reconnects
        QCOMPARE(rig->sessions->state(account).connection, core::SessionStatus::Failed);
        startServer();
        verifyAftermath({callId}, {cam}, u"session ended"_s);
    }
};

QTEST_GUILESS_MAIN(tst_FaultsWcs)
#include "tst_FaultsWcs.moc"
