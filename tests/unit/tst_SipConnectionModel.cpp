// Connection vocabulary of src/sip: event names (§5.1), state machine (§6.2), parameter
// validation (§3.2), derived values (§3.3) and the configuration payload (§3.4).
#include "sip/ConnectionConfig.h"
#include "sip/ConnectionEvent.h"
#include "sip/ConnectionParameters.h"
#include "sip/ConnectionStateMachine.h"
#include "sip/SipCause.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SM = sip::ConnectionStateMachine;
using S = SM::State;
using I = SM::Input;

Q_DECLARE_METATYPE(SM::State)
Q_DECLARE_METATYPE(SM::Input)

namespace {

/// Drives a fresh machine into `state` along legal §6.2 paths.
void driveTo(SM& m, S state) {
    switch (state) {
    case S::Idle:
        return;
    case S::Preparing:
        m.send(I::StartConnect);
        return;
    case S::Connecting:
        driveTo(m, S::Preparing);
        m.send(I::StartUa);
        return;
    case S::Connected:
        driveTo(m, S::Connecting);
        m.send(I::UaConnected, true);
        return;
    case S::Established:
        driveTo(m, S::Connecting);
        m.send(I::UaConnected, false);
        return;
    case S::Disconnecting:
        driveTo(m, S::Established);
        m.send(I::StartDisconnect);
        return;
    case S::Disconnected:
        driveTo(m, S::Preparing);
        m.send(I::UaDisconnected);
        return;
    case S::Registered:
        return; // transient, never settled in
    }
}

} // namespace

class tst_SipConnectionModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventNames() {
        const QStringList expected{u"connecting"_s,
                                   u"connected"_s,
                                   u"disconnected"_s,
                                   u"disconnecting"_s,
                                   u"newRTCSession"_s,
                                   u"registered"_s,
                                   u"unregistered"_s,
                                   u"registrationFailed"_s,
                                   u"newMessage"_s,
                                   u"sipEvent"_s,
                                   u"connect-started"_s,
                                   u"connect-succeeded"_s,
                                   u"connect-failed"_s,
                                   u"connect-parameters-resolve-success"_s,
                                   u"connect-parameters-resolve-failed"_s,
                                   u"connected-with-configuration"_s};
        QCOMPARE(expected.size(), sip::kConnectionEventCount);
        for (int i = 0; i < sip::kConnectionEventCount; ++i) {
            const auto e = static_cast<sip::ConnectionEvent>(i);
            QCOMPARE(sip::toWire(e), expected.at(i));
            QCOMPARE(sip::qualifiedName(e), u"connection:"_s + expected.at(i));
            QCOMPARE(sip::connectionEventFromWire(sip::qualifiedName(e)), e);
            QCOMPARE(sip::connectionEventFromWire(expected.at(i)), e);
        }
        QVERIFY(!sip::connectionEventFromWire(u"connection:bogus"_s));
    }

    void transitions_data() {
        QTest::addColumn<S>("from");
        QTest::addColumn<I>("input");
        QTest::addColumn<bool>("reg");
        QTest::addColumn<S>("to");
        QTest::newRow("idle START_CONNECT") << S::Idle << I::StartConnect << false << S::Preparing;
        QTest::newRow("idle UA_CONNECTED ignored") << S::Idle << I::UaConnected << false << S::Idle;
        QTest::newRow("preparing START_UA") << S::Preparing << I::StartUa << false << S::Connecting;
        QTest::newRow("preparing UA_DISCONNECTED")
            << S::Preparing << I::UaDisconnected << false << S::Disconnected;
        QTest::newRow("connecting UA_CONNECTED no reg")
            << S::Connecting << I::UaConnected << false << S::Established;
        QTest::newRow("connecting UA_CONNECTED reg")
            << S::Connecting << I::UaConnected << true << S::Connected;
        QTest::newRow("connecting UA_REGISTERED")
            << S::Connecting << I::UaRegistered << true << S::Established;
        QTest::newRow("connecting UA_CONNECTING ignored")
            << S::Connecting << I::UaConnecting << false << S::Connecting;
        QTest::newRow("connecting START_DISCONNECT")
            << S::Connecting << I::StartDisconnect << false << S::Disconnecting;
        QTest::newRow("connecting UA_DISCONNECTED")
            << S::Connecting << I::UaDisconnected << false << S::Disconnected;
        QTest::newRow("connected UA_REGISTERED")
            << S::Connected << I::UaRegistered << true << S::Established;
        QTest::newRow("connected UA_DISCONNECTED (registrationFailed)")
            << S::Connected << I::UaDisconnected << true << S::Disconnected;
        QTest::newRow("established UA_UNREGISTERED ignored")
            << S::Established << I::UaUnregistered << false << S::Established;
        QTest::newRow("established UA_DISCONNECTED")
            << S::Established << I::UaDisconnected << false << S::Disconnected;
        QTest::newRow("established RESET") << S::Established << I::Reset << false << S::Idle;
        QTest::newRow("disconnecting UA_DISCONNECTED")
            << S::Disconnecting << I::UaDisconnected << false << S::Disconnected;
        QTest::newRow("disconnecting RESET ignored")
            << S::Disconnecting << I::Reset << false << S::Disconnecting;
        QTest::newRow("disconnected START_DISCONNECT ignored")
            << S::Disconnected << I::StartDisconnect << false << S::Disconnected;
        QTest::newRow("disconnected UA_CONNECTING")
            << S::Disconnected << I::UaConnecting << false << S::Connecting;
        QTest::newRow("disconnected RESET") << S::Disconnected << I::Reset << false << S::Idle;
        QTest::newRow("disconnected START_CONNECT")
            << S::Disconnected << I::StartConnect << false << S::Preparing;
    }
    void transitions() {
        QFETCH(S, from);
        QFETCH(I, input);
        QFETCH(bool, reg);
        QFETCH(S, to);
        SM m;
        driveTo(m, from);
        QCOMPARE(m.state(), from);
        QList<S> seen;
        connect(&m, &SM::stateChanged, this, [&seen](S s) { seen.append(s); });
        QCOMPARE(m.send(input, reg), from != to);
        QCOMPARE(m.state(), to);
        QCOMPARE(seen.size(), from != to ? 1 : 0); // transient hops are not reported
    }

    void validation_data() {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("reg");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok anonymous")
            << u"d"_s << u"h:1"_s << false << QString() << QString() << QString();
        QTest::newRow("ok registered") << u"d"_s << u"h"_s << true << u"u"_s << u"p"_s << QString();
        QTest::newRow("ip first") << QString() << QString() << true << QString() << QString()
                                  << u"sipServerIp is required"_s;
        QTest::newRow("url") << u"d"_s << u"  "_s << true << QString() << QString()
                             << u"sipServerUrl is required"_s;
        QTest::newRow("password before user")
            << u"d"_s << u"h"_s << true << QString() << QString()
            << u"password is required for authorized connection"_s;
        QTest::newRow("user blank") << u"d"_s << u"h"_s << true << u"  "_s << u"p"_s
                                    << u"user is required for authorized connection"_s;
    }
    void validation() {
        QFETCH(QString, ip);
        QFETCH(QString, url);
        QFETCH(bool, reg);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, error);
        sip::ConnectionParameters p;
        p.sipServerIp = ip;
        p.sipServerUrl = url;
        p.register_ = reg;
        if (!user.isNull()) {
            p.user = user;
        }
        if (!password.isNull()) {
            p.password = password;
        }
        QCOMPARE(p.validate().value_or(QString()), error);
    }

    void derivedValues() {
        sip::ConnectionParameters p;
        p.sipServerIp = u"vcs.example.org"_s;
        p.sipServerUrl = u"vcs.example.org:8443"_s;
        p.displayName = u"  Ivan Petrov "_s;
        QCOMPARE(p.webSocketUrl().toString(), u"wss://vcs.example.org:8443/webrtc/wss/"_s);
        QCOMPARE(p.wireDisplayName(), u"Ivan_Petrov"_s);
        p.sipServerUrl = u"ws://127.0.0.1:5066/"_s;
        QCOMPARE(p.webSocketUrl().toString(), u"ws://127.0.0.1:5066/"_s);

        auto anon = sip::ConnectionConfig::derive(p, [] { return 4242424; });
        QCOMPARE(anon.authorizationUser, u"4242424"_s);
        QCOMPARE(anon.aor(), u"sip:4242424@vcs.example.org"_s);
        for (int i = 0; i < 200; ++i) {
            const int n = sip::ConnectionConfig::derive(p).authorizationUser.toInt();
            QVERIFY(n >= 100000 && n < 99999999);
        }
        p.register_ = true;
        p.user = u" 1001 "_s;
        p.password = u"pw"_s;
        const auto reg = sip::ConnectionConfig::derive(p);
        QCOMPARE(reg.authorizationUser, u"1001"_s);
        const QJsonObject cfg = reg.toJson();
        QCOMPARE(cfg.value(u"displayName"_s).toString(), u"  Ivan Petrov "_s); // as given
        QCOMPARE(cfg.value(u"password"_s).toString(), u"pw"_s);                // parity (§3.4)
        QCOMPARE(cfg.value(u"register"_s).toBool(), true);
        QVERIFY(!cfg.contains(u"maxAvailableResolution"_s));
        const QSet<QString> keys{u"sipServerIp"_s, u"sipServerUrl"_s, u"remoteAddress"_s,
                                 u"iceServers"_s,  u"displayName"_s,  u"authorizationUser"_s,
                                 u"register"_s,    u"user"_s,         u"password"_s};
        const QStringList cfgKeys = cfg.keys();
        QCOMPARE(QSet<QString>(cfgKeys.begin(), cfgKeys.end()), keys);
        QCOMPARE(sip::ConnectionParameters::redactedJson(p.toJson()).value(u"password"_s),
                 u"<redacted>"_s);
    }

    void causes_data() {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("cause");
        QTest::newRow("401") << 401 << u"Authentication Error"_s;
        QTest::newRow("407") << 407 << u"Authentication Error"_s;
        QTest::newRow("403") << 403 << u"Rejected"_s;
        QTest::newRow("404") << 404 << u"Not Found"_s;
        QTest::newRow("480") << 480 << u"Unavailable"_s;
        QTest::newRow("486") << 486 << u"Busy"_s;
        QTest::newRow("484") << 484 << u"Address Incomplete"_s;
        QTest::newRow("488") << 488 << u"Incompatible SDP"_s;
        QTest::newRow("302") << 302 << u"Redirected"_s;
        QTest::newRow("500") << 500 << u"SIP Failure Code"_s;
    }
    void causes() {
        QFETCH(int, code);
        QFETCH(QString, cause);
        QCOMPARE(sip::SipCause::forStatus(code), cause);
    }
};

QTEST_GUILESS_MAIN(tst_SipConnectionModel)
#include "tst_SipConnectionModel.moc"
