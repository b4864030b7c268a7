// app::SingleInstance: a second launch hands its arguments to the running instance. In one
// process (the sender runs in a worker thread, because it blocks), with a stale socket file
// left by a "crashed" instance, and end to end: the built `callboard` started a second time
// exits 0 after delivering its URI to this process.
#include "CommandLine.h"
#include "SingleInstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cstring>
#include <future>
#include <thread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using HandOff = app::SingleInstance::HandOff;

Q_DECLARE_METATYPE(app::SingleInstance::HandOff)

namespace {

QString uniqueName(const char* tag) {
    return u"callboard-test-%1-%2"_s.arg(QCoreApplication::applicationPid())
        .arg(QString::fromLatin1(tag));
}

/// sendToRunning() blocks, so it runs in its own thread while this one serves the server.
std::future<HandOff> sendFromThread(const QString& name, const QStringList& argv) {
    return std::async(std::launch::async, [name, argv] {
        app::SingleInstance second(name);
        return second.sendToRunning(app::CommandLine::handOffMessage(argv), 3000);
    });
}

HandOff waitFor(std::future<HandOff>& f) {
    while (f.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return f.get();
}

/// A Unix socket file bound but never listening: what a crashed instance leaves behind.
bool makeStaleSocket(const QString& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray p = QFile::encodeName(path);
    if (p.size() >= qsizetype(sizeof(addr.sun_path))) {
        ::close(fd);
        return false;
    }
    std::memcpy(addr.sun_path, p.constData(), size_t(p.size()));
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    ::close(fd); // the file stays, nobody listens
    return ok;
}

} // namespace

class tst_SingleInstance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void serverNamesArePerUserAndDemo() {
        qunsetenv("CALLBOARD_INSTANCE_NAME");
        const QString real = app::SingleInstance::defaultServerName(false);
        const QString demo = app::SingleInstance::defaultServerName(true);
        QVERIFY(real != demo);
        QVERIFY(real.endsWith(QString::number(::getuid())));
        QVERIFY(demo.endsWith(QString::number(::getuid())));
        qputenv("CALLBOARD_INSTANCE_NAME", "cb-x");
        QCOMPARE(app::SingleInstance::defaultServerName(false), u"cb-x"_s);
        QCOMPARE(app::SingleInstance::defaultServerName(true), u"cb-x-demo"_s);
        qunsetenv("CALLBOARD_INSTANCE_NAME");
    }

    void noInstanceWithoutAServer() {
        app::SingleInstance lone(uniqueName("none"));
        QCOMPARE(lone.sendToRunning(app::CommandLine::handOffMessage({u"callboard"_s}), 500),
                 HandOff::NoInstance);
    }

    void handOffDeliversTheUri_data() {
        QTest::addColumn<QStringList>("argv");
        QTest::newRow("sip") << QStringList{u"callboard"_s, u"sip:2001@pbx.example.net"_s};
        QTest::newRow("tel + option")
            << QStringList{u"callboard"_s, u"--minimized"_s, u"tel:+1-555-0100"_s};
        QTest::newRow("no arguments") << QStringList{u"callboard"_s};
    }
    void handOffDeliversTheUri() {
        QFETCH(QStringList, argv);
        const QString name = uniqueName("handoff");
        app::SingleInstance first(name);
        QVERIFY2(first.listen(), qPrintable(first.errorString()));
        QVERIFY(first.isListening());
        QSignalSpy received(&first, &app::SingleInstance::messageReceived);

        auto result = sendFromThread(name, argv);
        QCOMPARE(waitFor(result), HandOff::Delivered);
        QTRY_COMPARE(received.size(), 1);
        const auto back =
            app::CommandLine::argumentsFromHandOff(received.first().first().toJsonObject());
        QVERIFY(back.has_value());
        QCOMPARE(back->mid(1), argv.mid(1));
        app::CommandLine cli;
        QVERIFY(cli.parse(*back));
        QCOMPARE(cli.uri(), argv.size() > 1 ? argv.last() : QString());
    }

    void staleSocketFileIsReplaced() {
        const QString name = uniqueName("stale");
        const QString path = QDir::temp().filePath(name);
        QFile::remove(path);
        QVERIFY(makeStaleSocket(path));
        QVERIFY(QFile::exists(path));

        app::SingleInstance first(name);
        // Nobody answers on the stale file...
        QCOMPARE(first.sendToRunning(app::CommandLine::handOffMessage({u"callboard"_s}), 500),
                 HandOff::NoInstance);
        // ...so it is removed and this instance takes over.
        QVERIFY2(first.listen(), qPrintable(first.errorString()));
        QSignalSpy received(&first, &app::SingleInstance::messageReceived);
        auto result = sendFromThread(name, {u"callboard"_s, u"9999"_s});
        QCOMPARE(waitFor(result), HandOff::Delivered);
        QTRY_COMPARE(received.size(), 1);
    }

    void aLiveInstanceIsNotStolen() {
        const QString name = uniqueName("live");
        app::SingleInstance first(name);
        QVERIFY(first.listen());
        app::SingleInstance intruder(name);
        // listen() probes the name: the kernel accepts the probe into the live server's
        // backlog, so the name is known to be in use and is not removed.
        QVERIFY(!intruder.listen());
        QVERIFY(!intruder.errorString().isEmpty());
        QVERIFY(first.isListening());
    }

    void notAHandOffIsRefused() {
        const QString name = uniqueName("bad");
        app::SingleInstance first(name);
        QVERIFY(first.listen());
        QSignalSpy received(&first, &app::SingleInstance::messageReceived);
        auto f = std::async(std::launch::async, [name] {
            QLocalSocket s;
            s.connectToServer(name);
            if (!s.waitForConnected(2000)) {
                return QByteArray("no connection");
            }
            s.write("this is not json\n");
            s.waitForBytesWritten(2000);
            QByteArray reply;
            while (!reply.contains('\n') && s.waitForReadyRead(2000)) {
                reply += s.readAll();
            }
            return reply.trimmed();
        });
        while (f.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        QCOMPARE(f.get(), QByteArray(R"({"ok":false})"));
        QCOMPARE(received.size(), 0);
        QVERIFY(!app::CommandLine::argumentsFromHandOff(QJsonObject{{u"x"_s, 1}}).has_value());
        QVERIFY(
            !app::CommandLine::argumentsFromHandOff(QJsonObject{{u"arguments"_s, QJsonArray{1, 2}}})
                 .has_value());
    }

    /// The real executable: a second `callboard --demo URI` finds this process listening
    /// under the demo name, hands the URI over and exits 0 without opening a window.
    void secondLaunchOfTheExecutable() {
        const QString exe =
            qEnvironmentVariable("CALLBOARD_BINARY_DIR") + u"/app/callboard/callboard"_s;
        if (!QFile::exists(exe)) {
            QSKIP("callboard is not built");
        }
        const QString base = uniqueName("exe");
        app::SingleInstance first(base + u"-demo"_s); // the name a --demo launch uses
        QVERIFY(first.listen());
        QSignalSpy received(&first, &app::SingleInstance::messageReceived);

        QProcess second;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CALLBOARD_INSTANCE_NAME"_s, base);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        second.setProcessEnvironment(env);
        second.start(exe, {u"--demo"_s, u"sip:2001@pbx.example.net"_s});
        QVERIFY(second.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 10000);
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        const auto argv =
            app::CommandLine::argumentsFromHandOff(received.first().first().toJsonObject());
        QVERIFY(argv.has_value());
        QCOMPARE(argv->mid(1), (QStringList{u"--demo"_s, u"sip:2001@pbx.example.net"_s}));
    }
};

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_SingleInstance.moc"
