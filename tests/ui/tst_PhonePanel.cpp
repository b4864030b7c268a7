// ui::PhonePanel: the call buttons follow the selected call's Can*Role values for every call
// status and direction, and pressing them reaches the CallService backend.
#include "models/AccountListModel.h"
#include "models/CallListModel.h"
#include "models/HistoryModel.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "support/FakeClock.h"
#include "ui/widgets/PhonePanel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using S = core::CallStatus;

Q_DECLARE_METATYPE(core::CallStatus)

namespace {

class FakeBackend : public services::CallBackend {
public:
    QStringList log;
    QString dial(const QString& callee, bool) override {
        log << u"dial "_s + callee;
        return u"new-call"_s;
    }
    bool answer(const QString& id) override { return record(u"answer "_s + id); }
    bool hangUp(const QString& id) override { return record(u"hangUp "_s + id); }
    bool hold(const QString& id, bool forTransfer) override {
        return record((forTransfer ? u"holdForTransfer "_s : u"hold "_s) + id);
    }
    bool unhold(const QString& id) override { return record(u"unhold "_s + id); }
    bool transfer(const QString& id, const QString& target) override {
        return record(u"transfer "_s + id + u' ' + target);
    }
    bool sendDtmf(const QString& id, const QString& digits, core::DtmfType) override {
        return record(u"dtmf "_s + id + u' ' + digits);
    }

private:
    bool record(const QString& line) {
        log << line;
        return true;
    }
};

struct Rig {
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();
    services::CallService service{clock};
    FakeBackend backend;
    models::CallListModel model{&service, clock};
    ui::PhonePanel panel{&model};

    Rig() {
        service.setBackend(u"acc"_s, &backend);
        QObject::connect(&model, &models::CallListModel::answerRequested, &service,
                         &services::CallService::answer);
        QObject::connect(&model, &models::CallListModel::hangUpRequested, &service,
                         &services::CallService::hangUp);
        QObject::connect(&model, &models::CallListModel::holdRequested, &service,
                         &services::CallService::hold);
        QObject::connect(&model, &models::CallListModel::resumeRequested, &service,
                         &services::CallService::resume);
        QObject::connect(&model, &models::CallListModel::transferRequested, &service,
                         &services::CallService::transfer);
    }

    void addCall(S status, bool incoming) {
        core::CallStatusEvent e;
        e.callId = u"c1"_s;
        e.status = status;
        e.incoming = incoming;
        e.caller = u"2001"_s;
        e.callee = u"2002"_s;
        service.apply(u"acc"_s, e);
    }
};

} // namespace

class tst_PhonePanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void buttonsFollowTheSelectedCall_data() {
        QTest::addColumn<S>("status");
        QTest::addColumn<bool>("incoming");
        // answer, reject, hang up, hold, resume, transfer
        QTest::addColumn<QList<bool>>("enabled");
        const bool T = true, F = false;
        const auto row = [](const char* tag, S s, bool in, QList<bool> e) {
            QTest::newRow(tag) << s << in << e;
        };
        row("out NEW", S::New, F, {F, F, T, F, F, F});
        row("out PENDING", S::Pending, F, {F, F, T, F, F, F});
        row("out TRYING", S::Trying, F, {F, F, T, F, F, F});
        row("out RING", S::Ring, F, {F, F, T, F, F, F});
        row("out RING_MEDIA", S::RingMedia, F, {F, F, T, F, F, F});
        row("out SESSION_PROGRESS", S::SessionProgress, F, {F, F, T, F, F, F});
        row("out ESTABLISHED", S::Established, F, {F, F, T, T, F, T});
        row("out HOLD", S::Hold, F, {F, F, T, F, T, T});
        row("out BUSY", S::Busy, F, {F, F, F, F, F, F});
        row("out FINISH", S::Finish, F, {F, F, F, F, F, F});
        row("out FAILED", S::Failed, F, {F, F, F, F, F, F});
        row("in NEW", S::New, T, {T, T, T, F, F, F});
        row("in PENDING", S::Pending, T, {F, F, T, F, F, F});
        row("in TRYING", S::Trying, T, {F, F, T, F, F, F});
        row("in RING", S::Ring, T, {T, T, T, F, F, F});
        row("in RING_MEDIA", S::RingMedia, T, {F, F, T, F, F, F});
        row("in SESSION_PROGRESS", S::SessionProgress, T, {F, F, T, F, F, F});
        row("in ESTABLISHED", S::Established, T, {F, F, T, T, F, T});
        row("in HOLD", S::Hold, T, {F, F, T, F, T, T});
        row("in BUSY", S::Busy, T, {F, F, F, F, F, F});
        row("in FINISH", S::Finish, T, {F, F, F, F, F, F});
        row("in FAILED", S::Failed, T, {F, F, F, F, F, F});
    }

    void buttonsFollowTheSelectedCall() {
        QFETCH(S, status);
        QFETCH(bool, incoming);
        QFETCH(QList<bool>, enabled);
        Rig rig;
        ui::PhonePanel& p = rig.panel;
        const QList<QPushButton*> buttons{p.answerButton(), p.rejectButton(), p.hangUpButton(),
                                          p.holdButton(),   p.resumeButton(), p.transferButton()};
        for (QPushButton* b : buttons) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->objectName())); // nothing selected
        }
        rig.addCall(status, incoming);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        QCOMPARE(rig.model.index(0, 0).data(models::CallListModel::StatusRole).toInt(),
                 static_cast<int>(status));
        p.selectRow(0);
        QCOMPARE(p.selectedRow(), 0);
        for (qsizetype i = 0; i < buttons.size(); ++i) {
            QVERIFY2(buttons[i]->isEnabled() == enabled[i], qPrintable(buttons[i]->objectName()));
        }
        p.callTable()->clearSelection();
        for (QPushButton* b : buttons) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->objectName()));
        }
    }

    void buttonsFollowStatusChanges() {
        Rig rig;
        rig.addCall(S::Ring, true);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        QVERIFY(rig.panel.answerButton()->isEnabled()); // a new call is selected
        core::CallStatusEvent e;
        e.callId = u"c1"_s;
        e.status = S::Established;
        rig.service.apply(u"acc"_s, e);
        QTRY_VERIFY(rig.panel.holdButton()->isEnabled());
        QVERIFY(!rig.panel.answerButton()->isEnabled());
    }

    void buttonsReachTheBackend() {
        Rig rig;
        rig.addCall(S::Established, false);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        rig.panel.selectRow(0);
        QTest::mouseClick(rig.panel.holdButton(), Qt::LeftButton);
        QCOMPARE(rig.backend.log.last(), u"hold c1"_s);
        QTest::mouseClick(rig.panel.hangUpButton(), Qt::LeftButton);
        QCOMPARE(rig.backend.log.last(), u"hangUp c1"_s);
    }

    void transferRaisesTheRequestWithoutTarget() {
        Rig rig;
        rig.addCall(S::Established, false);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        rig.panel.selectRow(0);
        QSignalSpy transfer(&rig.model, &models::CallListModel::transferRequested);
        QTest::mouseClick(rig.panel.transferButton(), Qt::LeftButton);
        QCOMPARE(transfer.size(), 1);
        QCOMPARE(transfer.first().at(0).toString(), u"acc"_s);
        QCOMPARE(transfer.first().at(1).toString(), u"c1"_s);
        QCOMPARE(transfer.first().at(2).toString(), QString()); // the controller asks for it
    }

    void dialAndDialPadWithoutACall() {
        Rig rig;
        QSignalSpy dial(&rig.panel, &ui::PhonePanel::dialRequested);
        QSignalSpy dtmf(&rig.panel, &ui::PhonePanel::dtmfRequested);
        QVERIFY(!rig.panel.dialButton()->isEnabled());
        QTest::keyClicks(rig.panel.numberEdit(), u"99"_s);
        QTest::mouseClick(rig.panel.dialPadKey(u'9'), Qt::LeftButton);
        QTest::mouseClick(rig.panel.dialPadKey(u'#'), Qt::LeftButton);
        QCOMPARE(dtmf.size(), 0); // nothing talks: the keys type
        QCOMPARE(rig.panel.numberEdit()->text(), u"999#"_s);
        QVERIFY(rig.panel.dialButton()->isEnabled());
        QTest::mouseClick(rig.panel.dialButton(), Qt::LeftButton);
        QCOMPARE(dial.size(), 1);
        QCOMPARE(dial.first().at(0).toString(), u"999#"_s);
    }

    void dialPadSendsDtmfWhileTalking_data() {
        QTest::addColumn<S>("status");
        QTest::addColumn<bool>("dtmf");
        QTest::newRow("ESTABLISHED") << S::Established << true;
        QTest::newRow("HOLD") << S::Hold << false;
        QTest::newRow("RING") << S::Ring << false;
        QTest::newRow("FINISH") << S::Finish << false;
    }

    void dialPadSendsDtmfWhileTalking() {
        QFETCH(S, status);
        QFETCH(bool, dtmf);
        Rig rig;
        rig.addCall(status, false);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        QCOMPARE(rig.panel.hasTalkingCall(), dtmf);
        QSignalSpy tones(&rig.panel, &ui::PhonePanel::dtmfRequested);
        QTest::mouseClick(rig.panel.dialPadKey(u'7'), Qt::LeftButton);
        // Digits typed while the call table has the focus are dial keys too.
        rig.panel.callTable()->setFocus();
        QTest::keyClick(rig.panel.callTable(), Qt::Key_3, Qt::NoModifier);
        QCOMPARE(tones.size(), dtmf ? 2 : 0);
        QCOMPARE(rig.panel.numberEdit()->text(), dtmf ? QString() : u"73"_s);
        if (dtmf) {
            QCOMPARE(tones.at(1).at(0).toString(), u"3"_s);
        }
    }

    void keyboardInTheNumberField() {
        Rig rig;
        rig.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&rig.panel));
        QSignalSpy dial(&rig.panel, &ui::PhonePanel::dialRequested);
        QLineEdit* edit = rig.panel.numberEdit();
        edit->setFocus();
        QTest::keyClicks(edit, u"12*#"_s);
        QCOMPARE(edit->text(), u"12*#"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(dial.size(), 1);
        QCOMPARE(dial.first().at(0).toString(), u"12*#"_s);
        QTest::keyClick(edit, Qt::Key_Escape);
        QCOMPARE(edit->text(), QString());
        QTest::keyClick(edit, Qt::Key_Enter); // empty: nothing to dial
        QCOMPARE(dial.size(), 1);
    }

    void numberFieldCompletesFromHistory() {
        Rig rig;
        using Entry = services::CallHistoryEntry;
        models::HistoryModel history([](const services::CallQuery&) {
            QList<Entry> rows;
            for (const char* peer : {"2042", "9999", "2001", "2042"}) {
                Entry e;
                e.peer = QString::fromLatin1(peer);
                rows << e;
            }
            return rows;
        });
        history.refresh();
        rig.panel.setHistoryModel(&history);
        // Each peer once, newest first.
        QCOMPARE(rig.panel.peerModel()->stringList(),
                 (QStringList{u"2042"_s, u"9999"_s, u"2001"_s}));
        rig.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&rig.panel));
        QLineEdit* edit = rig.panel.numberEdit();
        edit->setFocus();
        QTest::keyClicks(edit, u"20"_s);
        QCompleter* completer = edit->completer();
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 2);
        QStringList offered;
        for (int i = 0; i < completer->completionCount(); ++i) {
            completer->setCurrentRow(i);
            offered << completer->currentCompletion();
        }
        QCOMPARE(offered, (QStringList{u"2042"_s, u"2001"_s}));
        // Choosing a completion fills the field.
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(edit->text(), u"2042"_s);
        // A new call in history shows up as soon as the model refreshes.
        QVERIFY(!rig.panel.peerModel()->stringList().contains(u"5000"_s));
    }

    void accountPickerMarksOfflineAccounts() {
        Rig rig;
        services::SessionMonitor sessions(rig.clock);
        models::AccountListModel accounts(&sessions, rig.clock, [](const QString& id) {
            return id == u"a1"_s ? u"Office"_s : u"Home"_s;
        });
        rig.panel.setAccountModel(&accounts);
        QVERIFY(!rig.panel.accountCombo()->isEnabled());
        QCOMPARE(rig.panel.selectedAccountId(), QString());
        sessions.addAccount(u"a1"_s, true);
        sessions.addAccount(u"a2"_s, false);
        QComboBox* combo = rig.panel.accountCombo();
        QCOMPARE(combo->count(), 2);
        QVERIFY(combo->itemText(0).contains(u"Office"_s));
        QVERIFY(combo->itemText(0) != u"Office"_s); // marked offline
        QVERIFY(!rig.panel.selectAccount(u"a2"_s)); // offline accounts cannot be chosen
        core::ConnectionStatusEvent up;
        up.status = core::SessionStatus::Established;
        sessions.apply(u"a2"_s, up);
        QTRY_COMPARE(combo->itemText(1), u"Home"_s);      // no registration wanted: ready
        QCOMPARE(rig.panel.selectedAccountId(), u"a2"_s); // the only connected one
        sessions.apply(u"a1"_s, up);
        QTRY_VERIFY(combo->itemText(0).startsWith(u"Office ("_s)); // not registered yet
        QVERIFY(rig.panel.selectAccount(u"a1"_s));
        QCOMPARE(rig.panel.selectedAccountId(), u"a1"_s);
        core::RegistrationStatusEvent reg;
        reg.status = core::RegistrationStatus::Registered;
        sessions.apply(u"a1"_s, reg);
        QTRY_COMPARE(combo->itemText(0), u"Office"_s);
        QCOMPARE(rig.panel.selectedAccountId(), u"a1"_s); // the choice stays
    }

    void durationTicksEverySecond() {
        Rig rig;
        rig.addCall(S::Established, false);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        const QModelIndex duration = rig.model.index(0, models::CallListModel::DurationColumn);
        const QString before = duration.data().toString();
        rig.clock->advance(65000);
        QSignalSpy changed(&rig.model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(1500));
        QCOMPARE(duration.data().toString(), u"1:05"_s);
        QVERIFY(before != duration.data().toString());
    }
};

QTEST_MAIN(tst_PhonePanel)
#include "tst_PhonePanel.moc"
