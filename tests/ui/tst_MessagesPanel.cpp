// ui::MessagesPanel and app::MessagesController (issue #5, SIP MESSAGE: send, receive, per
// peer). The panel alone, then end to end: the desktop app (demo mode) with two SIP over
// WebSocket accounts, alice and bob, on the real loopback Kamailio exchanging MESSAGEs through
// the panel, with the delivery result of each (spec sip-connection-manager.md §8.6).
#include "AppComposition.h"
#include "AppServices.h"

#include "models/MessageListModel.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/History.h"
#include "services/JournalQuery.h"
#include "services/MessageRecord.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "support/KamailioTestbed.h"
#include "ui/widgets/MessagesPanel.h"
#include "ui/windows/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Role = models::MessageListModel::Role;

namespace {

QString addSipAccount(app::AppServices& s, const testsupport::KamailioTestbed& kam,
                      const QString& user) {
    services::AccountProfile p;
    p.name = user.at(0).toUpper() + user.mid(1);
    p.backend = services::AccountProfile::Backend::SipWebSocket;
    p.serverUrl = QUrl(kam.wsUrl());
    p.sipLogin = user;
    p.sipDomain = u"sip.test"_s;
    const auto saved = s.accounts().add(p);
    if (!saved.errors.isEmpty()) {
        return {};
    }
    s.typedPasswords().set(saved.id, user + u"-secret"_s);
    return saved.id;
}

int rowOf(const QListWidget* list, const QString& needle) {
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(needle)) {
            return i;
        }
    }
    return -1;
}

} // namespace

class tst_MessagesPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sendAsksForWhatIsMissing() {
        ui::MessagesPanel panel;
        QSignalSpy requested(&panel, &ui::MessagesPanel::sendRequested);
        QVERIFY(!panel.sendButton()->isEnabled());
        QVERIFY(!panel.send()); // no account
        QVERIFY(panel.errorLabel()->isVisibleTo(&panel));
        QVERIFY(panel.errorLabel()->text().contains(u"Connect"_s));
        panel.setAccounts({{u"a1"_s, u"Office"_s}, {u"a2"_s, QString()}});
        QCOMPARE(panel.accountCombo()->count(), 2);
        QCOMPARE(panel.accountCombo()->itemText(1), u"a2"_s); // id when it has no name
        panel.textEdit()->setText(u"hello"_s);
        QVERIFY(!panel.send()); // no peer
        QVERIFY(panel.errorLabel()->text().contains(u"who"_s));
        panel.peerEdit()->setText(u" bob "_s);
        QVERIFY(panel.sendButton()->isEnabled());
        panel.accountCombo()->setCurrentIndex(1);
        QTest::keyClick(panel.textEdit(), Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0),
                 (QVariantList{u"a2"_s, u"bob"_s, u"hello"_s})); // peer trimmed, text as typed
        QVERIFY(!panel.errorLabel()->isVisibleTo(&panel));
        // the account choice survives a new list
        panel.setAccounts({{u"a0"_s, u"New"_s}, {u"a2"_s, u"Two"_s}});
        QCOMPARE(panel.selectedAccountId(), u"a2"_s);
    }

    void conversationsAreListedAndPicked() {
        ui::MessagesPanel panel;
        panel.setAccounts({{u"a1"_s, u"Office"_s}});
        QSignalSpy picked(&panel, &ui::MessagesPanel::conversationSelected);
        services::MessageConversation bob{u"a1"_s, u"sip:bob@sip.test"_s, u"Bob"_s, 2000,
                                          3,       u"see you"_s};
        services::MessageConversation carol{u"a1"_s, u"sip:carol@sip.test"_s, {}, 1000, 1, u"hi"_s};
        panel.setConversations({bob, carol}, {{u"a1"_s, u"Office"_s}});
        QCOMPARE(panel.conversationList()->count(), 2);
        const QString first = panel.conversationList()->item(0)->text();
        QVERIFY2(first.contains(u"Bob <sip:bob@sip.test>"_s) && first.contains(u"Office"_s) &&
                     first.contains(u"3 message"_s),
                 qPrintable(first));
        panel.conversationList()->setCurrentRow(1);
        QCOMPARE(picked.size(), 1);
        QCOMPARE(picked.at(0), (QVariantList{u"a1"_s, u"sip:carol@sip.test"_s}));
        QCOMPARE(panel.peerText(), u"sip:carol@sip.test"_s);
        // a refresh keeps the selection and raises nothing
        panel.setConversations({carol, bob});
        QCOMPARE(panel.conversationList()->currentRow(), 0);
        QCOMPARE(picked.size(), 1);
        QVERIFY(panel.selectConversation(u"a1"_s, u"sip:bob@sip.test"_s));
        QCOMPARE(panel.conversationList()->currentRow(), 1);
        QVERIFY(!panel.selectConversation(u"a1"_s, u"sip:nobody@sip.test"_s));
    }

    void aliceAndBobExchangeMessages() {
        testsupport::KamailioTestbed kam;
        QVERIFY2(kam.start(), qPrintable(kam.error()));
        app::AppComposition::Options o;
        o.demo = true; // throw-away settings; the demo WCS account has no SIP MESSAGE
        app::AppComposition app(o);
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        QVERIFY(app.start());
        QVERIFY(ready.wait(10000));
        app::AppServices& s = app.services();
        const QString alice = addSipAccount(s, kam, u"alice"_s);
        const QString bob = addSipAccount(s, kam, u"bob"_s);
        QVERIFY(!alice.isEmpty() && !bob.isEmpty());
        QVERIFY(s.connector().connectAccount(alice));
        QVERIFY(s.connector().connectAccount(bob));
        for (const QString& id : {alice, bob}) {
            QTRY_COMPARE_WITH_TIMEOUT(s.sessions().state(id).registration,
                                      core::RegistrationStatus::Registered, 10000);
        }

        ui::MessagesPanel* panel = app.window()->messagesPanel();
        QVERIFY(panel);
        QVERIFY(app.window()->showTab(u"messages"_s));
        QCOMPARE(app.window()->tabs()->currentWidget(), panel);
        QTRY_COMPARE(panel->accountCombo()->count(), 2); // alice and bob, not the WCS demo
        QAbstractItemModel* model = panel->messageView()->model();
        QVERIFY(model);

        // alice -> bob
        panel->accountCombo()->setCurrentIndex(panel->accountCombo()->findData(alice));
        panel->peerEdit()->setText(u"bob"_s);
        panel->textEdit()->setText(u"Hello Bob, ça va?"_s);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY2(!panel->errorLabel()->isVisibleTo(panel), qPrintable(panel->errorLabel()->text()));
        QVERIFY(panel->textEdit()->text().isEmpty());
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex sent = model->index(0, 0);
        QCOMPARE(sent.data(Role::OutgoingRole).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(sent.data(Role::DeliveryRole).toInt(),
                                  int(services::MessageRecord::Delivery::Delivered), 5000);
        QCOMPARE(sent.data(Role::SipStatusRole).toInt(), 200);
        QVERIFY(sent.data().toString().contains(u"delivered (200)"_s));

        // bob got it: a second conversation, opened from the list
        QTRY_COMPARE_WITH_TIMEOUT(panel->conversationList()->count(), 2, 5000);
        const int bobsRow = rowOf(panel->conversationList(), u"sip:alice@sip.test"_s);
        QVERIFY(bobsRow >= 0);
        panel->conversationList()->setCurrentRow(bobsRow);
        QCOMPARE(panel->selectedAccountId(), bob);
        QCOMPARE(panel->peerText(), u"sip:alice@sip.test"_s);
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex received = model->index(0, 0);
        QCOMPARE(received.data(Role::OutgoingRole).toBool(), false);
        QCOMPARE(received.data(Role::BodyRole).toString(), u"Hello Bob, ça va?"_s);
        QCOMPARE(received.data(Role::DeliveryTextRole).toString(), u"received"_s);
        QCOMPARE(received.data(Role::PeerNameRole).toString(), QString()); // no display name

        // bob answers from the same conversation with Enter
        panel->textEdit()->setText(u"Fine, thanks"_s);
        QTest::keyClick(panel->textEdit(), Qt::Key_Return);
        QCOMPARE(model->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(1, 0).data(Role::SipStatusRole).toInt(), 200, 5000);

        // to someone who is not registered: not delivered, with the SIP answer
        panel->accountCombo()->setCurrentIndex(panel->accountCombo()->findData(alice));
        panel->peerEdit()->setText(u"carol"_s);
        panel->textEdit()->setText(u"anyone there?"_s);
        QVERIFY(panel->send());
        QCOMPARE(panel->peerText(), u"sip:carol@sip.test"_s); // the conversation opened
        QCOMPARE(model->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, 0).data(Role::DeliveryRole).toInt(),
                                  int(services::MessageRecord::Delivery::Failed), 8000);
        const int code = model->index(0, 0).data(Role::SipStatusRole).toInt();
        QVERIFY2(code >= 400, qPrintable(QString::number(code)));
        const QString why = model->index(0, 0).data(Role::DeliveryTextRole).toString();
        QVERIFY2(why.startsWith(u"not delivered"_s) && why.contains(QString::number(code)),
                 qPrintable(why));
        QCOMPARE(panel->conversationList()->count(), 3);

        // alice's first conversation still holds her message
        const int alicesRow = rowOf(panel->conversationList(), u"sip:bob@sip.test"_s);
        QVERIFY(alicesRow >= 0);
        panel->conversationList()->setCurrentRow(alicesRow);
        QCOMPARE(model->rowCount(), 2); // hers and bob's answer
        QCOMPARE(model->index(1, 0).data(Role::BodyRole).toString(), u"Fine, thanks"_s);

        if (const QString dir = qEnvironmentVariable("CALLBOARD_ARTIFACTS_DIR"); !dir.isEmpty()) {
            app.window()->resize(1000, 600);
            QVERIFY(app.window()->grab().save(dir + u"/messages-panel.png"_s));
        }

        // the raw connection:* events reached the event journal with their payloads
        QVERIFY(s.history().flush());
        services::JournalQuery q;
        q.type = u"connection:newMessage"_s;
        q.accountId = bob;
        const QList<services::JournalEntry> bobs = s.history().journal(q);
        QCOMPARE(bobs.size(), 2); // alice's (remote) and his answer (local)
        QVERIFY(bobs.last().json.contains("Hello Bob"));
        q.type = u"connection:registered"_s;
        q.accountId = alice;
        QCOMPARE(s.history().journal(q).size(), 1);

        // a disconnected account is no longer offered; sending from nowhere is refused
        s.connector().disconnectAccount(alice);
        s.connector().disconnectAccount(bob);
        QCOMPARE(panel->accountCombo()->count(), 0);
        panel->textEdit()->setText(u"still there?"_s);
        QVERIFY(!panel->send());
        QVERIFY(panel->errorLabel()->isVisibleTo(panel));
        QTRY_COMPARE_WITH_TIMEOUT(s.connector().drainingCount(), 0, 5000);
    }
};

QTEST_MAIN(tst_MessagesPanel)
#include "tst_MessagesPanel.moc"
