// ui::SettingsDialog: every value round-trips to services::AppSettings (OK/Apply write, Cancel
// does not), languages come from the .qm files found, and the audio lists follow hot-plug and
// keep a saved device that is not connected.
#include "services/AppSettings.h"
#include "services/AudioDevices.h"
#include "ui/dialogs/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::NotificationKind;

Q_DECLARE_METATYPE(services::NotificationKind)

namespace {

/// Fixed device lists that the test changes to simulate hot-plug.
class FakeDevices : public services::AudioDevices {
public:
    QList<Device> outs;
    QList<Device> ins;
    void reset() {
        outs = {{"spk", u"Speakers"_s, true}, {"usb", u"USB headset"_s, false}};
        ins = {{"mic", u"Built-in microphone"_s, true}};
    }
    QList<Device> outputs() override { return outs; }
    QList<Device> inputs() override { return ins; }
    void plug(const Device& d) {
        outs.append(d);
        Q_EMIT outputsChanged();
    }
    void unplugAll() {
        outs.clear();
        ins.clear();
        Q_EMIT outputsChanged();
        Q_EMIT inputsChanged();
    }
};

QStringList comboData(const QComboBox* box) {
    QStringList out;
    for (int i = 0; i < box->count(); ++i) {
        out << box->itemData(i).toString();
    }
    return out;
}

void selectData(QComboBox* box, const QVariant& data) {
    const int i = box->findData(data);
    QVERIFY2(i >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(i);
}

} // namespace

class tst_SettingsDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::unique_ptr<QSettings> file;
    std::unique_ptr<services::AppSettings> settings;
    FakeDevices devices;

    std::unique_ptr<ui::SettingsDialog> dialog(const QStringList& dirs = {}) {
        return std::make_unique<ui::SettingsDialog>(*settings, devices, dirs);
    }
    static void press(ui::SettingsDialog& d, QDialogButtonBox::StandardButton which) {
        auto* box = d.findChild<QDialogButtonBox*>();
        QVERIFY(box);
        QTest::mouseClick(box->button(which), Qt::LeftButton);
    }

private Q_SLOTS:
    void init() {
        file = std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        file->clear();
        settings = std::make_unique<services::AppSettings>(*file);
        devices.reset();
    }
    void cleanup() {
        settings.reset();
        file.reset();
    }

    void generalSwitches_data() {
        QTest::addColumn<QString>("checkBox");
        QTest::addColumn<QString>("key");
        QTest::newRow("start minimised") << u"startMinimizedCheck"_s << u"startMinimized"_s;
        QTest::newRow("close to tray") << u"closeToTrayCheck"_s << u"closeToTray"_s;
        QTest::newRow("start at login") << u"autostartCheck"_s << u"autostart"_s;
    }
    void generalSwitches() {
        QFETCH(QString, checkBox);
        QFETCH(QString, key);
        auto read = [this, &key] {
            if (key == u"startMinimized") {
                return settings->startMinimized();
            }
            if (key == u"closeToTray") {
                return settings->closeToTray();
            }
            return settings->autostart();
        };
        for (const bool wanted : {!read(), read()}) { // flip it, then flip it back
            auto d = dialog();
            auto* box = d->findChild<QCheckBox*>(checkBox);
            QVERIFY(box);
            QCOMPARE(box->isChecked(), !wanted);
            box->setChecked(wanted);
            press(*d, QDialogButtonBox::Ok);
            QCOMPARE(read(), wanted);
            QCOMPARE(dialog()->findChild<QCheckBox*>(checkBox)->isChecked(), wanted);
        }
    }

    void notifications_data() {
        QTest::addColumn<NotificationKind>("kind");
        for (const NotificationKind k : services::allNotificationKinds) {
            QTest::newRow(qPrintable(services::notificationKey(k))) << k;
        }
    }
    void notifications() {
        QFETCH(NotificationKind, kind);
        auto d = dialog();
        auto* box = d->findChild<QCheckBox*>(u"notify_"_s + services::notificationKey(kind));
        QVERIFY(box);
        QVERIFY(box->isChecked()); // default on
        QCOMPARE(box->text(), ui::SettingsDialog::notificationLabel(kind));
        box->setChecked(false);
        press(*d, QDialogButtonBox::Apply);
        QVERIFY(!settings->notificationEnabled(kind));
        for (const NotificationKind other : services::allNotificationKinds) {
            QCOMPARE(settings->notificationEnabled(other), other != kind);
        }
        QVERIFY(!dialog()->findChild<QCheckBox*>(box->objectName())->isChecked());
    }

    void languagesComeFromTranslationFiles() {
        QTemporaryDir a;
        QTemporaryDir b;
        for (const QString& path :
             {a.filePath(u"callboard_ru.qm"_s), b.filePath(u"callboard_de.qm"_s),
              b.filePath(u"qtbase_fr.qm"_s)}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QStringList dirs{a.path(), b.path(), dir.filePath(u"missing"_s)};
        QCOMPARE(ui::SettingsDialog::availableLanguages(dirs),
                 (QStringList{u"de"_s, u"en"_s, u"ru"_s}));
        auto d = dialog(dirs);
        auto* box = d->findChild<QComboBox*>(u"languageCombo"_s);
        QCOMPARE(comboData(box), (QStringList{QString(), u"de"_s, u"en"_s, u"ru"_s}));
        QCOMPARE(box->currentIndex(), 0); // system default
        selectData(box, u"ru"_s);
        QVERIFY(d->findChild<QLabel*>(u"languageHint"_s)->isVisibleTo(d.get()));
        press(*d, QDialogButtonBox::Ok);
        QCOMPARE(settings->language(), u"ru"_s);
        QCOMPARE(dialog(dirs)->findChild<QComboBox*>(u"languageCombo"_s)->currentData(),
                 QVariant(u"ru"_s));
    }

    void dtmfMethod_data() {
        QTest::addColumn<int>("method");
        QTest::newRow("SIP INFO") << static_cast<int>(core::DtmfType::Info);
        QTest::newRow("RFC2833") << static_cast<int>(core::DtmfType::Rfc2833);
    }
    void dtmfMethod() {
        QFETCH(int, method);
        settings->setDtmfMethod(method == static_cast<int>(core::DtmfType::Info)
                                    ? core::DtmfType::Rfc2833
                                    : core::DtmfType::Info);
        auto d = dialog();
        selectData(d->findChild<QComboBox*>(u"dtmfCombo"_s), method);
        press(*d, QDialogButtonBox::Ok);
        QCOMPARE(static_cast<int>(settings->dtmfMethod()), method);
        QCOMPARE(dialog()->findChild<QComboBox*>(u"dtmfCombo"_s)->currentData().toInt(), method);
    }

    void devicesRoundTrip() {
        settings->setRingerDevice("gone");
        auto d = dialog();
        auto* ringer = d->findChild<QComboBox*>(u"ringerCombo"_s);
        auto* output = d->findChild<QComboBox*>(u"outputCombo"_s);
        auto* input = d->findChild<QComboBox*>(u"inputCombo"_s);
        QCOMPARE(comboData(output), (QStringList{QString(), u"spk"_s, u"usb"_s}));
        QCOMPARE(ringer->currentData().toByteArray(), QByteArray("gone"));
        QVERIFY(ringer->currentText().contains(u"(not connected)"_s));
        QCOMPARE(output->currentIndex(), 0); // system default
        selectData(output, QByteArray("usb"));
        selectData(input, QByteArray("mic"));
        press(*d, QDialogButtonBox::Ok);
        QCOMPARE(settings->ringerDevice(), QByteArray("gone")); // kept
        QCOMPARE(settings->outputDevice(), QByteArray("usb"));
        QCOMPARE(settings->inputDevice(), QByteArray("mic"));
    }

    void devicesFollowHotPlug() {
        auto d = dialog();
        auto* output = d->findChild<QComboBox*>(u"outputCombo"_s);
        auto* input = d->findChild<QComboBox*>(u"inputCombo"_s);
        selectData(output, QByteArray("usb"));
        selectData(input, QByteArray("mic"));
        devices.plug({"bt", u"Bluetooth"_s, false});
        QCOMPARE(comboData(output), (QStringList{QString(), u"spk"_s, u"usb"_s, u"bt"_s}));
        QCOMPARE(output->currentData().toByteArray(), QByteArray("usb"));
        devices.unplugAll();
        QCOMPARE(output->currentData().toByteArray(), QByteArray("usb"));
        QVERIFY(output->currentText().contains(u"(not connected)"_s));
        QCOMPARE(input->currentData().toByteArray(), QByteArray("mic"));
        QCOMPARE(output->count(), 2); // system default + the missing choice
    }

    void cancelWritesNothing() {
        auto d = dialog();
        d->findChild<QCheckBox*>(u"autostartCheck"_s)->setChecked(true);
        d->findChild<QCheckBox*>(u"notify_missedCall"_s)->setChecked(false);
        selectData(d->findChild<QComboBox*>(u"outputCombo"_s), QByteArray("spk"));
        press(*d, QDialogButtonBox::Cancel);
        QVERIFY(!settings->autostart());
        QVERIFY(settings->notificationEnabled(NotificationKind::MissedCall));
        QVERIFY(settings->outputDevice().isEmpty());
    }
};

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
