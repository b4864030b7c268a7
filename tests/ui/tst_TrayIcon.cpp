// ui::TrayIcon without a tray host: the icon follows the worst connection state (badge tone,
// checked on the painted pixels), the tooltip lists the accounts, the menu's account actions
// are enabled by state and emit intents, do-not-disturb is checkable and marks the icon.
#include "ui/tray/TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using core::SessionStatus;
using Tone = ui::StatusBadgeStyle::Tone;

Q_DECLARE_METATYPE(core::SessionStatus)
Q_DECLARE_METATYPE(ui::StatusBadgeStyle::Tone)

namespace {

QColor centreOf(const QIcon& icon, int size) {
    const QImage img = icon.pixmap(size, size).toImage();
    // Above the glyph, inside the disc.
    return img.pixelColor(img.width() / 2, img.height() * 15 / 100);
}

bool near(const QColor& a, const QColor& b) {
    return qAbs(a.red() - b.red()) < 24 && qAbs(a.green() - b.green()) < 24 &&
           qAbs(a.blue() - b.blue()) < 24;
}

ui::TrayIcon::Account account(const QString& id, SessionStatus s, bool connected) {
    ui::TrayIcon::Account a;
    a.id = id;
    a.name = id == u"a1" ? u"Office"_s : u"Home"_s;
    a.connection = s;
    a.connected = connected;
    return a;
}

} // namespace

class tst_TrayIcon : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void iconFollowsWorstConnection_data() {
        QTest::addColumn<SessionStatus>("worst");
        QTest::addColumn<Tone>("tone");
        QTest::newRow("FAILED") << SessionStatus::Failed << Tone::Bad;
        QTest::newRow("DISCONNECTED") << SessionStatus::Disconnected << Tone::Idle;
        QTest::newRow("PENDING") << SessionStatus::Pending << Tone::Progress;
        QTest::newRow("CONNECTED") << SessionStatus::Connected << Tone::Progress;
        QTest::newRow("ESTABLISHED") << SessionStatus::Established << Tone::Good;
        QTest::newRow("REGISTERED") << SessionStatus::Registered << Tone::Good;
        QTest::newRow("unknown") << SessionStatus::Unknown << Tone::Neutral;
    }
    void iconFollowsWorstConnection() {
        QFETCH(SessionStatus, worst);
        QFETCH(Tone, tone);
        const ui::StatusBadgeStyle::Badge badge = ui::TrayIcon::badgeFor(worst);
        QCOMPARE(badge.tone, tone);
        QVERIFY(!badge.text.isEmpty());

        const QColor expected = ui::StatusBadgeStyle::color(tone);
        for (const int size : {16, 22, 32, 48}) {
            const QIcon icon = ui::TrayIcon::iconFor(worst, false);
            QVERIFY(!icon.isNull());
            const QColor got = centreOf(icon, size);
            QVERIFY2(near(got, expected), qPrintable(u"size %1: %2 instead of %3"_s.arg(size).arg(
                                              got.name(), expected.name())));
        }

        ui::TrayIcon tray;
        tray.setState(worst, {});
        QCOMPARE(tray.worst(), worst);
        QVERIFY(near(centreOf(tray.icon(), 32), expected));
    }

    void doNotDisturbMarksTheIcon() {
        const QImage plain =
            ui::TrayIcon::iconFor(SessionStatus::Established, false).pixmap(32, 32).toImage();
        const QImage marked =
            ui::TrayIcon::iconFor(SessionStatus::Established, true).pixmap(32, 32).toImage();
        QVERIFY(plain != marked);
        // The corner mark is red (the Bad tone).
        QVERIFY(near(marked.pixelColor(23, 28),
                     ui::StatusBadgeStyle::color(ui::StatusBadgeStyle::Tone::Bad)));
    }

    void toolTipListsAccounts() {
        ui::TrayIcon tray;
        auto office = account(u"a1"_s, SessionStatus::Failed, true);
        office.info = u"Connection refused"_s;
        auto home = account(u"a2"_s, SessionStatus::Established, true);
        home.registrationWanted = true;
        home.registration = core::RegistrationStatus::Registered;
        tray.setState(SessionStatus::Failed, {office, home});
        const QStringList lines = tray.toolTip().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], u"Callboard"_s);
        QVERIFY2(lines[1].startsWith(u"Office: "_s) && lines[1].contains(u"Connection refused"_s),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(u"Home: "_s), qPrintable(lines[2]));
        QVERIFY(lines[2].contains(u"egistered"_s, Qt::CaseInsensitive));

        tray.setDoNotDisturb(true);
        QVERIFY(tray.toolTip().contains(u"Do not disturb"_s));
        tray.setState(SessionStatus::Disconnected, {});
        QVERIFY(tray.toolTip().contains(u"No account"_s));
    }

    void accountActionsFollowStateAndEmitIntents() {
        ui::TrayIcon tray;
        QSignalSpy connectSpy(&tray, &ui::TrayIcon::connectRequested);
        QSignalSpy disconnectSpy(&tray, &ui::TrayIcon::disconnectRequested);
        tray.setState(SessionStatus::Disconnected,
                      {account(u"a1"_s, SessionStatus::Established, true),
                       account(u"a2"_s, SessionStatus::Disconnected, false)});
        QVERIFY(tray.connectAction(u"a1"_s));
        QVERIFY(!tray.connectAction(u"a1"_s)->isEnabled());
        QVERIFY(tray.disconnectAction(u"a1"_s)->isEnabled());
        QVERIFY(tray.connectAction(u"a2"_s)->isEnabled());
        QVERIFY(!tray.disconnectAction(u"a2"_s)->isEnabled());
        QCOMPARE(tray.connectAction(u"nope"_s), nullptr);

        tray.disconnectAction(u"a1"_s)->trigger();
        tray.connectAction(u"a2"_s)->trigger();
        QCOMPARE(disconnectSpy.size(), 1);
        QCOMPARE(disconnectSpy.first().first().toString(), u"a1"_s);
        QCOMPARE(connectSpy.size(), 1);
        QCOMPARE(connectSpy.first().first().toString(), u"a2"_s);

        // Same accounts, new state: updated in place; one removed: rebuilt.
        QAction* before = tray.connectAction(u"a2"_s);
        tray.setState(SessionStatus::Established,
                      {account(u"a1"_s, SessionStatus::Established, true),
                       account(u"a2"_s, SessionStatus::Established, true)});
        QCOMPARE(tray.connectAction(u"a2"_s), before);
        QVERIFY(!before->isEnabled());
        tray.setState(SessionStatus::Established,
                      {account(u"a1"_s, SessionStatus::Established, true)});
        QCOMPARE(tray.connectAction(u"a2"_s), nullptr);
        int submenus = 0;
        for (QAction* a : tray.menu()->actions()) {
            submenus += a->menu() != nullptr ? 1 : 0;
        }
        QCOMPARE(submenus, 1);
    }

    void menuIntents() {
        ui::TrayIcon tray;
        QSignalSpy dnd(&tray, &ui::TrayIcon::doNotDisturbToggled);
        QSignalSpy quit(&tray, &ui::TrayIcon::quitRequested);
        QSignalSpy showHide(&tray, &ui::TrayIcon::showHideRequested);
        QVERIFY(tray.doNotDisturbAction()->isCheckable());
        tray.doNotDisturbAction()->trigger();
        QCOMPARE(dnd.size(), 1);
        QCOMPARE(dnd.first().first().toBool(), true);
        tray.setDoNotDisturb(false); // from the settings: no echo
        QCOMPARE(dnd.size(), 1);
        QVERIFY(!tray.doNotDisturbAction()->isChecked());
        tray.showHideAction()->trigger();
        QCOMPARE(showHide.size(), 1);
        tray.setWindowVisible(true);
        QCOMPARE(tray.showHideAction()->text(), u"Hide window"_s);
        tray.setWindowVisible(false);
        QCOMPARE(tray.showHideAction()->text(), u"Show window"_s);
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
    }

    /// With CALLBOARD_ARTIFACTS_DIR set: tray-icons.png (each state, plain and do-not-disturb,
    /// at 16/22/32/48 px) and tray-menu.png, for a look by eye.
    void saveArtifacts() {
        const QString dir = qEnvironmentVariable("CALLBOARD_ARTIFACTS_DIR");
        if (dir.isEmpty()) {
            QSKIP("CALLBOARD_ARTIFACTS_DIR is not set");
        }
        const QList<SessionStatus> states{SessionStatus::Registered, SessionStatus::Pending,
                                          SessionStatus::Disconnected, SessionStatus::Failed,
                                          SessionStatus::Unknown};
        const QList<int> sizes{16, 22, 32, 48};
        QImage sheet(states.size() * 2 * 56, sizes.size() * 56, QImage::Format_ARGB32);
        for (const QColor bg : {QColor(Qt::white), QColor(0x30, 0x30, 0x30)}) {
            sheet.fill(bg);
            QPainter p(&sheet);
            for (qsizetype i = 0; i < states.size(); ++i) {
                for (int dnd = 0; dnd < 2; ++dnd) {
                    const QIcon icon = ui::TrayIcon::iconFor(states[i], dnd == 1);
                    for (qsizetype j = 0; j < sizes.size(); ++j) {
                        p.drawPixmap(int(i * 2 + dnd) * 56 + 4, int(j) * 56 + 4,
                                     icon.pixmap(sizes[j], sizes[j]));
                    }
                }
            }
            p.end();
            QVERIFY(sheet.save(
                dir + (bg == Qt::white ? u"/tray-icons.png"_s : u"/tray-icons-dark.png"_s)));
        }
        ui::TrayIcon tray;
        auto office = account(u"a1"_s, SessionStatus::Failed, true);
        tray.setState(SessionStatus::Failed,
                      {office, account(u"a2"_s, SessionStatus::Established, true)});
        tray.setDoNotDisturb(true);
        tray.menu()->popup(QPoint(10, 10));
        QVERIFY(QTest::qWaitForWindowExposed(tray.menu()));
        QVERIFY(tray.menu()->grab().save(dir + u"/tray-menu.png"_s));
        tray.menu()->hide();
    }

    void noTrayHostOffscreen() {
        // The offscreen platform has no tray host: show() says so and nothing breaks.
        ui::TrayIcon tray;
        QCOMPARE(tray.show(), ui::TrayIcon::available());
        tray.showMessage(services::NotificationKind::IncomingCall, u"t"_s, u"b"_s);
    }
};

QTEST_MAIN(tst_TrayIcon)
#include "tst_TrayIcon.moc"
