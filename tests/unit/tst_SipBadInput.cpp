// sip::ConnectionManager / UserAgent against a loopback QWebSocketServer that the test scripts
// frame by frame: bad input (malformed SIP, oversized, unknown methods, stray responses) is
// answered or ignored as RFC 3261 says, reported through inputRejected(), and the connection
// survives. Also: connect-flow failures without a server (§3.2, §5.4), Timer F, digest on the
// wire, and an abrupt drop (§5.10).
#include "sip/ConnectionManager.h"
#include "sip/DigestAuth.h"
#include "sip/SipMessage.h"
#include "support/SipEventRecorder.h"
#include "support/SipLoopbackServer.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using testsupport::SipEventRecorder;
using testsupport::SipLoopbackServer;

namespace {

QByteArray request(const QByteArray& method, const QByteArray& ruri, const QByteArray& callId,
                   const QByteArray& extra = {}, const QByteArray& body = {}) {
    return method + ' ' + ruri +
           " SIP/2.0\n"
           "Via: SIP/2.0/WS proxy.invalid;branch=z9hG4bK-" +
           callId +
           "\n"
           "Max-Forwards: 70\n"
           "From: <sip:peer@example.net>;tag=pt\n"
           "To: <sip:target@sip.test>" +
           extra +
           "\n"
           "Call-ID: " +
           callId +
           "\n"
           "CSeq: 5 " +
           method +
           "\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\n\n" + body;
}

int statusOf(const QByteArray& frame) {
    const auto m = sip::SipMessage::parse(frame);
    return m && m->isResponse() ? m->statusCode() : -1;
}

} // namespace

class tst_SipBadInput : public QObject {
    Q_OBJECT

    sip::ConnectionParameters params(const QString& url, bool reg = false) {
        sip::ConnectionParameters p;
        p.sipServerIp = u"sip.test"_s;
        p.sipServerUrl = url;
        p.register_ = reg;
        if (reg) {
            p.user = u"alice"_s;
            p.password = u"alice-secret"_s;
        }
        return p;
    }

private Q_SLOTS:
    void badInputIsAnsweredOrIgnoredAndTheConnectionSurvives() {
        SipLoopbackServer server;
        QVERIFY(server.listen());
        ConnectionManager m;
        SipEventRecorder rec(m);
        QList<QString> rejected;
        connect(&m, &ConnectionManager::inputRejected, this,
                [&rejected](const QString& why, const QByteArray&) { rejected.append(why); });
        m.connectTo(params(server.url()));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 5000) >= 0);
        QTRY_VERIFY(server.client());
        const QByteArray me =
            "sip:" + m.connectionConfiguration()->authorizationUser.toUtf8() + "@sip.test";

        struct Case {
            const char* name;
            QByteArray frame;
            int expected; // status code, 0 = no answer
            bool rejected;
        };
        const QByteArray big(70 * 1024, 'x');
        const QList<Case> cases{
            {"garbage", "\x01\x02garbage\xff", 0, true},
            {"json", "{\"message\":\"ping\"}", 0, true},
            {"missing CSeq",
             "OPTIONS " + me +
                 " SIP/2.0\nVia: SIP/2.0/WS p.invalid;branch=z9hG4bK-x\n"
                 "From: <sip:p@e>;tag=1\nTo: <" +
                 me + ">\nCall-ID: nocseq\n\n",
             0, true},
            {"options", request("OPTIONS", me, "c-options"), 200, false},
            {"unknown method", request("FROBNICATE", me, "c-unknown"), 501, false},
            {"subscribe", request("SUBSCRIBE", me, "c-sub"), 405, false},
            {"bye out of dialog", request("BYE", me, "c-bye"), 481, false},
            {"in-dialog without dialog", request("MESSAGE", me, "c-totag", ";tag=zz"), 481, false},
            {"other user", request("MESSAGE", "sip:nobody@sip.test", "c-other"), 404, false},
            {"sips", request("MESSAGE", "sips:x@sip.test", "c-sips"), 416, false},
            {"oversized", request("MESSAGE", me, "c-big", {}, big), 513, true},
            {"stray response",
             "SIP/2.0 200 OK\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bK-nobody\n"
             "From: <sip:a@b>;tag=1\nTo: <sip:a@b>;tag=2\nCall-ID: c-stray\n"
             "CSeq: 1 OPTIONS\nContent-Length: 0\n\n",
             0, true},
            {"ack absorbed", request("ACK", me, "c-ack"), 0, false},
        };
        for (const Case& c : cases) {
            const qsizetype before = server.frameCount();
            const qsizetype rejectedBefore = rejected.size();
            server.send(c.frame);
            if (c.expected != 0) {
                const QByteArray callId =
                    "Call-ID: " + c.frame.mid(c.frame.indexOf("Call-ID: ") + 9,
                                              c.frame.indexOf('\n', c.frame.indexOf("Call-ID: ")) -
                                                  c.frame.indexOf("Call-ID: ") - 9);
                const QByteArray answer = server.waitFrame(callId.trimmed(), 3000, before);
                QVERIFY2(!answer.isEmpty(), c.name);
                QCOMPARE(statusOf(answer), c.expected);
                if (c.expected == 405 || c.expected == 501) {
                    QVERIFY2(answer.contains("Allow: "), c.name);
                }
            } else {
                QTest::qWait(150);
                QCOMPARE(server.frameCount(), before); // nothing answered
            }
            QCOMPARE(rejected.size() > rejectedBefore, c.rejected);
        }
        // keep-alive ping over the socket (§8.1)
        const qsizetype before = server.frameCount();
        server.client()->sendTextMessage(u"\r\n\r\n"_s);
        QTRY_VERIFY(server.frameCount() > before);
        QCOMPARE(server.frames().at(before), QByteArray("\r\n"));
        // a binary frame is SIP too (§8.1)
        QByteArray opt = request("OPTIONS", me, "c-binary");
        opt.replace("\n", "\r\n");
        const qsizetype beforeBinary = server.frameCount();
        server.client()->sendBinaryMessage(opt);
        QCOMPARE(statusOf(server.waitFrame("c-binary", 3000, beforeBinary)), 200);

        QVERIFY(!rec.names().contains(u"disconnected"_s));
        QCOMPARE(m.connectionState(), u"connection:established"_s);
        QVERIFY(m.isTransportConnected());
    }

    void incomingMessageAndNotifyEvents() {
        SipLoopbackServer server;
        QVERIFY(server.listen());
        ConnectionManager m;
        SipEventRecorder rec(m);
        m.connectTo(params(server.url()));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 5000) >= 0);
        QTRY_VERIFY(server.client());
        const QByteArray me =
            "sip:" + m.connectionConfiguration()->authorizationUser.toUtf8() + "@sip.test";
        rec.clear();
        server.send(request("MESSAGE", me, "c-msg", {}, "hello"));
        QCOMPARE(statusOf(server.waitFrame("c-msg")), 200);
        server.send(request("NOTIFY", me, "c-notify")
                        .replace("Max-Forwards", "Event: presence;id=3\nMax-Forwards"));
        QCOMPARE(statusOf(server.waitFrame("c-notify")), 200);
        QCOMPARE(rec.names(), (QStringList{u"newMessage"_s, u"sipEvent"_s}));
        QCOMPARE(rec.entries().at(0).payload.value(u"request"_s).toObject().value(u"body"_s),
                 u"hello"_s);
        QCOMPARE(rec.entries().at(1).payload.value(u"event"_s).toObject().value(u"event"_s),
                 u"presence"_s);
    }

    void validationErrorFailsTheConnect() { // §3.2 / §5.4
        ConnectionManager m;
        SipEventRecorder rec(m);
        sip::ConnectionParameters p = params(u"ws://127.0.0.1:1/"_s, true);
        p.password.reset();
        m.connectTo(p);
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connect-failed"_s}));
        QCOMPARE(rec.entries().last().payload.value(u"message"_s).toString(),
                 u"password is required for authorized connection"_s);
        QCOMPARE(m.connectionState(), u"connection:disconnected"_s); // not idle (§5.4)
        m.disconnectFromServer(); // no UA, nothing pending: no-op
        QCOMPARE(rec.names().size(), 3);
    }

    void disconnectWhileConnectingCancels() { // §5.1: a cancelled connect emits no connect-failed
        SipLoopbackServer server;
        QVERIFY(server.listen());
        ConnectionManager m;
        SipEventRecorder rec(m);
        m.connectTo(params(server.url()));
        m.disconnectFromServer(); // the socket is still opening
        QTRY_VERIFY(m.isIdle());
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"disconnecting"_s, u"disconnected"_s}));
        QCOMPARE(rec.entries().last().payload.value(u"error"_s).toBool(), false);
        QTest::qWait(300);
        QCOMPARE(rec.names().size(), 5); // nothing late (no recovery, no connect-failed)
    }

    void connectTriesAreBoundedAndSpaced() { // §7.1: handshake failures only, N tries
        QTcpServer closed;                   // a port that certainly refuses: bound, then closed
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        sip::ConnectionManagerOptions o;
        o.numberOfConnectionAttempts = 3;
        ConnectionManager m(o);
        SipEventRecorder rec(m);
        sip::ConnectionParameters p = params(u"ws://127.0.0.1:%1/"_s.arg(port));
        p.connectionRecoveryMinInterval = 1;
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-failed"_s, 8000) >= 0);
        QTRY_COMPARE(rec.names().size(), 11); // + disconnecting, disconnected: the §5.6 teardown
        QCOMPARE(
            rec.names().mid(0, 9),
            (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                         u"connecting"_s, u"disconnected"_s, u"connecting"_s, u"disconnected"_s,
                         u"connecting"_s, u"disconnected"_s, u"connect-failed"_s}));
        const auto& e = rec.entries();
        for (int i : {2, 4, 6}) {
            QCOMPARE(e.at(i).payload.value(u"attempts"_s).toInt(), 0); // a new try, not recovery
        }
        QVERIFY2(e.at(4).atMs - e.at(3).atMs >= 900, "tries are min-interval apart");
        QTest::qWait(1500);
        QCOMPARE(rec.names().count(u"connecting"_s), 3); // nothing after connect-failed
    }

    void providerFailure() { // §5.4
        ConnectionManager m;
        SipEventRecorder rec(m);
        m.connectTo(ConnectionManager::ParametersProvider(
            [] { return ConnectionManager::ParametersResult(u"vault unavailable"_s); }));
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-failed"_s,
                              u"connect-failed"_s}));
        QCOMPARE(rec.entries().at(1).payload, rec.entries().at(2).payload);
        QCOMPARE(rec.states(),
                 (QStringList{u"connection:preparing"_s, u"connection:disconnected"_s}));
    }

    void registerTimeoutAndDigestOnTheWire() { // Timer F (§8.10) + §8.5 header
        SipLoopbackServer server;
        QVERIFY(server.listen());
        sip::ConnectionManagerOptions o;
        o.transactionTimeoutMs = 400;
        ConnectionManager m(o);
        SipEventRecorder rec(m);
        m.connectTo(params(server.url(), true));
        const QByteArray first = server.waitFrame("REGISTER sip:sip.test");
        QVERIFY(!first.isEmpty());
        QVERIFY(first.contains("Contact: <sip:"));
        QVERIFY(first.contains(";transport=ws>;+sip.ice;reg-id=1;+sip.instance=\"<urn:uuid:"));
        QVERIFY(first.contains(".invalid;branch=z9hG4bK"));
        const auto reg = sip::SipMessage::parse(first);
        QVERIFY(reg);
        // challenge it; the retry must carry a correct digest (RFC 2617) and CSeq + 1
        QByteArray challenge = reg->makeResponse(
            401, u"Unauthorized"_s, u"srv"_s,
            {{"WWW-Authenticate", "Digest realm=\"sip.test\", nonce=\"abc123\", qop=\"auth\""}});
        server.client()->sendTextMessage(QString::fromUtf8(challenge));
        const QByteArray retry = server.waitFrame("Authorization: Digest", 3000);
        QVERIFY(!retry.isEmpty());
        const auto r2 = sip::SipMessage::parse(retry);
        QVERIFY(r2);
        QCOMPARE(r2->cseq(), reg->cseq() + 1);
        QCOMPARE(r2->callId(), reg->callId());
        const auto field = [&retry](const char* name) {
            const auto mm = QRegularExpression(QString::fromLatin1(name) + u"=\"?([^\",\\r]+)"_s)
                                .match(QString::fromUtf8(retry));
            return mm.captured(1);
        };
        QCOMPARE(field("uri"), u"sip:sip.test"_s);
        QCOMPARE(field("response"),
                 QString::fromLatin1(sip::DigestAuth::response(
                     u"alice"_s, u"sip.test"_s, u"alice-secret"_s, u"REGISTER"_s, u"sip:sip.test"_s,
                     u"abc123"_s, u"auth"_s, field("nc"), field("cnonce"))));
        // ...then never answer: Timer F fires -> registrationFailed {null, Request Timeout}
        const int failed = rec.waitFor(u"registrationFailed"_s, 3000);
        QVERIFY(failed >= 0);
        QCOMPARE(rec.entries().at(failed).payload.value(u"cause"_s).toString(),
                 u"Request Timeout"_s);
        QVERIFY(rec.entries().at(failed).payload.value(u"response"_s).isNull());
        QCOMPARE(rec.names().value(failed + 1), u"connect-failed"_s);
        QTRY_VERIFY(m.isIdle());
    }

    void abruptDropIs1006AndRecovers() { // §5.10
        SipLoopbackServer server;
        QVERIFY(server.listen());
        ConnectionManager m;
        SipEventRecorder rec(m);
        auto p = params(server.url());
        p.connectionRecoveryMinInterval = 1;
        p.connectionRecoveryMaxInterval = 1;
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 5000) >= 0);
        QTRY_VERIFY(server.client());
        rec.clear();
        server.client()->abort();
        QVERIFY(rec.waitFor(u"disconnected"_s, 3000) >= 0);
        const QJsonObject d = rec.entries().at(0).payload;
        QCOMPARE(d.value(u"error"_s).toBool(), true);
        QCOMPARE(d.value(u"code"_s).toInt(), 1006);
        const int back = rec.waitFor(u"connected"_s, 4000);
        QVERIFY(back >= 0);
        QCOMPARE(rec.names(), (QStringList{u"disconnected"_s, u"connecting"_s,
                                           u"connected-with-configuration"_s, u"connected"_s}));
        QCOMPARE(rec.entries().at(1).payload.value(u"attempts"_s).toInt(), 1);
        QCOMPARE(m.connectionState(), u"connection:established"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SipBadInput)
#include "tst_SipBadInput.moc"
