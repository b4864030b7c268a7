// The `callboard-emulator` executable (CALLBOARD_EMULATOR): the one-line "listening" contract on
// stdout, a session through it, --record, clean exit on SIGTERM, errors for bad arguments.

#include "EmulatorTestClient.h"

#include <QFile>
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

    void badArguments_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("stderrText");
        QTest::newRow("bad port") << QStringList{s("--port"), s("70000")} << s("--port");
        QTest::newRow("bad bind") << QStringList{s("--bind"), s("not-an-ip")} << s("--bind");
        QTest::newRow("missing scenario")
            << QStringList{s("--scenario"), s("/nonexistent/scenario.json")} << s("cannot read");
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
