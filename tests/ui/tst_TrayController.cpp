// app::TrayController inside the --demo composition (in-process emulator, real session):
// do-not-disturb from the tray menu rejects a real incoming call, History says "rejected" and
// the event log has the DoNotDisturbEvent line; the tray follows the connection and its menu
// disconnects quietly; without a tray host closing the window quits (sessions closed first);
// File > Quit quits; a hand-off fills the number field without dialling.
#include "AppComposition.h"
#include "AppServices.h"
#include "TrayController.h"

#include "emulator/EmulatorServer.h"
#include "models/EventLogModel.h"
#include "services/AccountConnector.h"
#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/DoNotDisturbPolicy.h"
#include "services/History.h"
#include "services/JournalQuery.h"
#include "services/Notifier.h"
#include "services/SessionMonitor.h"
#include "ui/tray/TrayIcon.h"
#include "ui/widgets/EventsPanel.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/windows/MainWindow.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

bool hasEvent(QAbstractItemModel* m, const QString& type, const QString& status) {
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r, 0);
        if (i.data(models::EventLogModel::TypeRole).toString() == type &&
            i.data(models::EventLogModel::StatusRole).toString() == status) {
            return true;
        }
    }
    return false;
}

} // namespace

class tst_TrayController : public QObject {
    Q_OBJECT

    std::unique_ptr<app::AppComposition> app;
    int quits = 0;

    app::TrayController* tray() const { return app->trayController(); }

private Q_SLOTS:
    void init() {
        app::AppComposition::Options o;
        o.demo = true;
        app = std::make_unique<app::AppComposition>(o);
        QSignalSpy ready(app.get(), &app::AppComposition::accountReady);
        if (!ui::TrayIcon::available()) {
            // Said once in the log (callboard.ui) and in the status bar.
            QTest::ignoreMessage(QtInfoMsg, "no system tray host: the tray icon is off and "
                                            "closing the window quits");
        }
        QVERIFY(app->start());
        QVERIFY(tray());
        if (!ui::TrayIcon::available()) {
            QVERIFY2(app->window()->statusBar()->currentMessage().contains(u"No system tray"_s),
                     qPrintable(app->window()->statusBar()->currentMessage()));
        }
        quits = 0;
        tray()->setQuitFunction([this] { ++quits; });
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    }
    void cleanup() { app.reset(); }

    void noTrayHostIsSaidAndCloseQuits() {
        if (ui::TrayIcon::available()) {
            QSKIP("this platform has a tray host");
        }
        QVERIFY(!tray()->hasTray());
        services::AccountConnector& connector = app->services().connector();
        QCOMPARE(connector.connectedAccounts().size(), 1);
        // close-to-tray is on by default, but there is no tray: closing quits, sessions first.
        QVERIFY(app->services().settings().closeToTray());
        app->window()->close();
        QVERIFY(connector.connectedAccounts().isEmpty());
        QTRY_COMPARE(quits, 1);
        QVERIFY(!app->window()->isVisible());
    }

    void fileQuitQuits() {
        auto* quit = app->window()->findChild<QAction*>(u"quitAction"_s);
        QVERIFY(quit);
        quit->trigger();
        QVERIFY(app->services().connector().connectedAccounts().isEmpty());
        QTRY_COMPARE(quits, 1);
        quit->trigger(); // once only
        QTest::qWait(300);
        QCOMPARE(quits, 1);
    }

    void trayFollowsConnectionAndDisconnectsQuietly() {
        ui::TrayIcon* icon = tray()->trayIcon();
        const QString id = app::AppComposition::demoAccountId();
        QTRY_COMPARE(icon->worst(), app->services().sessions().worstConnection());
        QCOMPARE(ui::TrayIcon::badgeFor(icon->worst()).tone, ui::StatusBadgeStyle::Tone::Good);
        QTRY_VERIFY(icon->disconnectAction(id) && icon->disconnectAction(id)->isEnabled());
        QVERIFY(!icon->connectAction(id)->isEnabled());
        QVERIFY(icon->toolTip().contains(u"Demo"_s));

        QSignalSpy notes(&tray()->notifier(), &services::Notifier::notificationRequested);
        icon->disconnectAction(id)->trigger();
        QVERIFY(!app->services().connector().isConnected(id));
        QTRY_VERIFY(icon->connectAction(id)->isEnabled());
        QTRY_COMPARE(ui::TrayIcon::badgeFor(icon->worst()).tone, ui::StatusBadgeStyle::Tone::Idle);
        QTest::qWait(100);
        QCOMPARE(notes.size(), 0); // the user asked for it: no "connection lost"

        icon->connectAction(id)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(ui::TrayIcon::badgeFor(icon->worst()).tone,
                                  ui::StatusBadgeStyle::Tone::Good, 10000);
    }

    void doNotDisturbRejectsARealIncomingCall() {
        services::AppSettings& settings = app->services().settings();
        ui::TrayIcon* icon = tray()->trayIcon();
        QVERIFY(!icon->doNotDisturbAction()->isChecked());
        auto* fileDnd = app->window()->findChild<QAction*>(u"doNotDisturbAction"_s);
        QVERIFY(fileDnd && fileDnd->isCheckable() && !fileDnd->isChecked());
        fileDnd->trigger(); // File > Do not disturb switches the setting...
        QVERIFY(settings.doNotDisturb());
        QVERIFY(icon->doNotDisturbAction()->isChecked());
        icon->doNotDisturbAction()->trigger(); // ...the tray menu too, both stay in step
        QVERIFY(!settings.doNotDisturb());
        QVERIFY(!fileDnd->isChecked());
        icon->doNotDisturbAction()->trigger();
        QVERIFY(settings.doNotDisturb());
        QVERIFY(fileDnd->isChecked());
        QSignalSpy rejected(&tray()->doNotDisturb(), &services::DoNotDisturbPolicy::callRejected);
        QSignalSpy notes(&tray()->notifier(), &services::Notifier::notificationRequested);

        const QJsonObject reply = app->emulatorServer()->execute(
            {{u"action"_s, u"incomingCall"_s}, {u"caller"_s, u"2001"_s}});
        const QString callId = reply.value(u"callId"_s).toString();
        QVERIFY2(!callId.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(reply).toJson())));

        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 10000);
        const QString account = app::AppComposition::demoAccountId();
        QTRY_VERIFY_WITH_TIMEOUT(app->services().calls().find(account, callId) &&
                                     app->services().calls().find(account, callId)->hasEnded(),
                                 10000);
        const services::CallRecord* r = app->services().calls().find(account, callId);
        QVERIFY(r->hungUpHere);
        QCOMPARE(r->answeredAtMs, 0);

        // History: rejected, not missed; the journal and the event log say why.
        services::CallQuery q;
        q.peer = u"2001"_s;
        QTRY_COMPARE(app->services().history().calls(q).size(), 1);
        QCOMPARE(app->services().history().calls(q).first().outcome,
                 services::CallHistoryEntry::Outcome::Rejected);
        services::JournalQuery jq;
        bool journalled = false;
        for (const services::JournalEntry& e : app->services().history().journal(jq)) {
            journalled |= e.type == u"DoNotDisturbEvent" && e.objectId == callId;
        }
        QVERIFY(journalled);
        QTRY_VERIFY(hasEvent(app->window()->eventsPanel()->table()->model(), u"DoNotDisturbEvent"_s,
                             u"REJECTED"_s));
        QVERIFY(app->window()->statusBar()->currentMessage().contains(u"2001"_s));
        // Neither an incoming-call nor a missed-call notification.
        for (const QList<QVariant>& n : notes) {
            const auto kind = n.first().value<services::NotificationKind>();
            QVERIFY(kind != services::NotificationKind::IncomingCall);
            QVERIFY(kind != services::NotificationKind::MissedCall);
        }
    }

    void handOffFillsTheNumberWithoutDialling() {
        ui::PhonePanel* phone = app->window()->phonePanel();
        app->window()->showTab(u"events"_s);
        const int callsBefore = phone->callTable()->model()->rowCount();
        tray()->handOff({{u"arguments"_s, QJsonArray{u"tel:+1-555-0100"_s}}});
        QCOMPARE(phone->numberEdit()->text(), u"+15550100"_s);
        QCOMPARE(app->window()->focusWidget(), phone->dialButton());
        QVERIFY(app->window()->isVisible());
        QTest::qWait(300);
        QCOMPARE(phone->callTable()->model()->rowCount(), callsBefore);

        // A bad URI is explained, the field keeps what it had.
        tray()->handOff({{u"arguments"_s, QJsonArray{u"http://example.com"_s}}});
        QCOMPARE(phone->numberEdit()->text(), u"+15550100"_s);
        QVERIFY(app->window()->statusBar()->currentMessage().contains(u"sip:"_s));
        // A bad command line too.
        tray()->handOff({{u"arguments"_s, QJsonArray{u"--no-such-option"_s}}});
        QVERIFY(app->window()->statusBar()->currentMessage().contains(u"no-such-option"_s));
    }
};

QTEST_MAIN(tst_TrayController)
#include "tst_TrayController.moc"
