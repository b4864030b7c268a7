// ui::PhonePanel: the call buttons follow the selected call's Can*Role values for every call
// status and direction, and pressing them reaches the CallService backend.
#include "models/CallListModel.h"
#include "services/CallService.h"
#include "support/FakeClock.h"
#include "ui/widgets/PhonePanel.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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

    void transferAsksForTheTarget() {
        Rig rig;
        rig.addCall(S::Established, false);
        QTRY_COMPARE(rig.model.rowCount(), 1);
        rig.panel.selectRow(0);
        bool seen = false;
        QTimer::singleShot(0, this, [&seen] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (dialog) {
                seen = true;
                dialog->setTextValue(u"2099"_s);
                dialog->accept();
            }
        });
        QTest::mouseClick(rig.panel.transferButton(), Qt::LeftButton);
        QVERIFY(seen);
        QCOMPARE(rig.backend.log.last(), u"holdForTransfer c1"_s);
    }

    void dialAndDialPad() {
        Rig rig;
        QSignalSpy dial(&rig.panel, &ui::PhonePanel::dialRequested);
        QSignalSpy dtmf(&rig.panel, &ui::PhonePanel::dtmfRequested);
        QVERIFY(!rig.panel.dialButton()->isEnabled());
        QTest::keyClicks(rig.panel.numberEdit(), u"99"_s);
        QTest::mouseClick(rig.panel.dialPadKey(u'9'), Qt::LeftButton);
        QTest::mouseClick(rig.panel.dialPadKey(u'#'), Qt::LeftButton);
        QCOMPARE(dtmf.size(), 2);
        QCOMPARE(dtmf.at(1).at(0).toString(), u"#"_s);
        QCOMPARE(rig.panel.numberEdit()->text(), u"999#"_s);
        QVERIFY(rig.panel.dialButton()->isEnabled());
        QTest::mouseClick(rig.panel.dialButton(), Qt::LeftButton);
        QCOMPARE(dial.size(), 1);
        QCOMPARE(dial.first().at(0).toString(), u"999#"_s);
    }
};

QTEST_MAIN(tst_PhonePanel)
#include "tst_PhonePanel.moc"
