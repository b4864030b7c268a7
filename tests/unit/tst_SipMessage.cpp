// sip::SipMessage: parsing through libosip2, refusal of malformed input, responses built
// with libosip2 (RFC 3261 §8.2.6), and log redaction.
#include "sip/SipMessage.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray crlf(QByteArray s) {
    return s.replace("\n", "\r\n");
}

const QByteArray kMessage =
    crlf("MESSAGE sip:t2h8w5qa@k3v9.invalid;transport=ws SIP/2.0\n"
         "Via: SIP/2.0/WSS 192.0.2.10:443;branch=z9hG4bKa1b2.0\n"
         "Via: SIP/2.0/WSS 7hq2.invalid;rport=40112;received=198.51.100.31;branch=z9hG4bK55\n"
         "Max-Forwards: 68\n"
         "To: <sip:1001@vcs.example.org>\n"
         "From: \"Anna\" <sip:1002@vcs.example.org>;tag=n4m1x0c2v9\n"
         "Call-ID: z8x7c6v5b4n3m2l1k0j9\n"
         "CSeq: 311 MESSAGE\n"
         "Content-Type: text/plain\n"
         "X-Custom: yes\n"
         "Content-Length: 2\n"
         "\n"
         "hi");

} // namespace

class tst_SipMessage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesRequest() {
        const auto m = sip::SipMessage::parse(kMessage);
        QVERIFY(m);
        QVERIFY(m->isRequest());
        QCOMPARE(m->method(), u"MESSAGE"_s);
        QCOMPARE(m->requestUriUser(), u"t2h8w5qa"_s);
        QCOMPARE(m->requestUriScheme(), u"sip"_s);
        QCOMPARE(m->callId(), u"z8x7c6v5b4n3m2l1k0j9"_s);
        QCOMPARE(m->cseq(), 311u);
        QCOMPARE(m->fromUser(), u"1002"_s);
        QCOMPARE(m->fromDisplayName(), u"Anna"_s);
        QCOMPARE(m->fromTag(), u"n4m1x0c2v9"_s);
        QVERIFY(m->toTag().isEmpty());
        QCOMPARE(m->topViaBranch(), u"z9hG4bKa1b2.0"_s);
        QCOMPARE(m->contentType(), u"text/plain"_s);
        QCOMPARE(m->body(), QByteArray("hi"));
        QCOMPARE(m->header("x-custom"), u"yes"_s);
        QVERIFY(m->header("x-absent").isNull());
    }

    void compactForms() {
        const QByteArray raw = crlf("NOTIFY sip:alice@sip.test SIP/2.0\n"
                                    "v: SIP/2.0/WS a.invalid;branch=z9hG4bK1\n"
                                    "f: <sip:s@example.net>;tag=a\n"
                                    "t: <sip:alice@sip.test>\n"
                                    "i: cid-1\n"
                                    "CSeq: 9 NOTIFY\n"
                                    "o: dialog\n"
                                    "l: 0\n\n");
        const auto m = sip::SipMessage::parse(raw);
        QVERIFY(m);
        QCOMPARE(m->topViaBranch(), u"z9hG4bK1"_s);
        QCOMPARE(m->fromTag(), u"a"_s);
        QCOMPARE(m->callId(), u"cid-1"_s);
    }

    void parsesResponseWithContacts() {
        const QByteArray raw =
            crlf("SIP/2.0 200 OK\n"
                 "Via: SIP/2.0/WS k3v9.invalid;branch=z9hG4bK9;rport=51234;received=198.51.100.20\n"
                 "To: <sip:1001@vcs.example.org>;tag=srv\n"
                 "From: <sip:1001@vcs.example.org>;tag=p8c2\n"
                 "Call-ID: r1s7\n"
                 "CSeq: 2 REGISTER\n"
                 "Contact: <sip:other@x.invalid;transport=ws>;expires=100, "
                 "<sip:t2h8w5qa@k3v9.invalid;transport=ws>;expires=300;"
                 "+sip.instance=\"<urn:uuid:6f1b>\";reg-id=1\n"
                 "Content-Length: 0\n\n");
        const auto m = sip::SipMessage::parse(raw);
        QVERIFY(m);
        QVERIFY(m->isResponse());
        QCOMPARE(m->statusCode(), 200);
        QCOMPARE(m->method(), u"REGISTER"_s);
        const auto contacts = m->contacts();
        QCOMPARE(contacts.size(), 2);
        QCOMPARE(contacts.at(1).user, u"t2h8w5qa"_s);
        QCOMPARE(contacts.at(1).params.value(u"expires"_s), u"300"_s);
        QCOMPARE(contacts.at(1).params.value(u"+sip.instance"_s), u"<urn:uuid:6f1b>"_s);
        QCOMPARE(contacts.at(1).params.value(u"reg-id"_s), u"1"_s);
    }

    void refusesMalformed_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x01\x02 hello \xff\xfe");
        QTest::newRow("json") << QByteArray("{\"message\":\"ping\"}");
        QTest::newRow("no headers") << crlf("OPTIONS sip:a@b SIP/2.0\n\n");
        QTest::newRow("no via") << crlf("OPTIONS sip:a@b SIP/2.0\nFrom: <sip:x@y>;tag=1\n"
                                        "To: <sip:a@b>\nCall-ID: 1\nCSeq: 1 OPTIONS\n\n");
        QTest::newRow("no cseq") << crlf(
            "OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/WS h;branch=z9hG4bK1\n"
            "From: <sip:x@y>;tag=1\nTo: <sip:a@b>\nCall-ID: 1\n\n");
        QTest::newRow("cseq method mismatch")
            << crlf("OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/WS h;branch=z9hG4bK1\n"
                    "From: <sip:x@y>;tag=1\nTo: <sip:a@b>\nCall-ID: 1\nCSeq: 1 INVITE\n\n");
        QTest::newRow("cseq not a number")
            << crlf("OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/WS h;branch=z9hG4bK1\n"
                    "From: <sip:x@y>;tag=1\nTo: <sip:a@b>\nCall-ID: 1\nCSeq: abc OPTIONS\n\n");
        QTest::newRow("bad status line") << crlf("SIP/2.0 abc OK\nVia: SIP/2.0/WS h;branch=z\n\n");
    }
    void refusesMalformed() {
        QFETCH(QByteArray, raw);
        QString error;
        QVERIFY(!sip::SipMessage::parse(raw, &error));
        QVERIFY(!error.isEmpty());
    }

    void buildsResponse() {
        const auto m = sip::SipMessage::parse(kMessage);
        QVERIFY(m);
        const QByteArray resp =
            m->makeResponse(200, u"OK"_s, u"ourtag"_s, {{"Supported", "outbound"}});
        const auto r = sip::SipMessage::parse(resp);
        QVERIFY2(r, resp.constData());
        QCOMPARE(r->statusCode(), 200);
        QCOMPARE(r->toTag(), u"ourtag"_s);
        QCOMPARE(r->fromTag(), u"n4m1x0c2v9"_s);
        QCOMPARE(r->callId(), m->callId());
        QCOMPARE(r->cseq(), 311u);
        QCOMPARE(r->method(), u"MESSAGE"_s);
        QCOMPARE(r->topViaBranch(), u"z9hG4bKa1b2.0"_s);
        QCOMPARE(resp.count("Via: "), 2); // whole Via list copied, in order
        QVERIFY(resp.contains("Content-Length: 0"));
        QVERIFY(resp.contains("Supported: outbound"));
        // 100 Trying keeps To without a tag
        const auto trying = sip::SipMessage::parse(m->makeResponse(100, u"Trying"_s, {}));
        QVERIFY(trying);
        QVERIFY(trying->toTag().isEmpty());
    }

    void redactsDigestResponses() {
        const QByteArray raw =
            "Authorization: Digest username=\"a\", response=\"0123456789abcdef\", "
            "qop=auth\r\nProxy-Authorization: Digest response=\"ffff\"\r\n";
        const QByteArray r = sip::SipMessage::redacted(raw);
        QVERIFY(!r.contains("0123456789abcdef"));
        QVERIFY(!r.contains("ffff"));
        QCOMPARE(r.count("response=\"<redacted>\""), 2);
        QVERIFY(r.contains("qop=auth"));
    }

    void bodyWithoutContentType() {
        const QByteArray raw = crlf("MESSAGE sip:a@b SIP/2.0\nVia: SIP/2.0/WS h;branch=z9hG4bK1\n"
                                    "From: <sip:x@y>;tag=1\nTo: <sip:a@b>\nCall-ID: 1\n"
                                    "CSeq: 1 MESSAGE\nContent-Length: 5\n\nhello");
        const auto m = sip::SipMessage::parse(raw);
        QVERIFY(m);
        QCOMPARE(m->body(), QByteArray("hello"));
    }

    // Replays the fuzz seeds and regressions (tests/fuzz/seeds/fuzz_sip_message) with the
    // invariants of fuzz_sip_message: a response we build always parses again.
    void fuzzSeedsKeepInvariants() {
        const QString dir =
            qEnvironmentVariable("CALLBOARD_SOURCE_DIR") + u"/tests/fuzz/seeds/fuzz_sip_message"_s;
        const QStringList files = QDir(dir).entryList(QDir::Files);
        QVERIFY2(files.size() >= 5, qPrintable(dir));
        for (const QString& name : files) {
            QFile f(dir + u'/' + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto m = sip::SipMessage::parse(f.readAll());
            if (!m || !m->isRequest()) {
                continue;
            }
            const QByteArray resp = m->makeResponse(400, u"Bad Request"_s, u"t"_s);
            if (!resp.isEmpty()) {
                const auto r = sip::SipMessage::parse(resp);
                QVERIFY2(r, qPrintable(name));
                QCOMPARE(r->callId(), m->callId());
            }
        }
    }

    void toJsonShape() {
        const auto m = sip::SipMessage::parse(kMessage);
        QVERIFY(m);
        const QJsonObject o = m->toJson();
        QCOMPARE(o.value(u"method"_s).toString(), u"MESSAGE"_s);
        QCOMPARE(o.value(u"body"_s).toString(), u"hi"_s);
        QCOMPARE(o.value(u"from"_s).toString(), u"sip:1002@vcs.example.org"_s);
        QCOMPARE(o.value(u"cseq"_s).toInt(), 311);
        QVERIFY(o.value(u"raw"_s).toString().startsWith(u"MESSAGE "_s));
    }
};

QTEST_GUILESS_MAIN(tst_SipMessage)
#include "tst_SipMessage.moc"
