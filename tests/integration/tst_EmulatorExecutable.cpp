// The `callboard-emulator` executable (CALLBOARD_EMULATOR): the one-line "listening" contract on
// stdout, a session through it, --record, clean exit on SIGTERM, errors for bad arguments,
// REST hooks to a hooks::HookServer (signed) and the REST API (--rest-hook, --rest-api-port).

#include "EmulatorTestClient.h"
#include "hooks/HookServer.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString s(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

class tst_EmulatorExecutable : public QObject {
    Q_OBJECT

private:
    QString m_binary;

private Q_SLOTS:
    void initTestCase() {
        m_binary = qEnvironmentVariable("CALLBOARD_EMULATOR");
        if (m_binary.isEmpty() || !QFile::exists(m_binary)) {
            QSKIP("CALLBOARD_EMULATOR is not set (run through ctest)");
        }
    }

    void runsAndStops() {
        QTemporaryDir dir;
        const QString record = dir.filePath(s("rec.jsonl"));
        QProcess p;
        p.start(m_binary, {s("--port"), s("0"), s("--control-port"), s("0"), s("--ping-interval"),
                           s("100"), s("--quiet"), s("--record"), record});
        QVERIFY(p.waitForStarted(5000));
        QVERIFY(QTest::qWaitFor([&] { return p.canReadLine(); }, 10000));
        const QByteArray line = p.readLine();
        QVERIFY2(line.startsWith("{\"event\":\"listening\",\"ws\":\"ws://127.0.0.1:"),
                 line.constData());
        QVERIFY(line.endsWith("\n"));
        const QJsonObject listening = QJsonDocument::fromJson(line).object();
        const QUrl ws(listening.value(s("ws")).toString());
        const QUrl control(listening.value(s("control")).toString());
        QVERIFY(ws.port() > 0);
        QCOMPARE(control.host(), s("127.0.0.1"));
        QVERIFY(control.port() > 0);

        EmulatorTestClient client;
        QVERIFY(client.open(ws));
        const QJsonObject ud = client.connectSession({{s("sipLogin"), s("1000")},
                                                      {s("sipPassword"), s("1234")},
                                                      {s("sipRegisterRequired"), true}});
        QVERIFY(!ud.isEmpty());
        QVERIFY(client.waitFor(s("registered"), {}, 5000)); // the built-in demo scenario
        QVERIFY(client.waitFor(s("ping"), {}, 2000));
        client.send(s("availableStream"),
                    QJsonObject{{s("mediaSessionId"), s("a-1")}, {s("name"), s("lobby-cam")}});
        const auto available = client.waitFor(s("availableStream"));
        QVERIFY(available);
        QCOMPARE(available->arg.value(s("status")).toString(), s("true")); // demo background stream
        QCOMPARE(client.decodeErrors, 0);

        p.terminate(); // SIGTERM
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(client.waitDisconnected());
        QCOMPARE(p.readAllStandardOutput(), QByteArray()); // exactly one line on stdout

        QFile f(record);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("\"dir\":\"open\""));
        QVERIFY(text.contains("\"dir\":\"C>S\""));
        QVERIFY(text.contains("\"dir\":\"S>C\""));
        QVERIFY(text.contains("\"dir\":\"close\""));
        QVERIFY(text.contains("\\\"message\\\":\\\"connection\\\""));
    }

    void restHooksAndRestApi() {
        hooks::HookServer hookServer;
        hooks::HookServerOptions o;
        o.port = 0;
        o.pathPrefix = s("/rest/my_api");
        hookServer.setOptions(o);
        hookServer.setSecret("exe-secret");
        QVERIFY(hookServer.listen());
        QStringList names;
        connect(&hookServer, &hooks::HookServer::hookReceived, this,
                [&](const hooks::HookRequest& r) { names.append(r.name); });
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(s("CALLBOARD_TEST_HOOK_SECRET"), s("exe-secret"));
        p.setProcessEnvironment(env);
        p.start(m_binary,
                {s("--port"), s("0"), s("--quiet"), s("--rest-api-port"), s("0"), s("--rest-hook"),
                 s("defaultApp=") + hookServer.baseUrl().toString(), s("--rest-hook-secret-env"),
                 s("CALLBOARD_TEST_HOOK_SECRET"), s("--keep-alive-interval"), s("100")});
        QVERIFY(p.waitForStarted(5000));
        QVERIFY(QTest::qWaitFor([&] { return p.canReadLine(); }, 10000));
        const QJsonObject listening = QJsonDocument::fromJson(p.readLine()).object();
        const QUrl restApi(listening.value(s("restApi")).toString());
        QCOMPARE(restApi.path(), s("/rest-api"));
        EmulatorTestClient client;
        QVERIFY(client.open(QUrl(listening.value(s("ws")).toString())));
        QVERIFY(!client.connectSession().isEmpty()); // `connect` hook signed and accepted
        client.send(s("publishStream"),
                    QJsonObject{{s("mediaSessionId"), s("exe-1")}, {s("name"), s("exe-cam")}});
        QVERIFY(client.waitFor(s("notifyStreamStatusEvent"), s("status"), s("PUBLISHING")));
        QTRY_VERIFY(names.contains(s("StreamKeepAliveEvent")));
        QVERIFY(names.contains(s("StreamStatusEvent")));
        QCOMPARE(hookServer.counters().errors, quint64(0)); // every signature matched
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(restApi.toString() + s("/stream/find_all")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = nam.post(req, QByteArrayLiteral("{}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(reply->readAll().contains("\"mediaSessionId\":\"exe-1\""));
        delete reply;
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 0);
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("stderrText");
        QTest::newRow("bad port") << QStringList{s("--port"), s("70000")} << s("--port");
        QTest::newRow("bad bind") << QStringList{s("--bind"), s("not-an-ip")} << s("--bind");
        QTest::newRow("missing scenario")
            << QStringList{s("--scenario"), s("/nonexistent/scenario.json")} << s("cannot read");
        QTest::newRow("rest hook without URL")
            << QStringList{s("--rest-hook"), s("defaultApp")} << s("--rest-hook");
        QTest::newRow("rest hook ftp")
            << QStringList{s("--rest-hook"), s("defaultApp=ftp://h/x")} << s("--rest-hook");
        QTest::newRow("hook secret env unset")
            << QStringList{s("--rest-hook-secret-env"), s("CALLBOARD_TEST_UNSET_VAR")}
            << s("CALLBOARD_TEST_UNSET_VAR");
        QTest::newRow("bad REST API port")
            << QStringList{s("--rest-api-port"), s("-1")} << s("--rest-api-port");
        QTest::newRow("bad keep-alive interval")
            << QStringList{s("--keep-alive-interval"), s("x")} << s("--keep-alive-interval");
    }

    void badArguments() {
        QFETCH(QStringList, args);
        QFETCH(QString, stderrText);
        QProcess p;
        p.start(m_binary, args);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(stderrText));
    }

    void badScenarioNamesThePath() {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"callees":{"486":{"busy":"yes"}}})");
        f.close();
        QProcess p;
        p.start(m_binary, {s("--scenario"), path});
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(
            QString::fromUtf8(p.readAllStandardError()).contains(s(R"($.callees["486"].busy)")));
    }

    void helpAndVersion() {
        QProcess p;
        p.start(m_binary, {s("--version")});
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("callboard-emulator "));
        p.start(m_binary, {s("--help")});
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray help = p.readAllStandardOutput();
        for (const char* option : {"--bind", "--port", "--control-port", "--scenario",
                                   "--ping-interval", "--record", "--quiet"}) {
            QVERIFY2(help.contains(option), option);
        }
    }
};

QTEST_GUILESS_MAIN(tst_EmulatorExecutable)
#include "tst_EmulatorExecutable.moc"
