// Fault injection through the real Kamailio testbed into the desktop app's services (FaultRig)
// with SIP-over-WebSocket accounts alice, bob and carol: handshakes refused while connecting,
// alice's WebSocket closed by the server when registered and at every step of a call to bob
// (ringing, established, on hold; and a blind transfer of the baresip peer dave to carol, accepted
// and under way), and a server restart with
// a call up. After each: the accounts register again by themselves, the calls that died are
// FAILED with the reason, a new call works, and every journal and history row is kept.
#include "FaultRig.h"

#include "integration/SipKamailioFixture.h"
#include "support/KamailioTestbed.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using faults::FaultRig;

class tst_FaultsSip : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<testsupport::KamailioTestbed> kam;
    std::unique_ptr<FaultRig> rig;
    QHash<QString, QString> ids; ///< user -> account id

    QString addUser(const QString& user) {
        services::AccountProfile p;
        p.name = user;
        p.backend = services::AccountProfile::Backend::SipWebSocket;
        p.serverUrl = QUrl(kam->wsUrl());
        p.sipLogin = user;
        p.sipDomain = u"sip.test"_s;
        p.reconnectMinMs = 1000;
        p.reconnectMaxMs = 2000;
        return rig->addAccount(p, user + u"-secret"_s);
    }

    /// Connects `user` and waits for its registration.
    void bringUp(const QString& user) {
        ids.insert(user, addUser(user));
        QVERIFY(!ids.value(user).isEmpty());
        QVERIFY(rig->connector->connectAccount(ids.value(user)));
        rig->waitRegistered(ids.value(user), 10000);
    }

    /// WebSocket connection ids in `ws.dump`, oldest first.
    QList<int> wsConnections() const {
        QList<int> out;
        static const QRegularExpression line(u"^\\s*(\\d+):"_s,
                                             QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(kam->kamcmd({u"ws.dump"_s})); it.hasNext();) {
            out.append(it.next().captured(1).toInt());
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    /// Closes alice's WebSocket from the server side (she connected first: the oldest id).
    void dropAlice() {
        const QList<int> open = wsConnections();
        QVERIFY(!open.isEmpty());
        kam->kamcmd({u"ws.close"_s, QString::number(open.first())});
    }

    core::CallStatus status(const QString& user, const QString& callId) const {
        return rig->callStatus(ids.value(user), callId);
    }

    /// Bob's ringing call (the newest incoming call of his account), empty when none.
    QString bobsIncomingCall() const {
        for (const auto& c : rig->calls->calls()) {
            if (c.accountId == ids.value(u"bob"_s) &&
                c.direction == services::CallRecord::Direction::Incoming && !c.hasEnded()) {
                return c.callId;
            }
        }
        return {};
    }

    /// After a fault: alice's `deadCall` is FAILED with a reason; every account is registered
    /// again by itself; alice can call bob again; nothing was lost.
    void verifyAftermath(const QString& deadCall) {
        const QString alice = ids.value(u"alice"_s);
        if (!deadCall.isEmpty()) {
            QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, deadCall), core::CallStatus::Failed,
                                      10000);
            const QString info = rig->call(alice, deadCall)->info;
            QVERIFY2(!info.isEmpty(), "a dead call says why");
            // the call history keeps it as it ended (SIP accounts journal the raw connection
            // events; the call's own row is in the history)
            QTRY_COMPARE(rig->historyEnd(alice, deadCall), std::make_pair(u"FAILED"_s, info));
        }
        for (const QString& id : std::as_const(ids)) {
            rig->waitRegistered(id, 15000);
        }
        // Bob's phone cannot know at once that alice's connection died (no BYE or CANCEL
        // reaches him; without media only the session timer would tell): his user hangs up
        // the leftover call, and it ends.
        if (const QString stale = bobsIncomingCall(); !stale.isEmpty()) {
            QVERIFY(rig->calls->hangUp(ids.value(u"bob"_s), stale));
            QTRY_VERIFY_WITH_TIMEOUT(bobsIncomingCall().isEmpty(), 10000);
        }
        const QString again = rig->calls->dial(alice, u"bob"_s);
        QVERIFY(!again.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!bobsIncomingCall().isEmpty(), 10000);
        QVERIFY(rig->calls->answer(ids.value(u"bob"_s), bobsIncomingCall()));
        QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, again), core::CallStatus::Established, 10000);
        QVERIFY(rig->calls->hangUp(alice, again));
        QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, again), core::CallStatus::Finish, 10000);
        rig->verifyNothingLost();
    }

private Q_SLOTS:
    void init() {
        kam = std::make_unique<testsupport::KamailioTestbed>();
        QVERIFY2(kam->start(), qPrintable(kam->error()));
        rig = std::make_unique<FaultRig>();
        rig->build();
        ids.clear();
    }

    void cleanup() {
        if (QTest::currentTestFailed() && kam) {
            qWarning().noquote() << "kamailio log tail:\n" << kam->logTail();
        }
        rig.reset();
        kam.reset();
    }

    /// Handshakes refused (HTTP 503) while alice connects; then the server takes them again.
    void refusedWhileConnecting() {
        kam->kamcmd({u"ws.disable"_s});
        ids.insert(u"alice"_s, addUser(u"alice"_s));
        QVERIFY(rig->connector->connectAccount(ids.value(u"alice"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig->sessions->state(ids.value(u"alice"_s)).connection,
                                  core::SessionStatus::Failed, 10000);
        QVERIFY(!rig->sessions->state(ids.value(u"alice"_s)).lastFailure.isEmpty());
        kam->kamcmd({u"ws.enable"_s});
        rig->waitRegistered(ids.value(u"alice"_s), 15000);
        bringUp(u"bob"_s);
        verifyAftermath({});
    }

    /// Alice registered and idle when the server closes her connection.
    void dropWhenRegistered() {
        bringUp(u"alice"_s);
        bringUp(u"bob"_s);
        dropAlice();
        QTRY_VERIFY_WITH_TIMEOUT(rig->sessions->state(ids.value(u"alice"_s)).registration !=
                                     core::RegistrationStatus::Registered,
                                 5000);
        verifyAftermath({});
    }

    void dropAtEveryCallStep_data() {
        QTest::addColumn<QString>("dropAt");
        for (const char* step : {"RING", "ESTABLISHED", "HOLD", "transfer ACCEPTED"}) {
            QTest::newRow(step) << QString::fromLatin1(step);
        }
    }

    /// Alice calls bob; her connection is closed by the server at each step of the call.
    /// The transfer row calls the baresip peer dave instead (Callboard declines a REFER) and
    /// transfers him to carol, who lets it ring: the drop comes while the transfer is under way.
    void dropAtEveryCallStep() {
        QFETCH(QString, dropAt);
        const bool transfer = dropAt == "transfer ACCEPTED"_L1;
        bringUp(u"alice"_s);
        bringUp(u"bob"_s);
        bringUp(u"carol"_s);
        sipfixture::BaresipPeer dave;
        if (transfer) {
            QVERIFY2(dave.start(*kam, u"dave"_s, {u"--auto-answer"_s}), qPrintable(dave.output()));
        }
        const QString alice = ids.value(u"alice"_s);
        const QString id = rig->calls->dial(alice, transfer ? u"dave"_s : u"bob"_s);
        QVERIFY(!id.isEmpty());
        if (!transfer) {
            QTRY_VERIFY_WITH_TIMEOUT(!bobsIncomingCall().isEmpty(), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, id), core::CallStatus::Ring, 10000);
        }
        if (dropAt != "RING"_L1) {
            if (!transfer) {
                QVERIFY(rig->calls->answer(ids.value(u"bob"_s), bobsIncomingCall()));
            }
            QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, id), core::CallStatus::Established, 10000);
        }
        if (dropAt == "HOLD"_L1) {
            QVERIFY(rig->calls->hold(alice, id));
            QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, id), core::CallStatus::Hold, 10000);
        } else if (transfer) {
            QVERIFY(rig->calls->transfer(alice, id, u"carol"_s));
            QTRY_VERIFY_WITH_TIMEOUT(
                rig->call(alice, id)->transferStatus == core::TransferStatus::Accepted ||
                    rig->call(alice, id)->transferStatus == core::TransferStatus::Trying,
                10000);
        }
        dropAlice();
        verifyAftermath(id);
    }

    /// The server process is restarted (same ports, registrations forgotten) with a call up.
    void serverRestart() {
        bringUp(u"alice"_s);
        bringUp(u"bob"_s);
        const QString alice = ids.value(u"alice"_s);
        const QString id = rig->calls->dial(alice, u"bob"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!bobsIncomingCall().isEmpty(), 10000);
        QVERIFY(rig->calls->answer(ids.value(u"bob"_s), bobsIncomingCall()));
        QTRY_COMPARE_WITH_TIMEOUT(status(u"alice"_s, id), core::CallStatus::Established, 10000);
        QVERIFY2(kam->restart(), qPrintable(kam->error()));
        verifyAftermath(id);
    }
};

QTEST_GUILESS_MAIN(tst_FaultsSip)
#include "tst_FaultsSip.moc"
