// app::PhoneController end to end on the in-process demo server (AppComposition --demo): DTMF
// goes out with the method chosen in the settings, the transfer flow (hold for transfer, the
// TransferDialog, TransferStatusEvent progress on the row; cancel and failure give the call
// back), the account picker and call back from the History tab.
#include "AppComposition.h"
#include "AppServices.h"

#include "models/CallListModel.h"
#include "services/AccountConnector.h"
#include "services/AppSettings.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/widgets/HistoryPanel.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using CLM = models::CallListModel;

Q_DECLARE_METATYPE(core::DtmfType)

namespace {

struct Demo {
    app::AppComposition app{[] {
        app::AppComposition::Options o;
        o.demo = true;
        return o;
    }()};
    QStringList sent; ///< outgoing frames of the demo session

    bool start() {
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        if (!app.start() || !ready.wait(10000)) {
            return false;
        }
        wcs::Session* s = app.services().connector().session(app::AppComposition::demoAccountId());
        if (!s) {
            return false;
        }
        QObject::connect(s, &wcs::Session::frameLogged, s, [this](bool out, const QByteArray& f) {
            if (out) {
                sent << QString::fromUtf8(f);
            }
        });
        return true;
    }
    ui::PhonePanel* phone() const { return app.window()->phonePanel(); }
    /// The open transfer dialog (a child of the phone panel), nullptr when none.
    ui::TransferDialog* transferDialog() const { return phone()->findChild<ui::TransferDialog*>(); }
    QString status(int row = 0) const {
        const QAbstractItemModel* m = phone()->callTable()->model();
        return row < m->rowCount()
                   ? m->index(row, CLM::StatusColumn).data(CLM::WireStatusRole).toString()
                   : QString();
    }
    int transferStatus(int row = 0) const {
        return phone()->callTable()->model()->index(row, 0).data(CLM::TransferStatusRole).toInt();
    }
    bool sentFrame(const QString& message, const QString& part) const {
        for (const QString& f : sent) {
            if (f.contains(u"\"message\":\""_s + message + u'"') && f.contains(part)) {
                return true;
            }
        }
        return false;
    }
    /// Dials `number` through the UI and waits for ESTABLISHED.
    bool talkTo(const QString& number) {
        phone()->numberEdit()->setText(number);
        QTest::mouseClick(phone()->dialButton(), Qt::LeftButton);
        return QTest::qWaitFor([this] { return status() == u"ESTABLISHED"_s; }, 10000);
    }
};

} // namespace

class tst_PhoneController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accountPickerListsTheDemoAccount() {
        Demo d;
        QVERIFY(d.start());
        QTRY_COMPARE(d.phone()->selectedAccountId(), app::AppComposition::demoAccountId());
        QVERIFY(d.phone()->accountCombo()->isEnabled());
        QCOMPARE(d.phone()->accountCombo()->currentText(), u"Demo"_s);
        QCOMPARE(d.app.dialingAccount(), app::AppComposition::demoAccountId());
    }

    void dtmfUsesTheConfiguredMethod_data() {
        QTest::addColumn<core::DtmfType>("method");
        QTest::addColumn<QString>("wire");
        QTest::newRow("RFC2833") << core::DtmfType::Rfc2833 << u"RFC2833"_s;
        QTest::newRow("SIP INFO") << core::DtmfType::Info << u"INFO"_s;
    }

    void dtmfUsesTheConfiguredMethod() {
        QFETCH(core::DtmfType, method);
        QFETCH(QString, wire);
        Demo d;
        QVERIFY(d.start());
        d.app.services().settings().setDtmfMethod(method);
        QVERIFY(d.talkTo(u"9999"_s));
        QVERIFY(d.phone()->hasTalkingCall());
        d.phone()->numberEdit()->clear();
        QTest::mouseClick(d.phone()->dialPadKey(u'5'), Qt::LeftButton);
        QTest::mouseClick(d.phone()->dialPadKey(u'#'), Qt::LeftButton);
        QTRY_VERIFY(d.sentFrame(u"sendDtmf"_s, u"\"dtmf\":\"#\""_s));
        QVERIFY(d.sentFrame(u"sendDtmf"_s, u"\"dtmf\":\"5\""_s));
        QVERIFY(d.sentFrame(u"sendDtmf"_s, u"\"type\":\""_s + wire + u'"'));
        // During the call the keys are tones, not typing.
        QCOMPARE(d.phone()->numberEdit()->text(), QString());
    }

    void transferFlow_data() {
        QTest::addColumn<QString>("target"); // empty: the user cancels the dialog
        QTest::addColumn<int>("transfer");   // final core::TransferStatus on the row
        QTest::addColumn<QString>("status"); // final call status
        QTest::newRow("completed")
            << u"2099"_s << int(core::TransferStatus::Completed) << u"FINISH"_s;
        QTest::newRow("failed, unheld")
            << u"2666"_s << int(core::TransferStatus::Failed) << u"ESTABLISHED"_s;
        QTest::newRow("cancelled, unheld")
            << QString() << int(core::TransferStatus::Unknown) << u"ESTABLISHED"_s;
    }

    void transferFlow() {
        QFETCH(QString, target);
        QFETCH(int, transfer);
        QFETCH(QString, status);
        Demo d;
        QVERIFY(d.start());
        QVERIFY(d.talkTo(u"9999"_s));
        QTRY_VERIFY(d.phone()->transferButton()->isEnabled());
        QTest::mouseClick(d.phone()->transferButton(), Qt::LeftButton);
        ui::TransferDialog* dialog = d.transferDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        // Spec §7.4: the call is held for transfer while the user types the target.
        QTRY_COMPARE_WITH_TIMEOUT(d.status(), u"HOLD"_s, 5000);
        QVERIFY(d.sentFrame(u"hold"_s, u"\"holdForTransfer\":true"_s));
        if (target.isEmpty()) {
            QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        } else {
            QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
            QTest::keyClicks(dialog->targetEdit(), target);
            QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QTRY_VERIFY(d.sentFrame(u"transfer"_s, u"\"target\":\""_s + target + u'"'));
        }
        QTRY_VERIFY(!d.transferDialog());
        QTRY_COMPARE_WITH_TIMEOUT(d.transferStatus(), transfer, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(d.status(), status, 10000);
        if (target.isEmpty()) {
            QVERIFY(d.sentFrame(u"unhold"_s, QString()));
            QVERIFY(!d.sentFrame(u"transfer"_s, QString()));
        }
    }

    void transferDialogRejectsBadTargets_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("valid");
        QTest::newRow("number") << u"2099"_s << true;
        QTest::newRow("sip uri") << u"sip:alice@pbx.example.net"_s << true;
        QTest::newRow("user@host") << u"bob@10.0.0.2"_s << true;
        QTest::newRow("tel") << u"tel:+15550100"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("spaces") << u"20 99"_s << false;
        QTest::newRow("garbage") << u"<>{}"_s << false;
    }

    void transferDialogRejectsBadTargets() {
        QFETCH(QString, target);
        QFETCH(bool, valid);
        ui::TransferDialog dialog(u"9999"_s);
        dialog.setTarget(target);
        QCOMPARE(ui::TransferDialog::validate(target).isEmpty(), valid);
        QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled(), valid);
        QCOMPARE(dialog.findChild<QLabel*>(u"transferError"_s)->text().isEmpty(),
                 valid || target.isEmpty());
    }

    void callBackFromHistoryFillsTheDialField() {
        Demo d;
        QVERIFY(d.start());
        QVERIFY(d.talkTo(u"9999"_s));
        QTest::mouseClick(d.phone()->hangUpButton(), Qt::LeftButton);
        QTRY_COMPARE(d.status(), u"FINISH"_s);
        QTest::mouseClick(d.phone()->clearEndedButton(), Qt::LeftButton);
        QTRY_COMPARE(d.phone()->callTable()->model()->rowCount(), 0);
        d.phone()->numberEdit()->clear();

        ui::HistoryPanel* history = d.app.window()->historyPanel();
        QVERIFY(history);
        QTRY_COMPARE(history->table()->model()->rowCount(), 1); // refreshed after the call ended
        d.app.window()->showTab(u"history"_s);
        history->table()->selectRow(0);
        QVERIFY(history->callBackButton()->isEnabled());
        QTest::mouseClick(history->callBackButton(), Qt::LeftButton);
        QCOMPARE(d.app.window()->tabs()->currentWidget(), d.phone());
        QCOMPARE(d.phone()->numberEdit()->text(), u"9999"_s);
        QTRY_COMPARE(d.phone()->callTable()->model()->rowCount(), 1); // and it dialled
        QTRY_COMPARE_WITH_TIMEOUT(d.status(), u"ESTABLISHED"_s, 10000);
    }
};

QTEST_MAIN(tst_PhoneController)
#include "tst_PhoneController.moc"
