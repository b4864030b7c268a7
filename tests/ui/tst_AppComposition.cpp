// End to end through the UI: the app composition with --demo in-process (emulator, session,
// services, models, window); dial 9999 by typing and clicking, see ESTABLISHED, hang up with
// the button, see FINISH.
#include "AppComposition.h"

#include "models/CallListModel.h"
#include "services/SessionMonitor.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/widgets/StatusBadge.h"
#include "ui/widgets/StatusStrip.h"
#include "ui/windows/MainWindow.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_AppComposition : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dialAndHangUpThroughTheUi() {
        app::AppComposition::Options o;
        o.demo = true;
        app::AppComposition app(o);
        QSignalSpy ready(&app, &app::AppComposition::accountReady);
        QVERIFY(app.start());
        ui::MainWindow* w = app.window();
        QVERIFY(w->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);

        ui::StatusStrip* strip = w->statusStrip();
        QTRY_COMPARE(strip->accountCount(), 1);
        QTRY_COMPARE(strip->registrationBadge(0)->badge().tone, ui::StatusBadgeStyle::Tone::Good);

        ui::PhonePanel* phone = w->phonePanel();
        QTest::keyClicks(phone->numberEdit(), u"9999"_s);
        QTest::mouseClick(phone->dialButton(), Qt::LeftButton);

        QAbstractItemModel* calls = phone->callTable()->model();
        const auto status = [calls] {
            return calls->rowCount() == 1 ? calls->index(0, models::CallListModel::StatusColumn)
                                                .data(models::CallListModel::WireStatusRole)
                                                .toString()
                                          : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"ESTABLISHED"_s, 10000);
        QCOMPARE(calls->index(0, models::CallListModel::PeerColumn).data().toString(), u"9999"_s);
        QCOMPARE(phone->selectedRow(), 0);
        QTRY_VERIFY(phone->hangUpButton()->isEnabled());
        QVERIFY(phone->holdButton()->isEnabled());
        QVERIFY(!phone->answerButton()->isEnabled());

        QTest::mouseClick(phone->hangUpButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(), u"FINISH"_s, 10000);
        QTRY_VERIFY(!phone->hangUpButton()->isEnabled());
    }
};

QTEST_MAIN(tst_AppComposition)
#include "tst_AppComposition.moc"
