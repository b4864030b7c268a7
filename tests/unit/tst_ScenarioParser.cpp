// emulator::ScenarioParser: the scenario format of src/emulator/SCENARIO.md, defaults, the demo
// scenario, and bad input reported with the JSON path of the bad key, never a crash.

#include "emulator/ScenarioParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

using emulator::Scenario;
using emulator::ScenarioParser;

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

class tst_ScenarioParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyObjectGivesDefaults() {
        const auto r = ScenarioParser::parse("{}");
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const Scenario& sc = *r.scenario;
        QCOMPARE(sc.keepAliveGraceMs, 60000);
        QCOMPARE(sc.registerDelayMs, 100);
        QVERIFY(sc.acceptUnknownAccounts);
        QCOMPARE(sc.ringAfterMs, 100);
        QCOMPARE(sc.defaultCallee.outcome, Scenario::Callee::Outcome::Answer);
        QCOMPARE(sc.defaultCallee.answerAfterMs, 1000);
        QCOMPARE(sc.publishDelayMs, 0);
        QVERIFY(sc.resizeOnPlay);
        QVERIFY(sc.timeline.isEmpty());
        QVERIFY(sc.backgroundStreams.isEmpty());
    }

    void fullScenario() {
        const auto r = ScenarioParser::parse(R"({
          "description": "d", "nodeId": "node-1", "keepAliveGraceMs": 5,
          "registration": {"delayMs": 7, "unknownAccounts": "authFail"},
          "accounts": {"1000": {"password": "pw", "delayMs": 3}, "1002": {"outcome": "silent"}},
          "calls": {"ringAfterMs": 11, "transferStepMs": 12,
                    "defaultCallee": {"answerAfterMs": 300, "hangupAfterMs": 900,
                                      "transferTargets": {"*": "failed", "2099": "completed"}}},
          "callees": {"486": {"busy": true}, "403": {"rejectCode": 403, "rejectInfo": "no"},
                      "5000": {"neverAnswer": true}, "2000": {"ringAfterMs": 1},
                      "echo": {"echo": true}},
          "streams": {"publishDelayMs": 1, "playDelayMs": 2, "resizeOnPlay": false},
          "dataRules": [{"key": "k", "status": "FAILED", "info": "i", "delayMs": 4},
                        {"contains": "c", "echo": true}],
          "backgroundStreams": [{"name": "b", "startAfterMs": 1, "upMs": 2, "downMs": 3,
                                 "end": "alternate", "failInfo": "f", "viewers": 4,
                                 "hasAudio": false, "hasVideo": true, "record": true,
                                 "mediaProvider": "Flash", "width": 640, "height": 480}],
          "timeline": [{"atMs": 5, "everyMs": 10, "repeat": 3, "scope": "server",
                        "action": "pushData", "payload": {"x": 1}}]
        })");
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const Scenario& sc = *r.scenario;
        QCOMPARE(sc.nodeId, s("node-1"));
        QCOMPARE(sc.keepAliveGraceMs, 5);
        QCOMPARE(sc.registerDelayMs, 7);
        QVERIFY(!sc.acceptUnknownAccounts);
        QCOMPARE(sc.accounts.value(s("1000")).password, s("pw"));
        QCOMPARE(sc.accounts.value(s("1000")).delayMs, 3);
        QVERIFY(sc.accounts.value(s("1002")).password.isNull());
        QCOMPARE(sc.accounts.value(s("1002")).outcome, Scenario::RegistrationOutcome::Silent);
        QCOMPARE(sc.ringAfterMs, 11);
        QCOMPARE(sc.transferStepMs, 12);
        QCOMPARE(sc.callees.value(s("486")).outcome, Scenario::Callee::Outcome::Busy);
        QCOMPARE(sc.callees.value(s("403")).rejectCode, 403);
        QCOMPARE(sc.callees.value(s("403")).rejectInfo, s("no"));
        QCOMPARE(sc.callees.value(s("5000")).outcome, Scenario::Callee::Outcome::NeverAnswer);
        QVERIFY(sc.callees.value(s("echo")).echo);
        QVERIFY(!sc.callees.value(s("5000")).echo);
        QVERIFY(!sc.defaultCallee.echo);
        // A callee inherits what it leaves out from calls.defaultCallee.
        const Scenario::Callee c2000 = sc.callees.value(s("2000"));
        QCOMPARE(c2000.outcome, Scenario::Callee::Outcome::Answer);
        QCOMPARE(c2000.answerAfterMs, 300);
        QCOMPARE(c2000.hangupAfterMs, 900);
        QCOMPARE(c2000.ringAfterMs, 1);
        QCOMPARE(c2000.transferTargets.value(s("*")), Scenario::TransferOutcome::Failed);
        QCOMPARE(c2000.transferTargets.value(s("2099")), Scenario::TransferOutcome::Completed);
        QCOMPARE(sc.playDelayMs, 2);
        QVERIFY(!sc.resizeOnPlay);
        QCOMPARE(sc.dataRules.size(), 2);
        QVERIFY(!sc.dataRules.at(0).accept);
        QCOMPARE(sc.dataRules.at(0).delayMs, 4);
        QVERIFY(sc.dataRules.at(1).echo);
        QCOMPARE(sc.backgroundStreams.size(), 1);
        const auto& b = sc.backgroundStreams.first();
        QCOMPARE(b.end, Scenario::BackgroundStream::End::Alternate);
        QCOMPARE(b.viewers, 4);
        QVERIFY(!b.hasAudio);
        QCOMPARE(b.mediaProvider, s("Flash"));
        QCOMPARE(sc.timeline.size(), 1);
        const auto& t = sc.timeline.first();
        QCOMPARE(t.atMs, 5);
        QCOMPARE(t.everyMs, 10);
        QCOMPARE(t.repeat, 3);
        QVERIFY(t.serverScope);
        QCOMPARE(t.action.value(s("action")).toString(), s("pushData"));
        QVERIFY(!t.action.contains(s("atMs"))); // only the action and its parameters remain
    }

    void demoScenarioParses() {
        const auto r = ScenarioParser::parseFile(QString(ScenarioParser::kDemoResource));
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const Scenario& sc = *r.scenario;
        QCOMPARE(sc.callees.value(s("9999")).answerAfterMs, 0);
        QCOMPARE(sc.callees.value(s("9999")).ringAfterMs, 0);
        QVERIFY(sc.callees.value(s("9999")).echo); // the demo's echo test (README, SCENARIO.md)
        QVERIFY(sc.callees.value(s("echo")).echo);
        QVERIFY(sc.backgroundStreams.size() >= 2);
        int incoming = 0;
        int push = 0;
        for (const auto& e : sc.timeline) {
            incoming += e.action.value(s("action")).toString() == QLatin1StringView("incomingCall");
            push += e.action.value(s("action")).toString() == QLatin1StringView("pushData");
        }
        QVERIFY(incoming >= 1);
        QVERIFY(push >= 1);
    }

    void documentedExampleParses() {
        const QString dir = qEnvironmentVariable("CALLBOARD_SOURCE_DIR");
        if (dir.isEmpty()) {
            QSKIP("CALLBOARD_SOURCE_DIR is not set (run through ctest)");
        }
        QFile f(dir + s("/src/emulator/SCENARIO.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(f.readAll());
        const auto m = QRegularExpression(s("```json\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption)
                           .match(md);
        QVERIFY(m.hasMatch());
        const auto r = ScenarioParser::parse(m.captured(1).toUtf8());
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.scenario->timeline.size(), 3);
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{oops") << "$"
                                  << "not valid JSON";
        QTest::newRow("empty") << QByteArray("") << "$"
                               << "not valid JSON";
        QTest::newRow("array root") << QByteArray("[]") << "$"
                                    << "expected a JSON object";
        QTest::newRow("unknown key") << QByteArray(R"({"colour":1})") << "$.colour"
                                     << "unknown key";
        QTest::newRow("echo not a boolean")
            << QByteArray(R"({"callees":{"9999":{"echo":"yes"}}})") << "$.callees[\"9999\"].echo"
            << "expected a boolean";
        QTest::newRow("negative ms")
            << QByteArray(R"({"keepAliveGraceMs":-1})") << "$.keepAliveGraceMs"
            << "expected an integer in 0..";
        QTest::newRow("fractional ms")
            << QByteArray(R"({"keepAliveGraceMs":1.5})") << "$.keepAliveGraceMs"
            << "integer";
        QTest::newRow("string ms")
            << QByteArray(R"({"keepAliveGraceMs":"5"})") << "$.keepAliveGraceMs"
            << "integer";
        QTest::newRow("huge ms") << QByteArray(R"({"keepAliveGraceMs":1e300})")
                                 << "$.keepAliveGraceMs"
                                 << "integer";
        QTest::newRow("registration choice")
            << QByteArray(R"({"registration":{"unknownAccounts":"maybe"}})")
            << "$.registration.unknownAccounts"
            << "expected one of";
        QTest::newRow("registration not object")
            << QByteArray(R"({"registration":[]})") << "$.registration"
            << "expected an object";
        QTest::newRow("account outcome") << QByteArray(R"({"accounts":{"1000":{"outcome":"ok"}}})")
                                         << R"($.accounts["1000"].outcome)"
                                         << "expected one of";
        QTest::newRow("account not object")
            << QByteArray(R"({"accounts":{"1000":5}})") << R"($.accounts["1000"])"
            << "expected an object";
        QTest::newRow("account unknown key")
            << QByteArray(R"({"accounts":{"bob":{"pin":1}}})") << "$.accounts.bob.pin"
            << "unknown key";
        // (plain strings: moc misreads a backslash inside a raw string literal)
        QTest::newRow("odd key quoted") << QByteArray("{\"accounts\":{\"we\\\"ird\":{\"x\":1}}}")
                                        << "$.accounts[\"we\\\"ird\"].x"
                                        << "unknown key";
        QTest::newRow("busy type")
            << QByteArray(R"({"callees":{"486":{"busy":"yes"}}})") << R"($.callees["486"].busy)"
            << "expected a boolean";
        QTest::newRow("conflict") << QByteArray(
                                         R"({"callees":{"486":{"busy":true,"rejectCode":403}}})")
                                  << R"($.callees["486"])"
                                  << "conflicting outcomes";
        QTest::newRow("reject range") << QByteArray(R"({"callees":{"1":{"rejectCode":200}}})")
                                      << R"($.callees["1"].rejectCode)"
                                      << "400..699";
        QTest::newRow("transfer outcome")
            << QByteArray(R"({"calls":{"defaultCallee":{"transferTargets":{"2":"maybe"}}}})")
            << R"($.calls.defaultCallee.transferTargets["2"])"
            << "completed";
        QTest::newRow("calls unknown")
            << QByteArray(R"({"calls":{"ringMs":1}})") << "$.calls.ringMs"
            << "unknown key";
        QTest::newRow("data status")
            << QByteArray(R"({"dataRules":[{"status":"OK"}]})") << "$.dataRules[0].status"
            << "expected one of";
        QTest::newRow("data rules type") << QByteArray(R"({"dataRules":{}})") << "$.dataRules"
                                         << "expected an array";
        QTest::newRow("data rule item") << QByteArray(R"({"dataRules":[null]})") << "$.dataRules[0]"
                                        << "expected an object";
        QTest::newRow("empty key")
            << QByteArray(R"({"dataRules":[{"key":""}]})") << "$.dataRules[0].key"
            << "non-empty";
        QTest::newRow("bg no name")
            << QByteArray(R"({"backgroundStreams":[{}]})") << "$.backgroundStreams[0]"
            << "needs 'name'";
        QTest::newRow("bg duplicate")
            << QByteArray(R"({"backgroundStreams":[{"name":"a"},{"name":"a"}]})")
            << "$.backgroundStreams[1].name"
            << "duplicate";
        QTest::newRow("bg end") << QByteArray(
                                       R"({"backgroundStreams":[{"name":"a","end":"explode"}]})")
                                << "$.backgroundStreams[0].end"
                                << "expected one of";
        QTest::newRow("bg viewers")
            << QByteArray(R"({"backgroundStreams":[{"name":"a","viewers":101}]})")
            << "$.backgroundStreams[0].viewers"
            << "0..100";
        QTest::newRow("timeline item") << QByteArray(R"({"timeline":[1]})") << "$.timeline[0]"
                                       << "expected an object";
        QTest::newRow("no action")
            << QByteArray(R"({"timeline":[{"atMs":1}]})") << "$.timeline[0].action"
            << "needs a string 'action'";
        QTest::newRow("unknown action")
            << QByteArray(R"({"timeline":[{"action":"launch"}]})") << "$.timeline[0].action"
            << "unknown action 'launch'";
        QTest::newRow("query in timeline")
            << QByteArray(R"({"timeline":[{"action":"sessions"}]})") << "$.timeline[0].action"
            << "query";
        QTest::newRow("missing param")
            << QByteArray(R"({"timeline":[{"action":"stall"}]})") << "$.timeline[0].ms"
            << "required by 'stall'";
        QTest::newRow("param range")
            << QByteArray(R"({"timeline":[{"action":"stall","ms":0}]})") << "$.timeline[0].ms"
            << "1..600000";
        QTest::newRow("param type")
            << QByteArray(R"({"timeline":[{"action":"incomingCall","caller":5}]})")
            << "$.timeline[0].caller"
            << "expected a string";
        QTest::newRow("unknown param")
            << QByteArray(R"({"timeline":[{"action":"drop","colour":"red"}]})")
            << "$.timeline[0].colour"
            << "unknown parameter of 'drop'";
        QTest::newRow("one of two")
            << QByteArray(R"({"timeline":[{"action":"streamFail"}]})") << "$.timeline[0]"
            << "'mediaSessionId' or 'name'";
        QTest::newRow("streamStatus not live")
            << QByteArray(
                   R"({"timeline":[{"action":"streamStatus","mediaSessionId":"a","status":"FAILED"}]})")
            << "$.timeline[0].status"
            << "expected one of";
        QTest::newRow("every too short")
            << QByteArray(R"({"timeline":[{"action":"drop","everyMs":5}]})")
            << "$.timeline[0].everyMs"
            << "at least 10";
        QTest::newRow("scope") << QByteArray(R"({"timeline":[{"action":"drop","scope":"world"}]})")
                               << "$.timeline[0].scope"
                               << "expected one of";
        QTest::newRow("rest hook not a URL")
            << QByteArray("{\"restHooks\":{\"apps\":{\"defaultApp\":\"ftp:\x2f/x/y\"}}}")
            << "$.restHooks.apps.defaultApp"
            << "http:// or https://";
        QTest::newRow("rest hook unknown key")
            << QByteArray(R"({"restHooks":{"interval":5}})") << "$.restHooks.interval"
            << "unknown key";
    }

    void restHooks() {
        const auto r = ScenarioParser::parse(
            "{\"restHooks\":{\"apps\":{\"defaultApp\":\"http://127.0.0.1:9091/rest/my_api\"},"
            "\"secret\":\"k\",\"keepAliveIntervalMs\":2000,\"timeoutMs\":500}}");
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.scenario->restHooks.apps.value(QStringLiteral("defaultApp")),
                 QStringLiteral("http://127.0.0.1:9091/rest/my_api"));
        QCOMPARE(r.scenario->restHooks.secret, QStringLiteral("k"));
        QCOMPARE(r.scenario->restHooks.keepAliveIntervalMs, 2000);
        QCOMPARE(r.scenario->restHooks.timeoutMs, 500);
        const auto none = ScenarioParser::parse("{}");
        QVERIFY(none.scenario->restHooks.apps.isEmpty());
        QCOMPARE(none.scenario->restHooks.keepAliveIntervalMs, 10000);
    }

    void badInput() {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto r = ScenarioParser::parse(json);
        QVERIFY(!r.ok());
        QVERIFY(!r.errors.isEmpty());
        bool found = false;
        for (const auto& e : r.errors) {
            found = found || (e.path == path && e.message.contains(message));
        }
        QVERIFY2(found, qPrintable(r.errorString()));
    }

    void reportsEveryError() {
        const auto r = ScenarioParser::parse(
            R"({"a":1,"registration":{"delayMs":-5},"timeline":[{"action":"stall"},{"action":"x"}]})");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 4);
        QCOMPARE(r.errorString().count(u'\n'), 3);
    }

    void missingFile() {
        const auto r = ScenarioParser::parseFile(s("/nonexistent/dir/s.json"));
        QVERIFY(!r.ok());
        QVERIFY(r.errorString().contains(s("/nonexistent/dir/s.json")));
    }

    void tooLarge() {
        QByteArray big = "{\"description\":\"" + QByteArray(ScenarioParser::kMaxBytes, 'x') + "\"}";
        const auto r = ScenarioParser::parse(big);
        QVERIFY(!r.ok());
        QVERIFY(r.errorString().contains(s("limit")));
    }

    void neverCrashes() {
        // Deep nesting, truncations and mutations of a valid scenario, random bytes.
        QVERIFY(!ScenarioParser::parse(QByteArray(200000, '[')).ok());
        QVERIFY(!ScenarioParser::parse(QByteArray(100000, '{')).ok());
        QFile demo(QString(ScenarioParser::kDemoResource));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QByteArray text = demo.readAll();
        for (qsizetype cut = 0; cut < text.size(); cut += 7) {
            (void)ScenarioParser::parse(text.left(cut));
        }
        QRandomGenerator rng(1234);
        for (int i = 0; i < 2000; ++i) {
            QByteArray mutated = text;
            for (int k = 0; k < 4; ++k) {
                const auto pos = rng.bounded(int(mutated.size()));
                mutated[pos] = char(rng.bounded(256));
            }
            (void)ScenarioParser::parse(mutated);
            QByteArray noise(rng.bounded(64), '\0');
            for (auto& c : noise) {
                c = char(rng.bounded(256));
            }
            (void)ScenarioParser::parse(noise);
        }
        // Values of every type in every known place.
        const QList<QByteArray> values{"null", "true",  "-1", "0",  "1e9", "2.5",
                                       "\"\"", "\"x\"", "[]", "{}", "[1]", "{\"a\":1}"};
        const QList<QByteArray> places{"{\"%\":%}",
                                       "{\"registration\":{\"%\":%}}",
                                       "{\"accounts\":{\"1\":{\"%\":%}}}",
                                       "{\"calls\":{\"defaultCallee\":{\"%\":%}}}",
                                       "{\"callees\":{\"1\":{\"%\":%}}}",
                                       "{\"dataRules\":[{\"%\":%}]}",
                                       "{\"backgroundStreams\":[{\"name\":\"n\",\"%\":%}]}",
                                       "{\"timeline\":[{\"action\":\"incomingCall\",\"%\":%}]}",
                                       "{\"streams\":{\"%\":%}}"};
        const QList<QByteArray> keys{"description",
                                     "nodeId",
                                     "keepAliveGraceMs",
                                     "registration",
                                     "accounts",
                                     "calls",
                                     "callees",
                                     "streams",
                                     "dataRules",
                                     "backgroundStreams",
                                     "timeline",
                                     "delayMs",
                                     "unknownAccounts",
                                     "password",
                                     "outcome",
                                     "answerAfterMs",
                                     "busy",
                                     "rejectCode",
                                     "neverAnswer",
                                     "transferTargets",
                                     "key",
                                     "status",
                                     "echo",
                                     "upMs",
                                     "end",
                                     "viewers",
                                     "atMs",
                                     "everyMs",
                                     "repeat",
                                     "scope",
                                     "action",
                                     "caller",
                                     "payload",
                                     "resizeOnPlay",
                                     "name"};
        for (const QByteArray& place : places) {
            for (const QByteArray& key : keys) {
                for (const QByteArray& value : values) {
                    QByteArray json = place;
                    json.replace(json.indexOf('%'), 1, key);
                    json.replace(json.indexOf('%'), 1, value);
                    const auto r = ScenarioParser::parse(json);
                    QVERIFY(r.ok() || !r.errors.isEmpty());
                    for (const auto& e : r.errors) {
                        QVERIFY(e.path.startsWith(u'$'));
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_ScenarioParser)
#include "tst_ScenarioParser.moc"
