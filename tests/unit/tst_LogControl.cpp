// services::LogControl and LogControlSink: levels as filter rules, persistence, the ring buffer,
// chaining, queued delivery, export, and that no secret reaches a line or an exported file.
#include "services/LogControl.h"
#include "services/LogControlCategories.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using services::LogControl;
using services::LogControlSink;
using Level = LogControl::Level;

namespace {

Q_LOGGING_CATEGORY(lcProto, "callboard.wcs.protocol", QtInfoMsg)

// Messages the handler installed before LogControl received (chaining check).
QStringList g_chained;
QtMessageHandler g_qtestHandler = nullptr;

void recordingHandler(QtMsgType type, const QMessageLogContext& context, const QString& msg) {
    g_chained << msg;
    if (g_qtestHandler) {
        g_qtestHandler(type, context, msg);
    }
}

/// Replaces QtTest's handler by a silent one while it lives, so that LogControl chains to it
/// (for tests that log thousands of lines).
class QuietPrevious {
public:
    QuietPrevious()
        : m_saved(
              qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {})) {
    }
    ~QuietPrevious() { qInstallMessageHandler(m_saved); }
    QuietPrevious(const QuietPrevious&) = delete;
    QuietPrevious& operator=(const QuietPrevious&) = delete;

private:
    QtMessageHandler m_saved;
};

bool anyContains(const QStringList& lines, const QString& needle) {
    for (const QString& line : lines) {
        if (line.contains(needle)) {
            return true;
        }
    }
    return false;
}

} // namespace

class tst_LogControl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void levelText_data();
    void levelText();
    void rulesForOneCategory_data();
    void rulesForOneCategory();
    void setLevelAppliesFilter_data();
    void setLevelAppliesFilter();
    void unknownCategoryIsRejected();
    void levelsArePersistedAndRestored();
    void lineFormat();
    void ringBufferIsBounded();
    void longLinesAreCut();
    void lineAddedIsQueued();
    void concurrentLoggingIsSafe();
    void chainsToPreviousHandlerRedacted();
    void passwordNeverReachesLinesOrExport();
    void exportToBadPathFails();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_LogControl::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void tst_LogControl::cleanup() {
    m_settings.reset();
    m_dir.reset();
}

void tst_LogControl::levelText_data() {
    QTest::addColumn<Level>("level");
    QTest::addColumn<QString>("text");
    QTest::newRow("debug") << Level::Debug << QStringLiteral("debug");
    QTest::newRow("info") << Level::Info << QStringLiteral("info");
    QTest::newRow("warning") << Level::Warning << QStringLiteral("warning");
    QTest::newRow("critical") << Level::Critical << QStringLiteral("critical");
    QTest::newRow("off") << Level::Off << QStringLiteral("off");
}

void tst_LogControl::levelText() {
    QFETCH(Level, level);
    QFETCH(QString, text);
    QCOMPARE(LogControl::levelToText(level), text);
    QCOMPARE(LogControl::levelFromText(text), level);
    QCOMPARE(LogControl::levelFromText(text.toUpper()), level);
    QCOMPARE(LogControl::levelFromText(u"verbose"), std::nullopt);
}

void tst_LogControl::rulesForOneCategory_data() {
    QTest::addColumn<Level>("level");
    QTest::addColumn<QString>("rules");
    const auto rules = [](const char* d, const char* i, const char* w, const char* c) {
        return QStringLiteral("x.y.debug=%1\nx.y.info=%2\nx.y.warning=%3\nx.y.critical=%4")
            .arg(QLatin1StringView(d), QLatin1StringView(i), QLatin1StringView(w),
                 QLatin1StringView(c));
    };
    QTest::newRow("debug") << Level::Debug << rules("true", "true", "true", "true");
    QTest::newRow("info") << Level::Info << rules("false", "true", "true", "true");
    QTest::newRow("warning") << Level::Warning << rules("false", "false", "true", "true");
    QTest::newRow("critical") << Level::Critical << rules("false", "false", "false", "true");
    QTest::newRow("off") << Level::Off << rules("false", "false", "false", "false");
}

void tst_LogControl::rulesForOneCategory() {
    QFETCH(Level, level);
    QFETCH(QString, rules);
    QCOMPARE(LogControl::buildRules({{QStringLiteral("x.y"), level}}), rules);
}

void tst_LogControl::setLevelAppliesFilter_data() {
    QTest::addColumn<int>("minimum"); // QtMsgType, or -1 for Off
    QTest::addColumn<bool>("debug");
    QTest::addColumn<bool>("info");
    QTest::addColumn<bool>("warning");
    QTest::addColumn<bool>("critical");
    QTest::newRow("QtDebugMsg") << int(QtDebugMsg) << true << true << true << true;
    QTest::newRow("QtInfoMsg") << int(QtInfoMsg) << false << true << true << true;
    QTest::newRow("QtWarningMsg") << int(QtWarningMsg) << false << false << true << true;
    QTest::newRow("QtCriticalMsg") << int(QtCriticalMsg) << false << false << false << true;
    QTest::newRow("off") << -1 << false << false << false << false;
}

void tst_LogControl::setLevelAppliesFilter() {
    QFETCH(int, minimum);
    LogControl control(*m_settings);
    const QString name = QStringLiteral("callboard.wcs.protocol");
    QVERIFY(minimum < 0 ? control.setLevel(name, Level::Off)
                        : control.setLevel(name, static_cast<QtMsgType>(minimum)));
    QTEST(lcProto().isDebugEnabled(), "debug");
    QTEST(lcProto().isInfoEnabled(), "info");
    QTEST(lcProto().isWarningEnabled(), "warning");
    QTEST(lcProto().isCriticalEnabled(), "critical");
    // Other categories keep their level.
    QVERIFY(services::lcServices().isInfoEnabled());
    QVERIFY(!services::lcServices().isDebugEnabled());
}

void tst_LogControl::unknownCategoryIsRejected() {
    LogControl control(*m_settings);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown logging")));
    QVERIFY(!control.setLevel(QStringLiteral("callboard.nope"), Level::Debug));
    QCOMPARE(control.level(QStringLiteral("callboard.nope")), LogControl::defaultLevel());
    QCOMPARE(LogControl::categories().size(), 11);
}

void tst_LogControl::levelsArePersistedAndRestored() {
    const QString media = QStringLiteral("callboard.media");
    const QString hooks = QStringLiteral("callboard.hooks");
    {
        LogControl control(*m_settings);
        QCOMPARE(control.level(media), Level::Info);
        QSignalSpy changed(&control, &LogControl::levelChanged);
        QVERIFY(control.setLevel(media, Level::Debug));
        QVERIFY(control.setLevel(hooks, Level::Off));
        QCOMPARE(changed.size(), 2);
    }
    QCOMPARE(m_settings->value(QStringLiteral("logging/levels/callboard.media")).toString(),
             QStringLiteral("debug"));
    QSettings reread(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    LogControl restored(reread);
    QCOMPARE(restored.level(media), Level::Debug);
    QCOMPARE(restored.level(hooks), Level::Off);
    QCOMPARE(restored.level(QStringLiteral("callboard.ui")), Level::Info);
    QVERIFY(restored.filterRules().contains(QStringLiteral("callboard.media.debug=true")));
    QVERIFY(restored.filterRules().contains(QStringLiteral("callboard.hooks.critical=false")));
    QLoggingCategory media2("callboard.media");
    QVERIFY(media2.isDebugEnabled());
}

void tst_LogControl::lineFormat() {
    LogControl control(*m_settings);
    QVERIFY(control.sink().isInstalled());
    qCWarning(services::lcServices) << "hello" << 42;
    const QStringList lines = control.lines();
    QCOMPARE(lines.size(), 1);
    static const QRegularExpression re(QStringLiteral(
        R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} warning callboard\.services: hello 42$)"));
    QVERIFY2(re.match(lines.first()).hasMatch(), qPrintable(lines.first()));
}

void tst_LogControl::ringBufferIsBounded() {
    QuietPrevious quiet;
    LogControl control(*m_settings, 10);
    for (int i = 0; i < 25; ++i) {
        qCInfo(lcProto).noquote() << QStringLiteral("line %1").arg(i);
    }
    const QStringList lines = control.lines();
    QCOMPARE(lines.size(), 10);
    QVERIFY(lines.first().endsWith(QStringLiteral("line 15")));
    QVERIFY(lines.last().endsWith(QStringLiteral("line 24")));
    QCOMPARE(control.sink().totalLines(), qint64(25));
    control.sink().clear();
    QVERIFY(control.lines().isEmpty());
}

void tst_LogControl::longLinesAreCut() {
    LogControlSink sink(4, 100);
    sink.addMessage(QtInfoMsg, QStringLiteral("callboard.ui"), QString(500, QLatin1Char('x')));
    QCOMPARE(sink.lines().first().size(), 100);
    QVERIFY(sink.lines().first().endsWith(QChar(0x2026)));
}

void tst_LogControl::lineAddedIsQueued() {
    LogControl control(*m_settings);
    QSignalSpy spy(&control, &LogControl::lineAdded);
    qCInfo(lcProto) << "one";
    qCInfo(lcProto) << "two";
    QCOMPARE(spy.size(), 0); // never from inside the message handler
    QTRY_COMPARE(spy.size(), 2);
    QVERIFY(spy.at(0).at(0).toString().endsWith(QStringLiteral("one")));
    QVERIFY(spy.at(1).at(0).toString().endsWith(QStringLiteral("two")));
}

void tst_LogControl::concurrentLoggingIsSafe() {
    QuietPrevious quiet;
    LogControl control(*m_settings, 1000);
    QSignalSpy spy(&control, &LogControl::lineAdded);
    constexpr int kThreads = 4;
    constexpr int kPerThread = 500;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([t] {
            for (int i = 0; i < kPerThread; ++i) {
                qCInfo(lcProto) << "thread" << t << "msg" << i;
            }
        }));
        threads.back()->start();
    }
    for (auto& th : threads) {
        QVERIFY(th->wait(10'000));
    }
    QCOMPARE(control.sink().totalLines(), qint64(kThreads * kPerThread));
    QCOMPARE(control.lines().size(), 1000);
    QTRY_COMPARE(spy.size(), 1000); // the ring keeps 1000: older lines were overwritten unseen
    for (const QVariantList& args : std::as_const(spy)) {
        QCOMPARE(args.at(0).typeId(), QMetaType::QString);
    }
}

void tst_LogControl::chainsToPreviousHandlerRedacted() {
    g_chained.clear();
    g_qtestHandler = qInstallMessageHandler(recordingHandler);
    {
        LogControl control(*m_settings);
        qCInfo(lcProto).noquote() << R"({"sipPassword":"chain-secret"})";
        QCOMPARE(control.lines().size(), 1);
    }
    qInstallMessageHandler(g_qtestHandler);
    QCOMPARE(g_chained, QStringList{QStringLiteral(R"({"sipPassword":"***"})")});
}

void tst_LogControl::passwordNeverReachesLinesOrExport() {
    const QString secret = QStringLiteral("Hunter2-topsecret");
    LogControl control(*m_settings);
    QSignalSpy spy(&control, &LogControl::lineAdded);
    // What a session logs around connect: the frame as sent (unredacted by mistake), the frame
    // already redacted, the server URL with user-info, and a key=value diagnostic.
    const QString frame =
        QStringLiteral(R"({"message":"connection","data":[{"urlServer":"wss://wcs:8443",)"
                       R"("sipLogin":"1000","sipPassword":"%1","authToken":"%1"}]})")
            .arg(secret);
    qCInfo(lcProto).noquote() << ">>>" << frame;
    qCInfo(lcProto).noquote()
        << ">>>"
        << R"({"message":"connection","data":[{"sipLogin":"1000","sipPassword":"***"}]})";
    qCInfo(lcProto) << "connecting to" << QStringLiteral("wss://1000:%1@wcs:8443/").arg(secret);
    qCWarning(services::lcServices).noquote() << QStringLiteral("retry password=%1").arg(secret);
    qCInfo(lcProto) << QJsonObject{{QStringLiteral("password"), secret}};

    const QStringList lines = control.lines();
    QCOMPARE(lines.size(), 5);
    QVERIFY2(!anyContains(lines, secret), qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.at(0).contains(QStringLiteral(R"("sipPassword":"***")")));
    QVERIFY(lines.at(0).contains(QStringLiteral(R"("sipLogin":"1000")")));
    QVERIFY(lines.at(2).contains(QStringLiteral("wss://1000:***@wcs:8443/")));

    QTRY_COMPARE(spy.size(), 5);
    for (const QVariantList& args : std::as_const(spy)) {
        QVERIFY(!args.at(0).toString().contains(secret));
    }

    const QString path = m_dir->filePath(QStringLiteral("export/callboard.log"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("export"))));
    QString error;
    QVERIFY2(control.exportLogs(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QVERIFY(!exported.contains(secret.toUtf8()));
    QCOMPARE(exported.count('\n'), 5);
    QVERIFY(exported.contains("\"sipPassword\":\"***\""));
}

void tst_LogControl::exportToBadPathFails() {
    LogControl control(*m_settings);
    QString error;
    QVERIFY(!control.exportLogs(m_dir->filePath(QStringLiteral("missing/dir/x.log")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_LogControl)
#include "tst_LogControl.moc"
