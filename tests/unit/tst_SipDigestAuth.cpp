// sip::DigestAuth / sip::DigestChallenge: RFC 2617 §3.5 test vector, RFC 2069 form, header
// layout of spec §8.5, and challenge parsing through libosip2.
#include "sip/DigestAuth.h"
#include "sip/DigestChallenge.h"
#include "sip/SipMessage.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_SipDigestAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc2617Vector() {
        // RFC 2617 §3.5 (HTTP, but the computation is the same one SIP uses, RFC 3261 §22.4)
        const QByteArray r = sip::DigestAuth::response(
            u"Mufasa"_s, u"testrealm@host.com"_s, u"Circle Of Life"_s, u"GET"_s,
            u"/dir/index.html"_s, u"dcd98b7102dd2f0e8b11d0f600bfb0c093"_s, u"auth"_s, u"00000001"_s,
            u"0a4f113b"_s);
        QCOMPARE(r, QByteArray("6629fae49393a05397450978507c4ef1"));
    }

    void withoutQop() {
        // RFC 2069 form: MD5(HA1:nonce:HA2); HA1/HA2 as computed by hand for these inputs
        const QByteArray ha1 =
            QCryptographicHash::hash("bob:sip.test:bob-secret", QCryptographicHash::Md5).toHex();
        const QByteArray ha2 =
            QCryptographicHash::hash("REGISTER:sip:sip.test", QCryptographicHash::Md5).toHex();
        const QByteArray expected =
            QCryptographicHash::hash(ha1 + ":abc:" + ha2, QCryptographicHash::Md5).toHex();
        QCOMPARE(sip::DigestAuth::response(u"bob"_s, u"sip.test"_s, u"bob-secret"_s, u"REGISTER"_s,
                                           u"sip:sip.test"_s, u"abc"_s, {}, {}, {}),
                 expected);
    }

    void chooseQop_data() {
        QTest::addColumn<QString>("offered");
        QTest::addColumn<QString>("chosen");
        QTest::newRow("auth") << u"auth"_s << u"auth"_s;
        QTest::newRow("both prefers auth-int") << u"auth,auth-int"_s << u"auth-int"_s;
        QTest::newRow("spaces and case") << u" Auth "_s << u"auth"_s;
        QTest::newRow("none") << QString() << QString();
        QTest::newRow("unknown") << u"token"_s << QString();
    }
    void chooseQop() {
        QFETCH(QString, offered);
        QFETCH(QString, chosen);
        QCOMPARE(sip::DigestAuth::chooseQop(offered), chosen);
    }

    void authorizationHeaderLayout() {
        sip::DigestChallenge c;
        c.scheme = u"Digest"_s;
        c.realm = u"sip.test"_s;
        c.nonce = u"n0nce"_s;
        c.opaque = u"op"_s;
        c.qopOptions = u"auth"_s;
        const QByteArray h = sip::DigestAuth::authorization(
            c, u"alice"_s, u"alice-secret"_s, u"REGISTER"_s, u"sip:sip.test"_s, 1, u"cn0nce"_s);
        const QByteArray resp = sip::DigestAuth::response(
            u"alice"_s, u"sip.test"_s, u"alice-secret"_s, u"REGISTER"_s, u"sip:sip.test"_s,
            u"n0nce"_s, u"auth"_s, u"00000001"_s, u"cn0nce"_s);
        QCOMPARE(h, "Digest algorithm=MD5, username=\"alice\", realm=\"sip.test\", "
                    "nonce=\"n0nce\", uri=\"sip:sip.test\", response=\"" +
                        resp + "\", opaque=\"op\", qop=auth, cnonce=\"cn0nce\", nc=00000001");
        QVERIFY(!h.contains("alice-secret"));
    }

    void challengeFromResponse_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<bool>("stale");
        QTest::newRow("401 md5 qop") << QByteArray("WWW-Authenticate: Digest realm=\"sip.test\", "
                                                   "nonce=\"abc\", qop=\"auth\"")
                                     << 401 << true << false;
        QTest::newRow("407 proxy stale")
            << QByteArray("Proxy-Authenticate: Digest realm=\"sip.test\", "
                          "nonce=\"abc\", stale=TRUE, algorithm=MD5")
            << 407 << true << true;
        QTest::newRow("sha-256 refused")
            << QByteArray("WWW-Authenticate: Digest realm=\"sip.test\", "
                          "nonce=\"abc\", algorithm=SHA-256")
            << 401 << false << false;
        QTest::newRow("basic refused")
            << QByteArray("WWW-Authenticate: Basic realm=\"sip.test\"") << 401 << false << false;
    }
    void challengeFromResponse() {
        QFETCH(QByteArray, header);
        QFETCH(int, code);
        QFETCH(bool, supported);
        QFETCH(bool, stale);
        const QByteArray raw = "SIP/2.0 " + QByteArray::number(code) +
                               " Unauthorized\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bK1\r\n"
                               "From: <sip:a@sip.test>;tag=1\r\nTo: <sip:a@sip.test>;tag=2\r\n"
                               "Call-ID: c1\r\nCSeq: 1 REGISTER\r\n" +
                               header + "\r\nContent-Length: 0\r\n\r\n";
        const auto msg = sip::SipMessage::parse(raw);
        QVERIFY(msg);
        const auto c = sip::DigestChallenge::fromResponse(*msg);
        QVERIFY(c);
        QCOMPARE(c->proxy, code == 407);
        QCOMPARE(c->realm, u"sip.test"_s);
        QCOMPARE(c->isSupported(), supported);
        QCOMPARE(c->stale, stale);
        if (supported) {
            QCOMPARE(c->nonce, u"abc"_s); // unquoted
        }
    }

    void noChallengeOnOtherResponses() {
        const auto msg = sip::SipMessage::parse(QByteArray(
            "SIP/2.0 403 Forbidden\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bK1\r\n"
            "From: <sip:a@sip.test>;tag=1\r\nTo: <sip:a@sip.test>;tag=2\r\nCall-ID: c1\r\n"
            "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n"));
        QVERIFY(msg);
        QVERIFY(!sip::DigestChallenge::fromResponse(*msg));
    }
};

QTEST_GUILESS_MAIN(tst_SipDigestAuth)
#include "tst_SipDigestAuth.moc"
