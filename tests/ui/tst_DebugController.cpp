// app::DebugController on the in-process demo server: the Debug tab's switch sends
// `sessionDebug` start/stop, the badge follows the SessionDebugStatusEvent, and the debug file
// the server names on STOPPED becomes a link. debugFileUrl() maps server URLs to the WCS web
// server row by row.
#include "AppComposition.h"
#include "AppServices.h"
#include "DebugController.h"

#include "services/AccountConnector.h"
#include "ui/widgets/DebugPanel.h"
#include "ui/widgets/StatusBadge.h"
#include "ui/widgets/StatusBadgeStyle.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_DebugController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void debugFileUrl_data() {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("url");
        QTest::newRow("ws default port")
            << u"ws://wcs.example.net:8080"_s << u"logs/client/s1.log"_s
            << u"http://wcs.example.net:8081/logs/client/s1.log"_s;
        QTest::newRow("wss default port")
            << u"wss://wcs.example.net:8443"_s << u"/logs/client/s1.log"_s
            << u"https://wcs.example.net:8444/logs/client/s1.log"_s;
        QTest::newRow("no port") << u"wss://wcs.example.net"_s << u"logs/a.log"_s
                                 << u"https://wcs.example.net:8444/logs/a.log"_s;
        QTest::newRow("other port kept") << u"ws://127.0.0.1:40123"_s << u"logs/a.log"_s
                                         << u"http://127.0.0.1:40123/logs/a.log"_s;
        QTest::newRow("already a url") << u"ws://h:8080"_s << u"https://logs.example.net/x.log"_s
                                       << u"https://logs.example.net/x.log"_s;
        QTest::newRow("empty file") << u"ws://h:8080"_s << QString() << QString();
        QTest::newRow("no host") << QString() << u"logs/a.log"_s << QString();
    }

    void debugFileUrl() {
        QFETCH(QString, server);
        QFETCH(QString, file);
        QFETCH(QString, url);
        const QUrl got = app::DebugController::debugFileUrl(QUrl(server), file);
        QCOMPARE(got.isValid(), !url.isEmpty());
        if (!url.isEmpty()) {
            QCOMPARE(got.toString(), url);
        }
    }

    void switchSendsSessionDebugAndShowsTheFile() {
        app::AppComposition::Options o;
        o.demo = true;
        app::AppComposition app(o);
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        QVERIFY(app.start());
        QVERIFY(ready.wait(10000));
        wcs::Session* session =
            app.services().connector().session(app::AppComposition::demoAccountId());
        QVERIFY(session);
        QStringList sent;
        connect(session, &wcs::Session::frameLogged, this, [&sent](bool out, const QByteArray& f) {
            if (out) {
                sent << QString::fromUtf8(f);
            }
        });

        auto* panel = app.window()->findChild<ui::DebugPanel*>();
        QVERIFY(panel);
        QVERIFY(app.window()->tabs()->indexOf(panel) >= 0);
        QTRY_COMPARE(panel->accountCount(), 1);
        QCheckBox* toggle = panel->debugSwitch(0);
        QTRY_VERIFY(toggle->isEnabled());
        QCOMPARE(panel->debugBadge(0)->text(),
                 ui::StatusBadgeStyle::debug(core::SessionDebugStatus::Stopped).text);

        toggle->click();
        QTRY_VERIFY(sent.join(u'\n').contains(u"\"command\":\"start\""_s));
        QTRY_COMPARE(panel->debugBadge(0)->text(),
                     ui::StatusBadgeStyle::debug(core::SessionDebugStatus::Started).text);
        QVERIFY(toggle->isChecked());
        QVERIFY(session->isDebugSessionOn());

        toggle->click();
        QTRY_VERIFY(sent.join(u'\n').contains(u"\"command\":\"stop\""_s));
        QTRY_COMPARE(panel->debugBadge(0)->text(),
                     ui::StatusBadgeStyle::debug(core::SessionDebugStatus::Stopped).text);
        QVERIFY(!toggle->isChecked());
        // The emulator names logs/client/<session>.log; it becomes a link to its web server.
        QLabel* file = panel->debugFileLabel(0);
        QTRY_VERIFY(file->text().contains(u"logs/client/"_s));
        QVERIFY(file->text().contains(u"<a href=\"http://127.0.0.1:"_s));
    }
};

QTEST_MAIN(tst_DebugController)
#include "tst_DebugController.moc"
