// End to end on a real X server (xvfb-run, xcb platform): the desktop app on its demo server,
// driven through its widgets: connect -> call -> hold -> resume -> transfer -> hang up, and an
// incoming call answered from the popup. Screenshots of the whole screen (main window,
// incoming-call popup, stream monitor) go to $CALLBOARD_ARTIFACTS_DIR as test artifacts.
#include "AppComposition.h"
#include "emulator/EmulatorServer.h"
#include "models/CallListModel.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/widgets/StatusStrip.h"
#include "ui/widgets/StreamsPanel.h"
#include "ui/windows/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDir>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QString artifactsDir() {
    QString dir = qEnvironmentVariable("CALLBOARD_ARTIFACTS_DIR");
    if (dir.isEmpty()) {
        dir = QDir::tempPath() + u"/callboard-artifacts"_s;
    }
    QDir().mkpath(dir);
    return dir;
}

/// Saves the whole screen, as a user would see it, to <artifacts>/<name>.png.
bool screenshot(const QString& name) {
    QCoreApplication::processEvents();
    QTest::qWait(300); // let the compositor-less X server finish painting
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
    const QString path = artifactsDir() + u'/' + name + u".png"_s;
    const bool ok = !shot.isNull() && shot.save(path);
    qInfo("screenshot %s: %s", qPrintable(path), ok ? "saved" : "FAILED");
    return ok;
}

/// The visible top-level widget whose class is (or inherits) `className`, or nullptr.
QWidget* topLevel(const char* className) {
    const QWidgetList all = QApplication::topLevelWidgets();
    for (QWidget* w : all) {
        if (w->isVisible() && w->inherits(className)) {
            return w;
        }
    }
    return nullptr;
}

/// The button of `parent` whose text (without '&') starts with `text`.
QAbstractButton* button(QWidget* parent, const QString& text) {
    const auto buttons = parent->findChildren<QAbstractButton*>();
    for (QAbstractButton* b : buttons) {
        if (b->isVisible() && b->text().remove(u'&').startsWith(text)) {
            return b;
        }
    }
    return nullptr;
}

} // namespace

class tst_DesktopEndToEnd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (QGuiApplication::platformName() != u"xcb"_s) {
            QFAIL("run under xvfb-run with QT_QPA_PLATFORM=xcb (ctest does)");
        }
    }

    void softphoneDayOnTheDemoServer() {
        app::AppComposition::Options options;
        options.demo = true;
        app::AppComposition app(options);
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        QVERIFY(app.start());
        ui::MainWindow* window = app.window();
        window->resize(1100, 700);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        QTRY_COMPARE(window->statusStrip()->accountCount(), 1);

        ui::PhonePanel* phone = window->phonePanel();
        QAbstractItemModel* calls = phone->callTable()->model();
        const auto status = [calls](int row) {
            return row < calls->rowCount() ? calls->index(row, models::CallListModel::StatusColumn)
                                                 .data(models::CallListModel::WireStatusRole)
                                                 .toString()
                                           : QString();
        };

        // Outgoing call to the echo test, hold and resume.
        QTest::keyClicks(phone->numberEdit(), u"9999"_s);
        QTest::mouseClick(phone->dialButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"ESTABLISHED"_s, 10000);
        QVERIFY(screenshot(u"01-main-window-call"_s));
        QTRY_VERIFY(phone->holdButton()->isEnabled());
        QTest::mouseClick(phone->holdButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"HOLD"_s, 10000);
        QTRY_VERIFY(phone->resumeButton()->isEnabled());
        QTest::mouseClick(phone->resumeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"ESTABLISHED"_s, 10000);

        // Blind transfer: the dialog asks for a target; the row shows the transfer progress.
        QTRY_VERIFY(phone->transferButton()->isEnabled());
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
            QWidget* dialog = QApplication::activeModalWidget();
            if (auto* edit = dialog->findChild<QLineEdit*>()) {
                edit->setText(u"2001"_s);
            }
            if (auto* d = qobject_cast<QDialog*>(dialog)) {
                d->accept();
            }
        });
        QTest::mouseClick(phone->transferButton(), Qt::LeftButton);
        const auto transfer = [calls] {
            return calls->rowCount() > 0 ? calls->index(0, models::CallListModel::TransferColumn)
                                               .data(models::CallListModel::TransferStatusTextRole)
                                               .toString()
                                         : QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!transfer().isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"FINISH"_s, 15000);

        // Another call, hung up by us.
        QTest::mouseClick(phone->clearEndedButton(), Qt::LeftButton);
        phone->numberEdit()->clear();
        QTest::keyClicks(phone->numberEdit(), u"9999"_s);
        QTest::mouseClick(phone->dialButton(), Qt::LeftButton);
        // 9999 is in the history now: its completion list must close with the dial.
        QVERIFY(phone->numberEdit()->completer() != nullptr);
        QVERIFY(!phone->numberEdit()->completer()->popup()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"ESTABLISHED"_s, 10000);
        QTest::mouseClick(phone->hangUpButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"FINISH"_s, 10000);
        QTest::mouseClick(phone->clearEndedButton(), Qt::LeftButton);

        // An incoming call: the popup rings without taking the keyboard focus; answer there.
        QWidget* focusBefore = QApplication::focusWidget();
        const QJsonObject ring{{u"action"_s, u"incomingCall"_s},
                               {u"caller"_s, u"2042"_s},
                               {u"visibleName"_s, u"Front desk"_s}};
        const QJsonObject result = app.emulatorServer()->execute(ring);
        QVERIFY2(!result.contains(u"error"_s), qPrintable(result.value(u"error"_s).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"RING"_s, 10000);
        QWidget* popup = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((popup = topLevel("ui::IncomingCallPopup")) != nullptr, 5000);
        QVERIFY(screenshot(u"02-incoming-call-popup"_s));
        QCOMPARE(QApplication::focusWidget(), focusBefore);
        QAbstractButton* answer = button(popup, u"Answer"_s);
        QVERIFY(answer != nullptr);
        QTest::mouseClick(answer, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"ESTABLISHED"_s, 10000);
        QTRY_VERIFY(topLevel("ui::IncomingCallPopup") == nullptr);
        QTest::mouseClick(phone->hangUpButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(0), u"FINISH"_s, 10000);

        // The stream monitor with the demo server's background streams.
        QVERIFY(window->showTab(u"streams"_s));
        QAbstractItemModel* streams = window->streamsPanel()->table()->model();
        QTRY_VERIFY_WITH_TIMEOUT(streams->rowCount() >= 3, 15000);
        QVERIFY(screenshot(u"03-stream-monitor"_s));
    }
};

QTEST_MAIN(tst_DesktopEndToEnd)
#include "tst_DesktopEndToEnd.moc"
