// services::DialTarget: what a sip:/tel: URI or a plain number on the command line puts into
// the number field, and what is refused (with a reason).
#include "services/DialTarget.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::DialTarget;

Q_DECLARE_METATYPE(services::DialTarget::Scheme)

class tst_DialTarget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accepted_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<DialTarget::Scheme>("scheme");
        QTest::addColumn<QString>("dial");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        using S = DialTarget::Scheme;
        QTest::newRow("sip user@host")
            << u"sip:2001@pbx.example.net"_s << S::Sip << u"2001@pbx.example.net"_s << u"2001"_s
            << u"pbx.example.net"_s;
        QTest::newRow("sip with params") << u"sip:alice@host;transport=ws"_s << S::Sip
                                         << u"alice@host"_s << u"alice"_s << u"host"_s;
        QTest::newRow("sip with port") << u"sip:bob@10.0.0.5:5060"_s << S::Sip
                                       << u"bob@10.0.0.5:5060"_s << u"bob"_s << u"10.0.0.5:5060"_s;
        QTest::newRow("sip upper-case scheme")
            << u"SIP:carol@example.org"_s << S::Sip << u"carol@example.org"_s << u"carol"_s
            << u"example.org"_s;
        QTest::newRow("sip with headers") << u"sip:dave@example.org?subject=hi"_s << S::Sip
                                          << u"dave@example.org"_s << u"dave"_s << u"example.org"_s;
        QTest::newRow("sip escaped user")
            << u"sip:%2A43%23@pbx"_s << S::Sip << u"*43#@pbx"_s << u"*43#"_s << u"pbx"_s;
        QTest::newRow("sips") << u"sips:2001@pbx.example.net"_s << S::Sips
                              << u"2001@pbx.example.net"_s << u"2001"_s << u"pbx.example.net"_s;
        QTest::newRow("tel global")
            << u"tel:+1-555-0100"_s << S::Tel << u"+15550100"_s << u"+15550100"_s << QString();
        QTest::newRow("tel with params") << u"tel:+7(495)123.45.67;ext=12"_s << S::Tel
                                         << u"+74951234567"_s << u"+74951234567"_s << QString();
        QTest::newRow("tel local") << u"tel:7042;phone-context=example.com"_s << S::Tel << u"7042"_s
                                   << u"7042"_s << QString();
        QTest::newRow("plain number")
            << u"9999"_s << S::Plain << u"9999"_s << u"9999"_s << QString();
        QTest::newRow("plain with spaces around")
            << u"  2042 "_s << S::Plain << u"2042"_s << u"2042"_s << QString();
        QTest::newRow("plain formatted") << u"+1 (555) 010-0100"_s << S::Plain << u"+15550100100"_s
                                         << u"+15550100100"_s << QString();
        QTest::newRow("plain service code")
            << u"*43#"_s << S::Plain << u"*43#"_s << u"*43#"_s << QString();
        QTest::newRow("plain SIP user")
            << u"alice"_s << S::Plain << u"alice"_s << u"alice"_s << QString();
        QTest::newRow("plain user@host")
            << u"alice@pbx.example.net"_s << S::Plain << u"alice@pbx.example.net"_s << u"alice"_s
            << u"pbx.example.net"_s;
    }
    void accepted() {
        QFETCH(QString, input);
        QFETCH(DialTarget::Scheme, scheme);
        QFETCH(QString, dial);
        QFETCH(QString, user);
        QFETCH(QString, host);
        const DialTarget t = DialTarget::parse(input);
        QVERIFY2(t.isValid(), qPrintable(t.error()));
        QVERIFY(t.error().isEmpty());
        QCOMPARE(t.scheme(), scheme);
        QCOMPARE(t.dialString(), dial);
        QCOMPARE(t.user(), user);
        QCOMPARE(t.host(), host);
        QCOMPARE(t.input(), input.trimmed());
    }

    void rejected_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("blank") << u"   "_s << u"empty"_s;
        QTest::newRow("http") << u"http://example.com/call"_s << u"sip:"_s;
        QTest::newRow("mailto") << u"mailto:alice@example.com"_s << u"sip:"_s;
        QTest::newRow("sip without anything") << u"sip:"_s << u"user part"_s;
        QTest::newRow("sip host only") << u"sip:pbx.example.net"_s << u"user part"_s;
        QTest::newRow("sip empty user") << u"sip:@pbx.example.net"_s << u"user part"_s;
        QTest::newRow("sip empty host") << u"sip:alice@"_s << u"host"_s;
        QTest::newRow("sip bad host") << u"sip:alice@exa_mple"_s << u"host"_s;
        QTest::newRow("sip with a space") << u"sip:alice@exa mple"_s << u"not a valid"_s;
        QTest::newRow("tel letters") << u"tel:call-me-maybe"_s << u"telephone number"_s;
        QTest::newRow("tel empty") << u"tel:"_s << u"telephone number"_s;
        QTest::newRow("words") << u"hello world"_s << u"neither"_s;
        QTest::newRow("symbols") << u"<script>"_s << u"neither"_s;
        QTest::newRow("separators only") << u"+--"_s << u"neither"_s;
        QTest::newRow("too long") << QString(300, u'1') << u"too long"_s;
    }
    void rejected() {
        QFETCH(QString, input);
        QFETCH(QString, reasonContains);
        const DialTarget t = DialTarget::parse(input);
        QVERIFY(!t.isValid());
        QCOMPARE(t.scheme(), DialTarget::Scheme::None);
        QVERIFY(t.dialString().isEmpty());
        QVERIFY2(t.error().contains(reasonContains, Qt::CaseInsensitive), qPrintable(t.error()));
    }
};

QTEST_GUILESS_MAIN(tst_DialTarget)
#include "tst_DialTarget.moc"
