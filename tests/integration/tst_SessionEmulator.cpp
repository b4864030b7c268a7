// wcs::Session against the in-process emulator over loopback: the full call/stream/data flows,
// and a server drop at every step of a call with recovery afterwards.
#include "core/Lifecycle.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "wcs/Session.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

QStringList callStatuses(const QSignalSpy& spy, const QString& callId) {
    QStringList out;
    for (const auto& args : spy) {
        const auto e = args.at(0).value<core::CallStatusEvent>();
        if (e.callId == callId) {
            out << e.status.text();
        }
    }
    return out;
}

} // namespace

class tst_SessionEmulator : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emulator::EmulatorServer> server;
    std::unique_ptr<wcs::Session> session;

    void start(bool reconnect = false) {
        server = std::make_unique<emulator::EmulatorServer>();
        server->setScenario(emulator::ScenarioParser::demo());
        server->setControlPort(-1);
        server->setPingIntervalMs(200);
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        wcs::SessionOptions o;
        o.url = server->serverUrl();
        o.watchdogMs = 2000;
        o.autoReconnect = reconnect;
        o.reconnectMinMs = 100;
        o.reconnectMaxMs = 400;
        o.connection.sipLogin = QStringLiteral("1000");
        o.connection.sipDomain = QStringLiteral("demo.callboard");
        session = std::make_unique<wcs::Session>(o);
        session->open();
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), core::SessionStatus::Registered, 5000);
    }

    QString dial(const QString& callee) {
        wcs::CallRequest r;
        r.callee = callee;
        return session->call(r);
    }

private Q_SLOTS:
    void cleanup() {
        session.reset();
        server.reset();
    }

    void outgoingCallHoldTransfer() {
        start();
        QSignalSpy calls(session.get(), &wcs::Session::callStatusChanged);
        QSignalSpy transfers(session.get(), &wcs::Session::transferStatusChanged);
        QSignalSpy sdp(session.get(), &wcs::Session::remoteSdpReceived);
        const QString id = dial(QStringLiteral("9999"));
        QTRY_VERIFY(callStatuses(calls, id).contains(QStringLiteral("ESTABLISHED")));
        QCOMPARE(sdp.size(), 1);
        QVERIFY(sdp.first().at(1).toString().startsWith(QLatin1StringView("v=0")));
        QVERIFY(session->hold(id, true));
        QTRY_COMPARE(callStatuses(calls, id).last(), QStringLiteral("HOLD"));
        QVERIFY(session->transfer(id, QStringLiteral("1234")));
        QTRY_COMPARE_WITH_TIMEOUT(callStatuses(calls, id).last(), QStringLiteral("FINISH"), 8000);
        QStringList t;
        for (const auto& args : transfers) {
            t << args.at(0).value<core::TransferStatusEvent>().status.text();
        }
        QCOMPARE(t, (QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("TRYING"),
                                 QStringLiteral("COMPLETED")}));
    }

    void incomingCallAnsweredAndRejected() {
        start();
        QSignalSpy incoming(session.get(), &wcs::Session::incomingCallReceived);
        QSignalSpy calls(session.get(), &wcs::Session::callStatusChanged);
        server->execute({{QStringLiteral("action"), QStringLiteral("incomingCall")},
                         {QStringLiteral("caller"), QStringLiteral("2001")}});
        QTRY_COMPARE(incoming.size(), 1);
        const QString first = incoming.first().at(0).value<core::CallStatusEvent>().callId;
        QTRY_VERIFY(!session->remoteOffer(first).isEmpty());
        QVERIFY(session->answer(first));
        QTRY_VERIFY(callStatuses(calls, first).contains(QStringLiteral("ESTABLISHED")));
        QVERIFY(session->hangUp(first));
        QTRY_COMPARE(callStatuses(calls, first).last(), QStringLiteral("FINISH"));

        server->execute({{QStringLiteral("action"), QStringLiteral("incomingCall")},
                         {QStringLiteral("caller"), QStringLiteral("2002")}});
        QTRY_COMPARE(incoming.size(), 2);
        const QString second = incoming.at(1).at(0).value<core::CallStatusEvent>().callId;
        QVERIFY(session->hangUp(second)); // reject = hangup in any state (spec §7.2)
        QTRY_VERIFY(core::Lifecycle<core::CallStatus>::isTerminal(
            core::fromWire<core::CallStatus>(QStringView(callStatuses(calls, second).last()))
                .value));
    }

    void streamsDataAndDebug() {
        start();
        QSignalSpy streams(session.get(), &wcs::Session::streamStatusChanged);
        QSignalSpy data(session.get(), &wcs::Session::dataStatusReceived);
        QSignalSpy debug(session.get(), &wcs::Session::sessionDebugStatusChanged);
        wcs::StreamRequest r;
        r.name = QStringLiteral("it-cam");
        const QString pub = session->publishStream(r);
        QTRY_VERIFY(!streams.isEmpty());
        QCOMPARE(streams.last().at(0).value<core::StreamStatusEvent>().status.value,
                 core::StreamStatus::Publishing);
        QVERIFY(session->unPublishStream(pub));
        QTRY_COMPARE(streams.last().at(0).value<core::StreamStatusEvent>().status.value,
                     core::StreamStatus::Unpublished);
        session->sendData(QByteArrayLiteral(R"({"fail":true})"));
        QTRY_COMPARE(data.size(), 1);
        QCOMPARE(data.first().at(0).value<core::DataStatusEvent>().status.value,
                 core::DataStatus::Failed);
        QVERIFY(session->startDebug());
        QTRY_VERIFY(session->isDebugSessionOn());
        QVERIFY(session->stopDebug());
        QTRY_COMPARE(debug.size(), 2);
        QVERIFY(!debug.last().at(0).value<core::SessionDebugStatusEvent>().file.isEmpty());
    }

    void dropAtEveryCallStepRecovers_data() {
        QTest::addColumn<QString>("callee");
        QTest::addColumn<QString>("dropAt");
        QTest::newRow("TRYING") << QStringLiteral("5000") << QStringLiteral("TRYING");
        QTest::newRow("RING") << QStringLiteral("5000") << QStringLiteral("RING");
        QTest::newRow("ESTABLISHED") << QStringLiteral("9999") << QStringLiteral("ESTABLISHED");
        QTest::newRow("HOLD") << QStringLiteral("9999") << QStringLiteral("HOLD");
        QTest::newRow("transfer ACCEPTED") << QStringLiteral("9999") << QStringLiteral("ACCEPTED");
    }

    void dropAtEveryCallStepRecovers() {
        QFETCH(QString, callee);
        QFETCH(QString, dropAt);
        start(true);
        QSignalSpy calls(session.get(), &wcs::Session::callStatusChanged);
        QSignalSpy status(session.get(), &wcs::Session::connectionStatusChanged);
        bool dropped = false;
        const auto drop = [&] {
            if (!dropped) {
                dropped = true;
                server->execute({{QStringLiteral("action"), QStringLiteral("drop")}});
            }
        };
        const QString id = dial(callee);
        connect(session.get(), &wcs::Session::callStatusChanged, this,
                [&](const core::CallStatusEvent& e) {
                    if (e.callId != id) {
                        return;
                    }
                    if (e.status.text() == dropAt) {
                        drop();
                    } else if (e.status == core::CallStatus::Established &&
                               dropAt != QLatin1StringView("ESTABLISHED")) {
                        session->hold(id, dropAt == QLatin1StringView("ACCEPTED"));
                    } else if (e.status == core::CallStatus::Hold &&
                               dropAt == QLatin1StringView("ACCEPTED")) {
                        session->transfer(id, QStringLiteral("1234"));
                    }
                });
        connect(session.get(), &wcs::Session::transferStatusChanged, this,
                [&](const core::TransferStatusEvent& t) {
                    if (t.status.text() == dropAt) {
                        drop();
                    }
                });
        QTRY_VERIFY_WITH_TIMEOUT(dropped, 8000);
        // The truth after the drop: the call is FAILED with the reason, the session FAILED.
        QTRY_COMPARE_WITH_TIMEOUT(callStatuses(calls, id).last(), QStringLiteral("FAILED"), 5000);
        const auto failedCall = calls.last().at(0).value<core::CallStatusEvent>();
        QVERIFY2(failedCall.info.startsWith(QLatin1StringView("session ended")),
                 qPrintable(failedCall.info));
        // ...and it recovers by itself: a new session, registered, that can call again.
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), core::SessionStatus::Registered, 8000);
        bool sawFailed = false;
        for (const auto& args : status) {
            sawFailed |= args.at(0).value<core::ConnectionStatusEvent>().status ==
                         core::SessionStatus::Failed;
        }
        QVERIFY(sawFailed);
        const QString again = dial(QStringLiteral("9999"));
        QTRY_VERIFY_WITH_TIMEOUT(callStatuses(calls, again).contains(QStringLiteral("ESTABLISHED")),
                                 5000);
    }
};

QTEST_GUILESS_MAIN(tst_SessionEmulator)
#include "tst_SessionEmulator.moc"
