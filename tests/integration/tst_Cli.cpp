// callboard-cli as a black box against its built-in demo server (--demo): exit codes, JSON
// Lines output, and that a SIP password never has to pass through argv.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QList<QJsonObject> events;
    QByteArray stderrText;

    QStringList statusesOf(const QString& type) const {
        QStringList out;
        for (const QJsonObject& e : events) {
            if (e.value(QLatin1StringView("type")).toString() == type) {
                out << e.value(QLatin1StringView("status")).toString();
            }
        }
        return out;
    }
};

Run runCli(const QStringList& args,
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("CALLBOARD_CLI"), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.stderrText = p.readAllStandardError();
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            r.exitCode = -2; // every stdout line must be one JSON object
            return r;
        }
        r.events << doc.object();
    }
    return r;
}

} // namespace

class tst_Cli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariable("CALLBOARD_CLI").isEmpty(), "CALLBOARD_CLI is not set");
    }

    void commands_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("statuses");
        const QString call = QStringLiteral("CallStatusEvent");
        QTest::newRow("call answered")
            << QStringList{QStringLiteral("call"), QStringLiteral("2000"),
                           QStringLiteral("--hangup-after"), QStringLiteral("200")}
            << 0 << call
            << QStringList{QStringLiteral("TRYING"), QStringLiteral("RING"),
                           QStringLiteral("ESTABLISHED"), QStringLiteral("FINISH")};
        QTest::newRow("busy") << QStringList{QStringLiteral("call"), QStringLiteral("486")} << 3
                              << call
                              << QStringList{QStringLiteral("TRYING"), QStringLiteral("BUSY")};
        QTest::newRow("hold") << QStringList{QStringLiteral("hold"), QStringLiteral("9999"),
                                             QStringLiteral("--unhold-after"),
                                             QStringLiteral("100")}
                              << 0 << call
                              << QStringList{
                                     QStringLiteral("TRYING"),      QStringLiteral("RING"),
                                     QStringLiteral("ESTABLISHED"), QStringLiteral("HOLD"),
                                     QStringLiteral("ESTABLISHED"), QStringLiteral("FINISH")};
        QTest::newRow("transfer ok")
            << QStringList{QStringLiteral("transfer"), QStringLiteral("9999"),
                           QStringLiteral("1234")}
            << 0 << QStringLiteral("TransferStatusEvent")
            << QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("TRYING"),
                           QStringLiteral("COMPLETED")};
        QTest::newRow("transfer failed")
            << QStringList{QStringLiteral("transfer"), QStringLiteral("9999"),
                           QStringLiteral("2666")}
            << 3 << QStringLiteral("TransferStatusEvent")
            << QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("TRYING"),
                           QStringLiteral("FAILED")};
        QTest::newRow("publish") << QStringList{QStringLiteral("publish"),
                                                QStringLiteral("cli-cam"),
                                                QStringLiteral("--duration"), QStringLiteral("100")}
                                 << 0 << QStringLiteral("StreamStatusEvent")
                                 << QStringList{QStringLiteral("PUBLISHING"),
                                                QStringLiteral("UNPUBLISHED")};
        QTest::newRow("play missing")
            << QStringList{QStringLiteral("play"), QStringLiteral("no-such-stream")} << 3
            << QStringLiteral("StreamStatusEvent") << QStringList{QStringLiteral("FAILED")};
        QTest::newRow("send-data")
            << QStringList{QStringLiteral("send-data"), QStringLiteral(R"({"hello":1})")} << 0
            << QStringLiteral("DataStatusEvent") << QStringList{QStringLiteral("ACCEPTED")};
        QTest::newRow("send-data refused")
            << QStringList{QStringLiteral("send-data"), QStringLiteral(R"({"fail":1})")} << 3
            << QStringLiteral("DataStatusEvent") << QStringList{QStringLiteral("FAILED")};
        QTest::newRow("debug on") << QStringList{QStringLiteral("debug"), QStringLiteral("on")} << 0
                                  << QStringLiteral("SessionDebugStatusEvent")
                                  << QStringList{QStringLiteral("STARTED")};
        QTest::newRow("never answered, deadline")
            << QStringList{QStringLiteral("call"), QStringLiteral("5000"),
                           QStringLiteral("--exit-after"), QStringLiteral("2500")}
            << 4 << call
            << QStringList{QStringLiteral("TRYING"), QStringLiteral("RING"),
                           QStringLiteral("FAILED")}; // the CLI closes: the live call ends
    }

    void commands() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, type);
        QFETCH(QStringList, statuses);
        const Run r = runCli(args + QStringList{QStringLiteral("--demo")});
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.statusesOf(type), statuses);
        const QStringList connection = r.statusesOf(QStringLiteral("ConnectionStatusEvent"));
        QVERIFY(connection.contains(QStringLiteral("ESTABLISHED")));
    }

    void usageErrorsExitOne_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("dance")};
        QTest::newRow("missing argument")
            << QStringList{QStringLiteral("transfer"), QStringLiteral("1")};
        QTest::newRow("bad url") << QStringList{QStringLiteral("monitor"), QStringLiteral("--url"),
                                                QStringLiteral("http://x")};
        QTest::newRow("bad number") << QStringList{
            QStringLiteral("monitor"), QStringLiteral("--exit-after"), QStringLiteral("soon")};
    }

    void usageErrorsExitOne() {
        QFETCH(QStringList, args);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.stderrText.isEmpty());
    }

    void unreachableServerExitsTwo() {
        const Run r = runCli({QStringLiteral("call"), QStringLiteral("1"), QStringLiteral("--url"),
                              QStringLiteral("ws://127.0.0.1:1")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.statusesOf(QStringLiteral("ConnectionStatusEvent")).last(),
                 QStringLiteral("FAILED"));
    }

    void passwordComesFromTheEnvironment() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CALLBOARD_SIP_PASSWORD"), QStringLiteral("wrong-password"));
        const Run bad =
            runCli({QStringLiteral("debug"), QStringLiteral("on"), QStringLiteral("--demo"),
                    QStringLiteral("--sip-login"), QStringLiteral("1001")},
                   env);
        QCOMPARE(bad.exitCode, 3);
        QCOMPARE(bad.statusesOf(QStringLiteral("RegistrationStatusEvent")),
                 QStringList{QStringLiteral("AUTHENTICATION_FAIL")});
        env.insert(QStringLiteral("CALLBOARD_SIP_PASSWORD"), QStringLiteral("1001-secret"));
        const Run good =
            runCli({QStringLiteral("debug"), QStringLiteral("on"), QStringLiteral("--demo"),
                    QStringLiteral("--sip-login"), QStringLiteral("1001")},
                   env);
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(good.statusesOf(QStringLiteral("RegistrationStatusEvent")),
                 QStringList{QStringLiteral("REGISTERED")});
        for (const Run* r : {&bad, &good}) {
            for (const QJsonObject& e : r->events) {
                QVERIFY(!QJsonDocument(e).toJson().contains("1001-secret"));
                QVERIFY(!QJsonDocument(e).toJson().contains("wrong-password"));
            }
        }
    }

    void monitorDemoShowsLiveEvents() {
        const Run r = runCli({QStringLiteral("monitor"), QStringLiteral("--demo"),
                              QStringLiteral("--exit-after"), QStringLiteral("9000")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.statusesOf(QStringLiteral("RegistrationStatusEvent")),
                 QStringList{QStringLiteral("REGISTERED")});
        QVERIFY(
            r.statusesOf(QStringLiteral("StreamStatusEvent")).contains(QStringLiteral("PLAYING")));
        bool pushed = false;
        for (const QJsonObject& e : r.events) {
            pushed |=
                e.value(QLatin1StringView("type")).toString() == QLatin1StringView("OnDataEvent");
        }
        QVERIFY2(pushed, "the demo backend pushes data at 8 s");
    }

    void monitorRunsScriptedCommandsFromStdin() {
        QProcess p;
        p.start(qEnvironmentVariable("CALLBOARD_CLI"),
                {QStringLiteral("monitor"), QStringLiteral("--demo"), QStringLiteral("--commands"),
                 QStringLiteral("--exit-after"), QStringLiteral("3000")});
        QVERIFY(p.waitForStarted());
        QTest::qWait(600);
        p.write(R"({"cmd":"call","callee":"9999"})"
                "\n"
                "not json\n");
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY(out.contains(R"("cmd":"call")"));
        QVERIFY(out.contains(R"("status":"ESTABLISHED")"));
        QVERIFY(out.contains(R"("ok":false)")); // the malformed line is reported, not fatal
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
