// services::AutostartEntry: the XDG autostart file follows AppSettings::autostart().
#include <services/AppSettings.h>
#include <services/AutostartEntry.h>

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_AutostartEntry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    }

    void entryFollowsTheSetting() {
        QSettings file(m_home.filePath(u"settings.ini"_s), QSettings::IniFormat);
        services::AppSettings settings(file);
        services::AutostartEntry entry(settings, u"/usr/bin/callboard"_s);
        const QString path = services::AutostartEntry::path();
        QVERIFY(path.startsWith(m_home.filePath(u"config/autostart/"_s)));
        QVERIFY(!QFile::exists(path));

        settings.setAutostart(true);
        QVERIFY(QFile::exists(path));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray text = written.readAll();
        QVERIFY(text.startsWith("[Desktop Entry]\n"));
        QVERIFY(text.contains("\nExec=/usr/bin/callboard --minimized\n"));
        QVERIFY(entry.lastError().isEmpty());

        settings.setAutostart(false);
        QVERIFY(!QFile::exists(path));
    }

    void existingSettingIsAppliedAtStart() {
        QSettings file(m_home.filePath(u"settings2.ini"_s), QSettings::IniFormat);
        services::AppSettings settings(file);
        settings.setAutostart(true);
        QFile::remove(services::AutostartEntry::path());
        const services::AutostartEntry entry(settings);
        QVERIFY(QFile::exists(services::AutostartEntry::path()));
    }

    void unwritableDirectoryIsReported() {
        QSettings file(m_home.filePath(u"settings3.ini"_s), QSettings::IniFormat);
        services::AppSettings settings(file);
        // A plain file where the autostart directory should be.
        const QString config = m_home.filePath(u"blocked"_s);
        QDir().mkpath(config);
        QFile blocker(config + u"/autostart"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        qputenv("XDG_CONFIG_HOME", config.toUtf8());
        services::AutostartEntry entry(settings);
        settings.setAutostart(true);
        QVERIFY(!entry.lastError().isEmpty());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(tst_AutostartEntry)
#include "tst_AutostartEntry.moc"
