// ui::LevelMeter and ui::CallMediaBar on the phone panel: the level scale and its accessible
// value, Mute (button and Ctrl+M) through CallListModel::requestMute, levels of the selected
// call only (fed like the composition root does, from services::MediaEngine's signals), and a
// media failure shown without ending the call.
#include "models/CallListModel.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "support/FakeClock.h"
#include "ui/widgets/CallMediaBar.h"
#include "ui/widgets/LevelMeter.h"
#include "ui/widgets/PhonePanel.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using S = core::CallStatus;
using CLM = models::CallListModel;

namespace {

/// A phone panel over a real CallService, wired as app::PhoneController wires it: the model's
/// mute intent goes to the "engine" (here: applied straight to the service when `engineMutes`),
/// and services::MediaEngine's level signals feed the media bar. No GStreamer is started: the
/// test emits the engine's signals itself.
struct Rig {
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();
    services::CallService service{clock};
    services::MediaEngine engine{nullptr};
    CLM model{&service, clock};
    ui::PhonePanel panel{&model};
    QList<QVariantList> muteRequests;
    bool engineMutes = true;

    Rig() {
        QObject::connect(&model, &CLM::muteRequested,
                         [this](const QString& a, const QString& c, bool muted) {
                             muteRequests.append({a, c, muted});
                             if (engineMutes) {
                                 service.applyMuted(a, c, muted); // MediaEngine::mutedChanged
                             }
                         });
        ui::CallMediaBar* bar = panel.mediaBar();
        QObject::connect(&engine, &services::MediaEngine::inputLevelChanged, bar,
                         &ui::CallMediaBar::showInputLevel);
        QObject::connect(&engine, &services::MediaEngine::outputLevelChanged, bar,
                         &ui::CallMediaBar::showOutputLevel);
    }

    void addCall(const QString& id, S status) {
        core::CallStatusEvent e;
        e.callId = id;
        e.status = status;
        e.callee = u"2002"_s;
        service.apply(u"acc"_s, e);
    }
};

} // namespace

class tst_CallMediaBar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void levelScale_data() {
        QTest::addColumn<double>("dBov");
        QTest::addColumn<double>("shown");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("accessibleValue");
        QTest::newRow("silence") << -90.0 << -60.0 << 0.0 << -60;
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << -60.0 << 0.0 << -60;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << -60.0 << 0.0 << -60;
        QTest::newRow("floor") << -60.0 << -60.0 << 0.0 << -60;
        QTest::newRow("speech") << -23.4 << -23.4 << 0.61 << -23;
        QTest::newRow("half") << -30.0 << -30.0 << 0.5 << -30;
        QTest::newRow("full scale") << 0.0 << 0.0 << 1.0 << 0;
        QTest::newRow("clipping") << 3.0 << 0.0 << 1.0 << 0;
    }
    void levelScale() {
        QFETCH(double, dBov);
        QFETCH(double, shown);
        QFETCH(double, fraction);
        QFETCH(int, accessibleValue);
        ui::LevelMeter meter;
        meter.setAccessibleName(u"Microphone level"_s);
        meter.setLevel(-45); // start elsewhere: every row changes the level
        QSignalSpy changed(&meter, &ui::LevelMeter::levelChanged);
        meter.setLevel(dBov);
        QCOMPARE(meter.level(), shown);
        QVERIFY(qAbs(meter.fraction() - fraction) < 0.001);
        QCOMPARE(changed.size(), 1);

        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(&meter);
        QVERIFY(a);
        QCOMPARE(a->role(), QAccessible::ProgressBar);
        QCOMPARE(a->text(QAccessible::Name), u"Microphone level"_s);
        QAccessibleValueInterface* value = a->valueInterface();
        QVERIFY(value);
        QCOMPARE(value->currentValue().toInt(), accessibleValue);
        QCOMPARE(value->minimumValue().toInt(), -60);
        QCOMPARE(value->maximumValue().toInt(), 0);
        QCOMPARE(a->text(QAccessible::Value), u"%1 dB"_s.arg(accessibleValue));
    }

    void levelPaintsTheFilledPart() {
        ui::LevelMeter meter;
        meter.resize(200, 12);
        meter.setLevel(-30); // half the bar, in the green zone
        const QImage image = meter.grab().toImage();
        const QColor filled = image.pixelColor(40, 6);
        const QColor empty = image.pixelColor(160, 6);
        QVERIFY2(filled.green() > filled.red() + 50, qPrintable(filled.name()));
        QCOMPARE(empty, meter.palette().color(QPalette::Base));
        meter.setLevel(-2); // the red end is lit near full scale
        const QColor top = meter.grab().toImage().pixelColor(185, 6);
        QVERIFY2(top.red() > top.green() + 50, qPrintable(top.name()));
    }

    void barIsDisabledWithoutCallOrAudio() {
        Rig rig;
        ui::CallMediaBar* bar = rig.panel.mediaBar();
        QVERIFY(!bar->muteButton()->isEnabled());
        QVERIFY(!bar->inputMeter()->isEnabled());
        QVERIFY(!bar->outputMeter()->isEnabled());
        QCOMPARE(bar->statusLabel()->text(), QString());

        rig.addCall(u"c1"_s, S::Established); // the new call is selected; no media endpoint
        QCOMPARE(rig.panel.selectedRow(), 0);
        QCOMPARE(bar->callId(), u"c1"_s);
        QVERIFY(!bar->muteButton()->isEnabled());
        QVERIFY(!bar->inputMeter()->isEnabled());
        QCOMPARE(bar->statusLabel()->text(), u"No audio for this call"_s);
        Q_EMIT rig.engine.inputLevelChanged(u"acc"_s, u"c1"_s, -20);
        QCOMPARE(bar->inputMeter()->level(), ui::LevelMeter::kFloorDbov); // nothing to show

        rig.service.applyMediaEndpoint(u"acc"_s, u"c1"_s, true); // MediaEngine::endpointCreated
        QVERIFY(bar->muteButton()->isEnabled());
        QVERIFY(bar->inputMeter()->isEnabled());
        QVERIFY(bar->outputMeter()->isEnabled());
        QCOMPARE(bar->statusLabel()->text(), QString());
    }

    void unansweredCallSaysNothingAboutAudio() {
        Rig rig;
        rig.addCall(u"c1"_s, S::Ring);
        ui::CallMediaBar* bar = rig.panel.mediaBar();
        QCOMPARE(bar->callId(), u"c1"_s);
        QVERIFY(!bar->muteButton()->isEnabled());
        QCOMPARE(bar->statusLabel()->text(), QString()); // no audio is expected yet
        rig.addCall(u"c1"_s, S::Established);
        QCOMPARE(bar->statusLabel()->text(), u"No audio for this call"_s);
        rig.addCall(u"c1"_s, S::Hold);
        QCOMPARE(bar->statusLabel()->text(), u"No audio for this call"_s);
    }

    void muteButtonAndShortcut() {
        Rig rig;
        rig.addCall(u"c1"_s, S::Established);
        rig.service.applyMediaEndpoint(u"acc"_s, u"c1"_s, true);
        QPushButton* mute = rig.panel.mediaBar()->muteButton();
        QVERIFY(mute->toolTip().contains(u"Ctrl+M"_s));
        QVERIFY(!mute->isChecked());

        QTest::mouseClick(mute, Qt::LeftButton);
        QCOMPARE(rig.muteRequests.size(), 1);
        QCOMPARE(rig.muteRequests.last(), (QVariantList{u"acc"_s, u"c1"_s, true}));
        QVERIFY(mute->isChecked()); // the state came back through the model
        QVERIFY(!rig.panel.mediaBar()->inputMeter()->isEnabled()); // greyed while muted
        Q_EMIT rig.engine.inputLevelChanged(u"acc"_s, u"c1"_s, -12);
        QCOMPARE(rig.panel.mediaBar()->inputMeter()->level(), -12.0); // still measured
        QVERIFY(rig.panel.mediaBar()->outputMeter()->isEnabled());
        QCOMPARE(rig.model.index(0, 0).data(CLM::MutedRole).toBool(), true);
        QVERIFY(rig.model.index(0, CLM::MediaColumn).data().toString().startsWith(u"muted"_s));

        // Ctrl+M anywhere in the window toggles it back.
        rig.panel.show();
        QVERIFY(QTest::qWaitForWindowActive(&rig.panel));
        rig.panel.callTable()->setFocus();
        QTest::keyClick(rig.panel.callTable(), Qt::Key_M, Qt::ControlModifier);
        QTRY_COMPARE(rig.muteRequests.size(), 2); // a shortcut clicks after a short animation
        QCOMPARE(rig.muteRequests.last(), (QVariantList{u"acc"_s, u"c1"_s, false}));
        QVERIFY(!mute->isChecked());
        QVERIFY(rig.panel.mediaBar()->inputMeter()->isEnabled());

        // The engine refuses (no endpoint any more): the toggle does not pretend.
        rig.engineMutes = false;
        QTest::mouseClick(mute, Qt::LeftButton);
        QCOMPARE(rig.muteRequests.size(), 3);
        QVERIFY(!mute->isChecked());

        // Without audio, neither the button nor Ctrl+M asks anything.
        rig.service.applyMediaEndpoint(u"acc"_s, u"c1"_s, false);
        QVERIFY(!mute->isEnabled());
        QTest::keyClick(rig.panel.callTable(), Qt::Key_M, Qt::ControlModifier);
        QTest::qWait(300);
        QCOMPARE(rig.muteRequests.size(), 3);
    }

    void levelsOfTheSelectedCallOnly() {
        Rig rig;
        rig.addCall(u"c1"_s, S::Hold);
        rig.addCall(u"c2"_s, S::Established);
        rig.service.applyMediaEndpoint(u"acc"_s, u"c1"_s, true);
        rig.service.applyMediaEndpoint(u"acc"_s, u"c2"_s, true);
        ui::CallMediaBar* bar = rig.panel.mediaBar();
        QCOMPARE(bar->callId(), u"c2"_s); // the newest call is selected

        Q_EMIT rig.engine.inputLevelChanged(u"acc"_s, u"c2"_s, -18.5);
        Q_EMIT rig.engine.outputLevelChanged(u"acc"_s, u"c2"_s, -31);
        QCOMPARE(bar->inputMeter()->level(), -18.5);
        QCOMPARE(bar->outputMeter()->level(), -31.0);
        Q_EMIT rig.engine.inputLevelChanged(u"acc"_s, u"c1"_s, -3); // not the one shown
        Q_EMIT rig.engine.inputLevelChanged(u"other"_s, u"c2"_s, -3);
        QCOMPARE(bar->inputMeter()->level(), -18.5);

        // Quality updates of the same call keep the meters.
        rig.service.applyQuality(u"acc"_s, u"c2"_s, media::MediaStats());
        QCOMPARE(bar->inputMeter()->level(), -18.5);

        rig.panel.selectRow(0); // another call: meters start from silence
        QCOMPARE(bar->callId(), u"c1"_s);
        QCOMPARE(bar->inputMeter()->level(), ui::LevelMeter::kFloorDbov);
        QCOMPARE(bar->outputMeter()->level(), ui::LevelMeter::kFloorDbov);
        Q_EMIT rig.engine.inputLevelChanged(u"acc"_s, u"c1"_s, -40);
        QCOMPARE(bar->inputMeter()->level(), -40.0);

        core::CallStatusEvent end;
        end.callId = u"c1"_s;
        end.status = S::Finish;
        rig.service.apply(u"acc"_s, end);
        QVERIFY(!bar->inputMeter()->isEnabled());
        QCOMPARE(bar->inputMeter()->level(), ui::LevelMeter::kFloorDbov);
        QCOMPARE(bar->statusLabel()->text(), QString()); // ended: nothing to explain
    }

    void mediaFailureShowsWithoutEndingTheCall() {
        Rig rig;
        rig.addCall(u"c1"_s, S::Established);
        rig.service.applyMediaEndpoint(u"acc"_s, u"c1"_s, true);
        Q_EMIT rig.engine.inputLevelChanged(u"acc"_s, u"c1"_s, -20);
        rig.service.applyMediaFailure(u"acc"_s, u"c1"_s, u"ICE failed"_s);
        ui::CallMediaBar* bar = rig.panel.mediaBar();
        QCOMPARE(bar->statusLabel()->text(), u"no audio: ICE failed"_s);
        QVERIFY(!bar->muteButton()->isEnabled());
        QCOMPARE(bar->inputMeter()->level(), ui::LevelMeter::kFloorDbov);
        QCOMPARE(rig.model.index(0, CLM::MediaColumn).data().toString(), u"no audio: ICE failed"_s);
        QVERIFY(rig.panel.hangUpButton()->isEnabled()); // the call goes on
        QVERIFY(rig.panel.holdButton()->isEnabled());
    }
};

QTEST_MAIN(tst_CallMediaBar)
#include "tst_CallMediaBar.moc"
