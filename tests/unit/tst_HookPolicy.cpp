// hooks::HookPolicy (refuse rules, end at next keep-alive) and hooks::RestClientConfig
// (spec §13.2, §13.3).
#include "hooks/HookPolicy.h"
#include "hooks/RestClientConfig.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_HookPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refuseRules_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("askMethod");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("refused");
        QTest::newRow("prefix") << u"publishStream"_s << u"test-*"_s << u"publishStream"_s
                                << u"test-cam"_s << true;
        QTest::newRow("prefix no match")
            << u"publishStream"_s << u"test-*"_s << u"publishStream"_s << u"lobby"_s << false;
        QTest::newRow("whole name only")
            << u"publishStream"_s << u"cam"_s << u"publishStream"_s << u"cam2"_s << false;
        QTest::newRow("other method")
            << u"publishStream"_s << u"*"_s << u"playStream"_s << u"cam"_s << false;
        QTest::newRow("question mark")
            << u"playStream"_s << u"room?"_s << u"playStream"_s << u"room7"_s << true;
        QTest::newRow("case sensitive")
            << u"playStream"_s << u"Room*"_s << u"playStream"_s << u"room1"_s << false;
        QTest::newRow("regex chars are literal")
            << u"playStream"_s << u"a.b"_s << u"playStream"_s << u"axb"_s << false;
        // `*` is any text and `?` one character, '/' included (Qt's path-aware wildcard
        // conversion stopped at '/': fuzz_hook_request, regressions/fuzz_hook_request/).
        QTest::newRow("star crosses slash")
            << u"publishStream"_s << u"room-*"_s << u"publishStream"_s << u"room-7/cam"_s << true;
        QTest::newRow("lone star crosses slash")
            << u"OnCallEvent"_s << u"*"_s << u"OnCallEvent"_s << u"a/b"_s << true;
        QTest::newRow("question mark matches slash")
            << u"playStream"_s << u"a?b"_s << u"playStream"_s << u"a/b"_s << true;
        QTest::newRow("star crosses newline")
            << u"playStream"_s << u"a*"_s << u"playStream"_s << u"a\nb"_s << true;
        QTest::newRow("brackets are literal")
            << u"playStream"_s << u"cam[12]"_s << u"playStream"_s << u"cam[12]"_s << true;
        QTest::newRow("brackets are no class")
            << u"playStream"_s << u"cam[12]"_s << u"playStream"_s << u"cam1"_s << false;
        QTest::newRow("NUL then digit is literal") // not the octal escape "\\07"
            << u"playStream"_s << u"cam\0007"_s << u"playStream"_s << u"cam\0007"_s << true;
        QTest::newRow("NUL then digit is no BEL")
            << u"playStream"_s << u"cam\0007"_s << u"playStream"_s << u"cam\a"_s << false;
        // a backtracking regex of many `*` gave up on this name: no match, so no refusal
        QString name = u"m"_s;
        for (int i = 0; i < 49; ++i) {
            name += u"/\n*"_s;
        }
        QTest::newRow("many stars") << u"playStream"_s << u"m"_s + QString(49, u'*') + u"0"_s
                                    << u"playStream"_s << name + u"0"_s << true;
        QTest::newRow("many stars no match")
            << u"playStream"_s << u"m"_s + QString(49, u'*') + u"0"_s << u"playStream"_s
            << name + u"1"_s << false;
        QTest::newRow("backslash is literal")
            << u"playStream"_s << u"a\\*"_s << u"playStream"_s << u"a\\b"_s << true;
    }
    void refuseRules() {
        QFETCH(QString, method);
        QFETCH(QString, pattern);
        QFETCH(QString, askMethod);
        QFETCH(QString, name);
        QFETCH(bool, refused);
        hooks::HookPolicy p;
        const int id = p.addRefuseRule(method, pattern);
        QVERIFY(id > 0);
        const auto rule = p.refusal(askMethod, name);
        QCOMPARE(rule.has_value(), refused);
        if (rule) {
            QCOMPARE(rule->id, id);
        }
        QVERIFY(p.removeRefuseRule(id));
        QVERIFY(!p.refusal(askMethod, name));
        QVERIFY(!p.removeRefuseRule(id));
    }

    void emptyPatternIsRefused() {
        hooks::HookPolicy p;
        QCOMPARE(p.addRefuseRule(u"publishStream"_s, QString()), 0);
        QVERIFY(p.refuseRules().isEmpty());
    }

    void endAtNextKeepAliveIsOneShot() {
        hooks::HookPolicy p;
        p.endAtNextKeepAlive(u"m1"_s);
        QVERIFY(p.isEndPending(u"m1"_s));
        QVERIFY(!p.takeEnd(u"m2"_s));
        QVERIFY(p.takeEnd(u"m1"_s));
        QVERIFY(!p.takeEnd(u"m1"_s));
        p.endAtNextKeepAlive(u"m3"_s);
        QVERIFY(p.cancelEnd(u"m3"_s));
        QVERIFY(!p.takeEnd(u"m3"_s));
    }

    void restClientConfigRoundTrip() {
        // The constructed example of spec §13.3.
        const QByteArray wire = R"({
          "call":{"clientExclude":"","restExclude":"","restOnError":"FAIL","restPolicy":"OVERWRITE","restOverwrite":"callee"},
          "StreamStatusEvent":{"clientExclude":"","restExclude":"sdp","restOnError":"FAIL","restPolicy":"NOTIFY","restOverwrite":""},
          "ConnectionStatusEvent":{"restOnError":"bogus","restPolicy":"disable"},
          "junk":42})";
        const auto c = hooks::RestClientConfig::fromJson(QJsonDocument::fromJson(wire).object());
        using M = hooks::RestMethodConfig;
        QCOMPARE(c.method(u"call"_s).restOnError, M::OnError::Fail);
        QCOMPARE(c.method(u"call"_s).restPolicy, M::Policy::Overwrite);
        QCOMPARE(c.method(u"call"_s).restOverwrite, u"callee"_s);
        QCOMPARE(c.method(u"StreamStatusEvent"_s).restExclude, u"sdp"_s);
        QCOMPARE(c.method(u"ConnectionStatusEvent"_s).restOnError, M::OnError::Log);
        QCOMPARE(c.method(u"ConnectionStatusEvent"_s).restPolicy, M::Policy::Disable);
        QCOMPARE(c.method(u"junk"_s), M{}); // not an object: defaults
        QCOMPARE(c.method(u"unlisted"_s), M{});
        QVERIFY(!c.contains(u"unlisted"_s));
        const auto again = hooks::RestClientConfig::fromJson(c.toJson());
        QCOMPARE(again, c);
        QCOMPARE(c.toJson().value(u"call").toObject().value(u"restOnError").toString(), u"FAIL"_s);
        QCOMPARE(c.toJson().value(u"StreamStatusEvent").toObject().value(u"restPolicy").toString(),
                 u"NOTIFY"_s);
    }

    void fieldList() {
        QCOMPARE(hooks::RestClientConfig::fieldList(u" sdp, sipPassword ,,x"_s),
                 (QStringList{u"sdp"_s, u"sipPassword"_s, u"x"_s}));
        QVERIFY(hooks::RestClientConfig::fieldList(QString()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_HookPolicy)
#include "tst_HookPolicy.moc"
