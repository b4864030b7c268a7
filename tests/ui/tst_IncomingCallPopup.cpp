// ui::IncomingCallPopup through app::IncomingCallController: the popup does not take keyboard
// focus, stacks, answers and rejects through CallService, closes when the call leaves RING,
// stays away under do-not-disturb, and the ringer follows.
#include "support/FakeClock.h"
#include "support/FakeCredentialStore.h"

#include "IncomingCallController.h"
#include "services/AccountService.h"
#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/Ringer.h"
#include "services/RingerPlayer.h"
#include "ui/widgets/IncomingCallPopup.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

class FakeBackend : public services::CallBackend {
public:
    QStringList log;
    QString dial(const QString&, bool) override { return {}; }
    bool answer(const QString& id) override { return record(u"answer "_s + id); }
    bool hangUp(const QString& id) override { return record(u"hangUp "_s + id); }
    bool hold(const QString& id, bool) override { return record(u"hold "_s + id); }
    bool unhold(const QString& id) override { return record(u"unhold "_s + id); }
    bool transfer(const QString&, const QString&) override { return false; }
    bool sendDtmf(const QString&, const QString&, core::DtmfType) override { return false; }

private:
    bool record(const QString& line) {
        log << line;
        return true;
    }
};

class SilentPlayer : public services::RingerPlayer {
public:
    void start(const QByteArray&) override { playing = true; }
    void stop() override { playing = false; }
    bool isPlaying() const override { return playing; }
    bool playing = false;
};

core::CallStatusEvent callEvent(const QString& id, const QString& status,
                                const QString& caller = u"2001"_s) {
    core::CallStatusEvent e;
    e.callId = id;
    e.status = core::fromWire<core::CallStatus>(QStringView(status));
    e.incoming = true;
    e.caller = caller;
    e.callee = u"1000"_s;
    return e;
}

} // namespace

class tst_IncomingCallPopup : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::shared_ptr<testsupport::FakeClock> clock;
    std::unique_ptr<QSettings> file;
    support::FakeCredentialStore keychain;
    std::unique_ptr<services::AppSettings> settings;
    std::unique_ptr<services::AccountService> accounts;
    std::unique_ptr<services::CallService> calls;
    FakeBackend backend;
    std::unique_ptr<app::IncomingCallController> controller;
    QString account;

    void ring(const QString& id, const QString& caller = u"2001"_s) {
        calls->apply(account, callEvent(id, u"RING"_s, caller));
    }

private Q_SLOTS:
    void init() {
        clock = std::make_shared<testsupport::FakeClock>();
        file = std::make_unique<QSettings>(dir.filePath(u"p.ini"_s), QSettings::IniFormat);
        file->clear();
        settings = std::make_unique<services::AppSettings>(*file);
        accounts = std::make_unique<services::AccountService>(*file, keychain);
        services::AccountProfile p;
        p.name = u"Office line"_s;
        p.serverUrl = QUrl(u"ws://127.0.0.1:8080"_s);
        account = accounts->add(p).id;
        calls = std::make_unique<services::CallService>(clock);
        backend.log.clear();
        calls->setBackend(account, &backend);
        controller = std::make_unique<app::IncomingCallController>(
            *calls, *settings, *accounts, std::make_unique<SilentPlayer>());
    }
    void cleanup() {
        controller.reset();
        calls.reset();
        accounts.reset();
        settings.reset();
        file.reset();
    }

    void flagsKeepFocusAway() {
        ui::IncomingCallPopup popup(u"a"_s, u"c"_s, u"2001"_s, u"Alice"_s, u"Office"_s);
        const Qt::WindowFlags f = popup.windowFlags();
        QVERIFY(f.testFlag(Qt::WindowDoesNotAcceptFocus));
        QVERIFY(f.testFlag(Qt::WindowStaysOnTopHint));
        QVERIFY(f.testFlag(Qt::FramelessWindowHint));
        QCOMPARE(popup.windowType(), Qt::Tool);
        QVERIFY(popup.testAttribute(Qt::WA_ShowWithoutActivating));
        QCOMPARE(popup.answerButton()->focusPolicy(), Qt::NoFocus);
        QCOMPARE(popup.findChild<QLabel*>(u"callerLabel"_s)->text(), u"Alice <2001>"_s);
        QCOMPARE(popup.findChild<QLabel*>(u"accountLabel"_s)->text(), u"to Office"_s);
    }

    void theFocusedWindowKeepsFocus() {
        if (QGuiApplication::platformName() == u"offscreen") {
            QSKIP("The offscreen platform activates every window it shows; this runs under "
                  "Xvfb as tst_IncomingCallPopup_xcb.");
        }
        QWidget main;
        auto* edit = new QLineEdit(&main);
        (new QVBoxLayout(&main))->addWidget(edit);
        main.show();
        main.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&main));
        edit->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), edit);
        ring(u"c1"_s);
        QCOMPARE(controller->popups().size(), 1);
        ui::IncomingCallPopup* popup = controller->popups().first();
        QVERIFY(QTest::qWaitForWindowExposed(popup));
        popup->activateWindow(); // even an explicit request must not take the focus
        QTest::qWait(100);
        QCOMPARE(QApplication::activeWindow(), &main);
        QCOMPARE(QApplication::focusWidget(), edit);
        QTest::keyClicks(edit, u"123"_s);
        QCOMPARE(edit->text(), u"123"_s);
    }

    void answerAnswersAndCloses() {
        ring(u"c1"_s, u"2042"_s);
        QVERIFY(controller->ringer().isRinging());
        ui::IncomingCallPopup* popup = controller->popup(account, u"c1"_s);
        QVERIFY(popup);
        QCOMPARE(popup->findChild<QLabel*>(u"accountLabel"_s)->text(), u"to Office line"_s);
        QCOMPARE(popup->findChild<QLabel*>(u"callerLabel"_s)->text(), u"2042"_s);
        QTest::mouseClick(popup->answerButton(), Qt::LeftButton);
        QCOMPARE(backend.log, QStringList{u"answer c1"_s});
        QVERIFY(!controller->ringer().isRinging());
        calls->apply(account, callEvent(u"c1"_s, u"ESTABLISHED"_s));
        QVERIFY(controller->popups().isEmpty());
    }

    void rejectHangsUpAndCloses() {
        ring(u"c1"_s);
        QTest::mouseClick(controller->popup(account, u"c1"_s)->rejectButton(), Qt::LeftButton);
        QCOMPARE(backend.log, QStringList{u"hangUp c1"_s});
        calls->apply(account, callEvent(u"c1"_s, u"FINISH"_s));
        QVERIFY(controller->popups().isEmpty());
    }

    void closesWhenTheCallerGivesUp() {
        ring(u"c1"_s);
        QPointer<ui::IncomingCallPopup> popup = controller->popup(account, u"c1"_s);
        QVERIFY(!popup.isNull());
        calls->apply(account, callEvent(u"c1"_s, u"FAILED"_s));
        QVERIFY(controller->popups().isEmpty());
        QTRY_VERIFY(popup.isNull()); // deleted later
        QVERIFY(!controller->ringer().isRinging());
    }

    void popupsStack() {
        ring(u"c1"_s, u"2001"_s);
        ring(u"c2"_s, u"2002"_s);
        ring(u"c3"_s, u"2003"_s);
        const QList<ui::IncomingCallPopup*> popups = controller->popups();
        QCOMPARE(popups.size(), 3);
        for (int i = 1; i < popups.size(); ++i) {
            const QRect below = popups.at(i - 1)->frameGeometry();
            const QRect above = popups.at(i)->frameGeometry();
            QVERIFY(!below.intersects(above));
            QVERIFY(above.bottom() < below.top());
            QCOMPARE(above.right(), below.right());
        }
        // The middle one goes: the top one moves down into its place.
        const int lowestTop = popups.at(1)->y();
        calls->apply(account, callEvent(u"c2"_s, u"FINISH"_s));
        QCOMPARE(controller->popups().size(), 2);
        QCOMPARE(controller->popups().at(1)->callId(), u"c3"_s);
        QCOMPARE(controller->popups().at(1)->y(), lowestTop);
    }

    void nothingUnderDoNotDisturb() {
        settings->setDoNotDisturb(true);
        ring(u"c1"_s);
        QVERIFY(controller->popups().isEmpty());
        QVERIFY(!controller->ringer().isRinging());
    }
};

QTEST_MAIN(tst_IncomingCallPopup)
#include "tst_IncomingCallPopup.moc"
