// services::AppSettings: defaults, write-through, change signals only on real changes.
#include <services/AppSettings.h>

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using services::AppSettings;
using services::NotificationKind;

class tst_AppSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_round));
    }

    void defaults() {
        QSettings file(m_path, QSettings::IniFormat);
        const AppSettings settings(file);
        QCOMPARE(settings.language(), QString());
        QVERIFY(!settings.startMinimized());
        QVERIFY(settings.closeToTray());
        QVERIFY(!settings.autostart());
        QVERIFY(!settings.doNotDisturb());
        QVERIFY(settings.dtmfMethod() == core::DtmfType::Rfc2833);
        for (const NotificationKind kind : services::allNotificationKinds) {
            QVERIFY(settings.notificationEnabled(kind));
        }
        QVERIFY(settings.ringerDevice().isEmpty());
    }

    void valuesPersistAcrossInstances() {
        {
            QSettings file(m_path, QSettings::IniFormat);
            AppSettings settings(file);
            settings.setLanguage(QStringLiteral("ru"));
            settings.setDtmfMethod(core::DtmfType::Info);
            settings.setNotificationEnabled(NotificationKind::StreamFailed, false);
            settings.setRingerDevice("alsa_output.usb-headset");
            settings.setCloseToTray(false);
        }
        QSettings file(m_path, QSettings::IniFormat);
        const AppSettings settings(file);
        QCOMPARE(settings.language(), QStringLiteral("ru"));
        QVERIFY(settings.dtmfMethod() == core::DtmfType::Info);
        QVERIFY(!settings.notificationEnabled(NotificationKind::StreamFailed));
        QVERIFY(settings.notificationEnabled(NotificationKind::MissedCall));
        QCOMPARE(settings.ringerDevice(), QByteArray("alsa_output.usb-headset"));
        QVERIFY(!settings.closeToTray());
        QCOMPARE(file.value(QStringLiteral("app/dtmfMethod")).toString(), QStringLiteral("INFO"));
    }

    void changedOnlyOnRealChange() {
        QSettings file(m_path, QSettings::IniFormat);
        AppSettings settings(file);
        QSignalSpy spy(&settings, &AppSettings::changed);
        settings.setDoNotDisturb(true);
        settings.setDoNotDisturb(true);
        settings.setNotificationEnabled(NotificationKind::IncomingCall, false);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("doNotDisturb"));
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("notify/incomingCall"));
    }

    void unknownDtmfTextFallsBackToRfc2833() {
        QSettings file(m_path, QSettings::IniFormat);
        file.setValue(QStringLiteral("app/dtmfMethod"), QStringLiteral("SMOKE_SIGNALS"));
        const AppSettings settings(file);
        QVERIFY(settings.dtmfMethod() == core::DtmfType::Rfc2833);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_AppSettings.moc"
