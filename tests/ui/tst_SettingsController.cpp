// app::SettingsController inside the demo composition: File > Settings and File > Accounts open
// their dialogs; a profile without a stored password asks for it (no keychain here), a wrong
// password is refused by the server and asked for again with the reason, the right one
// registers and stays in memory only.
#include "AppComposition.h"
#include "AppServices.h"

#include "emulator/EmulatorServer.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "ui/dialogs/AccountsDialog.h"
#include "ui/dialogs/PasswordPrompt.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/windows/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The visible password prompt, nullptr while there is none.
ui::PasswordPrompt* visiblePrompt(ui::MainWindow* w) {
    for (ui::PasswordPrompt* p : w->findChildren<ui::PasswordPrompt*>()) {
        if (p->isVisible()) {
            return p;
        }
    }
    return nullptr;
}

} // namespace

class tst_SettingsController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // No session bus: the keychain is "unavailable" and nothing reaches a real keyring.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void menusOpenTheDialogs() {
        app::AppComposition::Options o;
        o.demo = true;
        app::AppComposition app(o);
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        QVERIFY(app.start());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        ui::MainWindow* w = app.window();
        w->settingsAction()->trigger();
        auto* settings = w->findChild<ui::SettingsDialog*>();
        QVERIFY(settings && settings->isVisible());
        w->settingsAction()->trigger(); // raises the same one
        QCOMPARE(w->findChildren<ui::SettingsDialog*>().size(), 1);
        w->accountsAction()->trigger();
        auto* accounts = w->findChild<ui::AccountsDialog*>();
        QVERIFY(accounts && accounts->isVisible());
        QCOMPARE(accounts->list()->count(), 1);
        QVERIFY(accounts->list()->item(0)->text().endsWith(u"connected"_s));
    }

    void passwordIsAskedRefusedAndAskedAgain() {
        app::AppComposition::Options o;
        o.demo = true;
        app::AppComposition app(o);
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        QVERIFY(app.start());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        app::AppServices& s = app.services();
        services::AccountProfile p;
        p.name = u"Front office"_s;
        p.serverUrl = app.emulatorServer()->serverUrl();
        p.sipLogin = u"1001"_s; // the demo wants 1001-secret
        p.sipDomain = u"demo.callboard"_s;
        const QString id = s.accounts().add(p).id;
        QVERIFY(!id.isEmpty());

        QSignalSpy asked(&s.connector(), &services::AccountConnector::passwordRequired);
        QVERIFY(s.connector().connectAccount(id));
        ui::MainWindow* w = app.window();
        QTRY_VERIFY_WITH_TIMEOUT(visiblePrompt(w), 10000);
        ui::PasswordPrompt* prompt = visiblePrompt(w);
        QCOMPARE(prompt->accountId(), id);
        QVERIFY(!prompt->keychainChoice()->isEnabled()); // no keychain in this test
        QVERIFY(prompt->sessionChoice()->isChecked());
        QVERIFY(!prompt->reasonLabel()->text().isEmpty());

        QTest::keyClicks(prompt->passwordEdit(), u"wrong"_s);
        prompt->submit();
        QCOMPARE(s.typedPasswords().password(id), std::optional<QString>(u"wrong"_s));
        // The server refuses it: disconnected, forgotten, asked again with the reason.
        QTRY_VERIFY_WITH_TIMEOUT(visiblePrompt(w), 10000);
        prompt = visiblePrompt(w);
        QVERIFY(prompt->reasonLabel()->text().contains(u"refused"_s));
        QVERIFY(!s.connector().isConnected(id));
        QVERIFY(!s.typedPasswords().contains(id));

        QTest::keyClicks(prompt->passwordEdit(), u"1001-secret"_s);
        prompt->submit();
        QTRY_VERIFY_WITH_TIMEOUT(
            s.sessions().state(id).registration == core::RegistrationStatus::Registered, 10000);
        QVERIFY(!visiblePrompt(w));
        QCOMPARE(s.typedPasswords().password(id), std::optional<QString>(u"1001-secret"_s));
        QVERIFY(asked.size() >= 1);
    }
};

QTEST_MAIN(tst_SettingsController)
#include "tst_SettingsController.moc"
