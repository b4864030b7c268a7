// Fault injection through the WCS emulator into the desktop app's services (WcsFaultRig): the
// connection dropped at every step of connect, register, call, hold, transfer, publish and play;
// a stall longer than the receive watchdog; garbage and unknown frames; a server restart.
// After each: Callboard recovers by itself (registered again, can call again), shows the truth
// (the calls and streams that died are FAILED with the reason) and keeps every history and
// journal row (rows on disk == entries handed to the journal; the FAILED rows are among them).
#include "WcsFaultRig.h"

#include "services/WcsBinding.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;
using faults::WcsFaultRig;

class tst_FaultsWcs : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<WcsFaultRig> rig;

    void drop() { rig->server->execute({{u"action"_s, u"drop"_s}}); }

    QString publish(const QString& name, bool published = true) {
        wcs::StreamRequest r;
        r.name = name;
        r.hasVideo = false;
        auto* binding = rig->connector->wcsBinding(rig->account);
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
            QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(id), core::CallStatus::Failed, 8000);
            const auto* c = rig->call(id);
            QVERIFY2(c->info.startsWith(reasonPrefix), qPrintable(c->info));
            QVERIFY(c->hasEnded());
        }
        for (const QString& id : deadStreams) {
            QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(id), core::StreamStatus::Failed, 8000);
            QVERIFY2(rig->stream(id)->info.startsWith(reasonPrefix),
                     qPrintable(rig->stream(id)->info));
        }
        // recovers by itself
        rig->waitRegistered(10000);
        QVERIFY(rig->sessions->state(rig->account).lastFailure.size() > 0);
        const QString again = rig->calls->dial(rig->account, u"9999"_s);
        QVERIFY(!again.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(again), core::CallStatus::Established, 8000);
        QVERIFY(rig->calls->hangUp(rig->account, again));
        QTRY_VERIFY(rig->call(again)->hasEnded());
        // nothing lost: every journal entry is a row, the FAILED ones among them; every ended
        // call is in the call history
        QCOMPARE(rig->journalRows(), rig->journalEntries);
        for (const QString& id : deadCalls) {
            QCOMPARE(rig->journalRows(u"CallStatusEvent"_s, id, u"FAILED"_s), 1);
        }
        for (const QString& id : deadStreams) {
            QCOMPARE(rig->journalRows(u"StreamStatusEvent"_s, id, u"FAILED"_s), 1);
        }
        qsizetype ended = 0;
        for (const auto& c : rig->calls->calls()) {
            ended += c.hasEnded() ? 1 : 0;
        }
        QTRY_COMPARE(rig->callRows(), ended);
        QCOMPARE(rig->history->droppedCount(), 0);
    }

private Q_SLOTS:
    void init() {
        rig = std::make_unique<WcsFaultRig>();
        rig->startServer();
        rig->build();
    }

    void cleanup() { rig.reset(); }

    /// The server accepts TCP and drops it before the WebSocket handshake completes, several
    /// times; then the real server is back: the account connects and registers by itself.
    void dropWhileConnecting() {
        rig->server.reset();
        QTcpServer refuser;
        QVERIFY(refuser.listen(QHostAddress::LocalHost, rig->port));
        int accepted = 0;
        connect(&refuser, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* s = refuser.nextPendingConnection()) {
                ++accepted;
                s->abort();
                s->deleteLater();
            }
        });
        QVERIFY(rig->connector->connectAccount(rig->account));
        QTRY_VERIFY_WITH_TIMEOUT(accepted >= 3, 8000);
        QCOMPARE(rig->sessions->state(rig->account).connection, core::SessionStatus::Failed);
        QVERIFY(!rig->sessions->state(rig->account).connectionInfo.isEmpty());
        refuser.close();
        rig->startServer();
        verifyAftermath({}, {}, {});
    }

    /// Dropped after the session is established, while the registration is pending.
    void dropWhileRegistering() {
        QSignalSpy states(rig->sessions.get(), &services::SessionMonitor::stateChanged);
        bool dropped = false;
        connect(rig->sessions.get(), &services::SessionMonitor::stateChanged, this, [&] {
            if (!dropped &&
                rig->sessions->state(rig->account).connection == core::SessionStatus::Established) {
                dropped = true;
                drop();
            }
        });
        QVERIFY(rig->connector->connectAccount(rig->account));
        QTRY_VERIFY_WITH_TIMEOUT(dropped, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->sessions->state(rig->account).connection,
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
        rig->connectAndRegister();
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        bool dropped = false;
        QString id;
        const bool forTransfer = dropAt == "transfer ACCEPTED"_L1;
        const auto step = [&](const QString&, const QString& callId) {
            if (dropped || callId != id) {
                return;
            }
            const auto* c = rig->call(id);
            if (core::toWire(c->status) == dropAt ||
                (forTransfer && c->transferStatus == core::TransferStatus::Accepted)) {
                dropped = true;
                drop();
            } else if (c->status == core::CallStatus::Established && dropAt != "ESTABLISHED"_L1) {
                if (forTransfer) {
                    rig->calls->transfer(rig->account, id, u"1234"_s);
                } else {
                    rig->calls->hold(rig->account, id);
                }
            }
        };
        // the first event of a call adds it (TRYING), the later ones change it
        connect(rig->calls.get(), &services::CallService::callAdded, this, step);
        connect(rig->calls.get(), &services::CallService::callChanged, this, step);
        id = rig->calls->dial(rig->account, u"2000"_s);
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
        rig->connectAndRegister();
        const QString callId = rig->calls->dial(rig->account, u"9999"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(callId), core::CallStatus::Established, 5000);
        if (!published) { // something to play
            rig->server->execute({{u"action"_s, u"publishBackground"_s}, {u"name"_s, u"lobby"_s}});
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
        rig = std::make_unique<WcsFaultRig>();
        rig->startServer(200);
        rig->build(1500);
        rig->connectAndRegister();
        const QString callId = rig->calls->dial(rig->account, u"9999"_s);
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(callId), core::CallStatus::Established, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        rig->server->execute({{u"action"_s, u"stall"_s}, {u"ms"_s, 4000}});
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(callId), core::CallStatus::Failed, 6000);
        QVERIFY2(rig->call(callId)->info.contains("watchdog"_L1) ||
                     rig->call(callId)->info.contains("no frame"_L1),
                 qPrintable(rig->call(callId)->info));
        verifyAftermath({callId}, {cam}, u"session ended"_s);
    }

    /// Garbage and unknown frames are reported, and change nothing else: the session, the call
    /// and the stream go on.
    void garbageKeepsEverythingAlive() {
        rig->connectAndRegister();
        const QString callId = rig->calls->dial(rig->account, u"9999"_s);
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(callId), core::CallStatus::Established, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        const qint64 rowsBefore = rig->journalEntries;
        rig->server->execute({{u"action"_s, u"garbage"_s}, {u"text"_s, u"{not json"_s}});
        rig->server->execute({{u"action"_s, u"unknown"_s}, {u"message"_s, u"fancyNewThing"_s}});
        // both are in the journal as errors the user can see (Events pane, history)
        QTRY_COMPARE_WITH_TIMEOUT(rig->journalEntries, rowsBefore + 2, 3000);
        services::JournalQuery q;
        q.type = u"ErrorEvent"_s;
        const auto errors = rig->history->journal(q);
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors.at(0).json.contains("fancyNewThing"), errors.at(0).json.constData());
        QTest::qWait(500);
        QCOMPARE(rig->callStatus(callId), core::CallStatus::Established);
        QCOMPARE(rig->streamStatus(cam), core::StreamStatus::Publishing);
        QCOMPARE(rig->sessions->state(rig->account).registration,
                 core::RegistrationStatus::Registered);
        QCOMPARE(rig->journalRows(), rig->journalEntries);
    }

    /// The server process goes away with a call and a stream live, and comes back on the same
    /// port two seconds later.
    void serverRestart() {
        rig->connectAndRegister();
        const QString callId = rig->calls->dial(rig->account, u"9999"_s);
        const QString cam = publish(u"desk-cam"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(callId), core::CallStatus::Established, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig->streamStatus(cam), core::StreamStatus::Publishing, 5000);
        rig->server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rig->callStatus(callId), core::CallStatus::Failed, 5000);
        QTest::qWait(2000); // a few refused reconnects
        QCOMPARE(rig->sessions->state(rig->account).connection, core::SessionStatus::Failed);
        rig->startServer();
        verifyAftermath({callId}, {cam}, u"session ended"_s);
    }
};

QTEST_GUILESS_MAIN(tst_FaultsWcs)
#include "tst_FaultsWcs.moc"
