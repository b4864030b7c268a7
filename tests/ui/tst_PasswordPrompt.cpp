// ui::PasswordPrompt: shows the reason, offers the keychain only when it is available, emits
// the typed password with the chosen storage, and forgets the typed text when it closes.
#include "ui/dialogs/PasswordPrompt.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_PasswordPrompt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void choices_data() {
        QTest::addColumn<bool>("keychainAvailable");
        QTest::addColumn<bool>("chooseSession");
        QTest::addColumn<bool>("remember");
        QTest::newRow("keychain") << true << false << true;
        QTest::newRow("session by choice") << true << true << false;
        QTest::newRow("no keychain") << false << false << false;
    }
    void choices() {
        QFETCH(bool, keychainAvailable);
        QFETCH(bool, chooseSession);
        QFETCH(bool, remember);
        ui::PasswordPrompt prompt(u"id-1"_s, u"Office"_s, u"No password is stored."_s,
                                  keychainAvailable, u"No secret service"_s);
        QCOMPARE(prompt.reasonLabel()->text(), u"No password is stored."_s);
        QCOMPARE(prompt.keychainChoice()->isEnabled(), keychainAvailable);
        QCOMPARE(prompt.keychainChoice()->isChecked(), keychainAvailable);
        if (chooseSession) {
            prompt.sessionChoice()->setChecked(true);
        }
        auto* connectButton = prompt.findChild<QPushButton*>(u"connectButton"_s);
        QVERIFY(!connectButton->isEnabled()); // nothing typed yet
        QSignalSpy entered(&prompt, &ui::PasswordPrompt::passwordEntered);
        QTest::keyClicks(prompt.passwordEdit(), u"pw-1"_s);
        QVERIFY(connectButton->isEnabled());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QCOMPARE(entered.size(), 1);
        QCOMPARE(entered.at(0).at(0).toString(), u"id-1"_s);
        QCOMPARE(entered.at(0).at(1).toString(), u"pw-1"_s);
        QCOMPARE(entered.at(0).at(2).toBool(), remember);
        QCOMPARE(prompt.result(), int(QDialog::Accepted));
        QVERIFY(prompt.passwordEdit()->text().isEmpty());
    }

    void cancelForgetsTheText() {
        ui::PasswordPrompt prompt(u"id-1"_s, u"Office"_s, QString(), true);
        QVERIFY(!prompt.reasonLabel()->isVisibleTo(&prompt));
        QSignalSpy entered(&prompt, &ui::PasswordPrompt::passwordEntered);
        prompt.passwordEdit()->setText(u"typed"_s);
        prompt.reject();
        QVERIFY(entered.isEmpty());
        QVERIFY(prompt.passwordEdit()->text().isEmpty());
    }
};

QTEST_MAIN(tst_PasswordPrompt)
#include "tst_PasswordPrompt.moc"
