// app::LanguageLoader: --lang loads callboard_<code>.qm from the translation directories
// (checked with a .qm built by lrelease in a temporary directory), English needs no file, and
// an unknown or untranslated language keeps English with a warning.
#include "LanguageLoader.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_LanguageLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void searchDirsForInstallAndBuildTree() {
        const QStringList dirs = app::LanguageLoader::searchDirs(u"/opt/cb/bin"_s);
        QCOMPARE(dirs,
                 (QStringList{u"/opt/cb/share/callboard/translations"_s, u"/opt/translations"_s}));
        const QStringList build = app::LanguageLoader::searchDirs(u"/w/build/app/callboard"_s);
        QCOMPARE(build.at(1), u"/w/build/translations"_s);
    }

    void loadsTheChosenLanguage() {
        const QString lrelease = QLibraryInfo::path(QLibraryInfo::BinariesPath) + u"/lrelease"_s;
        if (!QFile::exists(lrelease)) {
            QSKIP("lrelease is not installed");
        }
        QTemporaryDir dir;
        const QString empty = dir.filePath(u"empty"_s);
        const QString full = dir.filePath(u"full"_s);
        QVERIFY(QDir().mkpath(empty) && QDir().mkpath(full));
        QFile ts(full + u"/callboard_ru.ts"_s);
        QVERIFY(ts.open(QIODevice::WriteOnly));
        ts.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="ru_RU"><context><name>tst</name>
<message><source>Quit</source><translation>Выход</translation></message>
</context></TS>)");
        ts.close();
        QCOMPARE(QProcess::execute(lrelease, {u"-silent"_s, ts.fileName()}), 0);

        const auto result =
            app::LanguageLoader::install(*QCoreApplication::instance(), u"ru"_s, {empty, full});
        QVERIFY2(result.warning.isEmpty(), qPrintable(result.warning));
        QVERIFY(!result.loaded.isEmpty());
        QCOMPARE(result.loaded.first(), full + u"/callboard_ru.qm"_s);
        QCOMPARE(QCoreApplication::translate("tst", "Quit"), u"Выход"_s);
        QCOMPARE(QLocale().language(), QLocale::Russian);
    }

    void englishNeedsNoFile() {
        const auto result =
            app::LanguageLoader::install(*QCoreApplication::instance(), u"en"_s, {});
        QVERIFY(result.warning.isEmpty());
        QVERIFY(result.loaded.isEmpty());
        QCOMPARE(result.locale.language(), QLocale::English);
    }

    void missingLanguageWarns_data() {
        QTest::addColumn<QString>("code");
        QTest::newRow("no translation") << u"de"_s;
        QTest::newRow("not a language") << u"xx-garbage"_s;
    }
    void missingLanguageWarns() {
        QFETCH(QString, code);
        QTemporaryDir dir;
        const auto result =
            app::LanguageLoader::install(*QCoreApplication::instance(), code, {dir.path()});
        QVERIFY(result.loaded.isEmpty());
        QVERIFY2(result.warning.contains(u"English"_s), qPrintable(result.warning));
    }
};

QTEST_GUILESS_MAIN(tst_LanguageLoader)
#include "tst_LanguageLoader.moc"
