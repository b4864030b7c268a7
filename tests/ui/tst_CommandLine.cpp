// app::CommandLine: every option of the desktop app, the positional URI, errors, and the
// hand-off message round trip.
#include "CommandLine.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_CommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("demo");
        QTest::addColumn<bool>("minimized");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("tab");
        QTest::addColumn<QString>("uri");
        QTest::newRow("nothing") << QStringList{} << false << false << QString() << QString()
                                 << QString() << QString();
        QTest::newRow("demo") << QStringList{u"--demo"_s} << true << false << QString() << QString()
                              << QString() << QString();
        QTest::newRow("profile + minimized")
            << QStringList{u"--profile"_s, u"Office PBX"_s, u"--minimized"_s} << false << true
            << u"Office PBX"_s << QString() << QString() << QString();
        QTest::newRow("profile=") << QStringList{u"--profile=Home"_s} << false << false << u"Home"_s
                                  << QString() << QString() << QString();
        QTest::newRow("lang + tab")
            << QStringList{u"--lang"_s, u"ru"_s, u"--tab"_s, u"events"_s} << false << false
            << QString() << u"ru"_s << u"events"_s << QString();
        QTest::newRow("sip uri") << QStringList{u"sip:2001@pbx.example.net"_s} << false << false
                                 << QString() << QString() << QString()
                                 << u"sip:2001@pbx.example.net"_s;
        QTest::newRow("everything")
            << QStringList{u"--demo"_s, u"--minimized"_s, u"--lang=en"_s, u"tel:+1-555-0100"_s}
            << true << true << QString() << u"en"_s << QString() << u"tel:+1-555-0100"_s;
    }
    void parses() {
        QFETCH(QStringList, args);
        QFETCH(bool, demo);
        QFETCH(bool, minimized);
        QFETCH(QString, profile);
        QFETCH(QString, lang);
        QFETCH(QString, tab);
        QFETCH(QString, uri);
        app::CommandLine cli;
        QVERIFY2(cli.parse(QStringList{u"callboard"_s} + args), qPrintable(cli.errorText()));
        QCOMPARE(cli.demo(), demo);
        QCOMPARE(cli.minimized(), minimized);
        QCOMPARE(cli.profile(), profile);
        QCOMPARE(cli.language(), lang);
        QCOMPARE(cli.tab(), tab);
        QCOMPARE(cli.uri(), uri);
        QVERIFY(!cli.helpRequested());
        QVERIFY(!cli.versionRequested());
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("missing value") << QStringList{u"--profile"_s} << u"profile"_s;
        QTest::newRow("two uris") << QStringList{u"9999"_s, u"2001"_s} << u"2"_s;
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        app::CommandLine cli;
        QVERIFY(!cli.parse(QStringList{u"callboard"_s} + args));
        QVERIFY2(cli.errorText().contains(mentions), qPrintable(cli.errorText()));
    }

    void helpAndVersionAreRecognised() {
        app::CommandLine help;
        QVERIFY(help.parse({u"callboard"_s, u"--help"_s}));
        QVERIFY(help.helpRequested());
        app::CommandLine version;
        QVERIFY(version.parse({u"callboard"_s, u"--version"_s}));
        QVERIFY(version.versionRequested());
    }

    void handOffRoundTrip() {
        const QStringList argv{u"/usr/bin/callboard"_s, u"--demo"_s, u"sip:a@b"_s};
        const QJsonObject message = app::CommandLine::handOffMessage(argv);
        QCOMPARE(message.value(u"arguments"_s).toArray().size(), 2);
        const auto back = app::CommandLine::argumentsFromHandOff(message);
        QVERIFY(back.has_value());
        QCOMPARE(back->mid(1), argv.mid(1));
        app::CommandLine cli;
        QVERIFY(cli.parse(*back));
        QVERIFY(cli.demo());
        QCOMPARE(cli.uri(), u"sip:a@b"_s);
    }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_CommandLine.moc"
