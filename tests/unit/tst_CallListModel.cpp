// models::CallListModel: rows follow CallService, action legality per call status (spec §7.3),
// in-row intents routed back as signals, duration refreshed with a fake clock.
#include "support/FakeClock.h"

#include "models/CallListModel.h"
#include "models/StatusLabels.h"
#include "services/CallService.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using core::CallStatus;
using models::CallActions;
using models::CallListModel;
using namespace Qt::Literals::StringLiterals;

namespace {

core::CallStatusEvent callEvent(const QString& callId, CallStatus status, bool incoming) {
    core::CallStatusEvent e;
    e.callId = callId;
    e.status = status;
    e.incoming = incoming;
    e.caller = u"2001"_s;
    e.callee = u"2002"_s;
    return e;
}

/// The statuses that lead to `target` from NEW along legal edges.
QList<CallStatus> pathTo(CallStatus target, bool incoming) {
    using S = CallStatus;
    switch (target) {
    case S::New:
    case S::Unknown:
        return {};
    case S::Ring:
        return {S::Ring};
    case S::Established:
        return incoming ? QList<S>{S::Ring, S::Established} : QList<S>{S::Trying, S::Established};
    case S::Hold:
        return {S::Ring, S::Established, S::Hold};
    case S::RingMedia:
    case S::SessionProgress:
        return {S::Trying, target};
    default:
        return {target};
    }
}

} // namespace

class tst_CallListModel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

private Q_SLOTS:
    void rowsFollowTheService() {
        services::CallService service(clock);
        service.apply(u"acc"_s, callEvent(u"c0"_s, CallStatus::Ring, true));
        CallListModel model(&service, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        service.apply(u"acc"_s, callEvent(u"c1"_s, CallStatus::Pending, false));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowOf(u"acc"_s, u"c1"_s), 1);
        QCOMPARE(model.index(1, CallListModel::PeerColumn).data().toString(), u"2002"_s);
        QCOMPARE(model.index(0, CallListModel::PeerColumn).data().toString(), u"2001"_s);
        service.apply(u"acc"_s, callEvent(u"c1"_s, CallStatus::Trying, false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1, 0).data(CallListModel::StatusRole).toInt(),
                 int(CallStatus::Trying));

        core::TransferStatusEvent t;
        t.callId = u"c0"_s;
        t.status = core::TransferStatus::Accepted;
        service.apply(u"acc"_s, callEvent(u"c0"_s, CallStatus::Established, true));
        service.apply(u"acc"_s, t);
        QCOMPARE(model.index(0, CallListModel::TransferColumn).data().toString(),
                 models::StatusLabels::transfer(core::TransferStatus::Accepted));

        service.apply(u"acc"_s, callEvent(u"c1"_s, CallStatus::Finish, false));
        QCOMPARE(model.index(1, 0).data(CallListModel::EndedRole).toBool(), true);
        service.clearEnded();
        model.reload();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(u"acc"_s, u"c0"_s), 0);
        QCOMPARE(model.rowOf(u"acc"_s, u"c1"_s), -1);
    }

    void actionLegality_data() {
        QTest::addColumn<CallStatus>("status");
        QTest::addColumn<bool>("incoming");
        QTest::addColumn<bool>("answer");
        QTest::addColumn<bool>("hangUp");
        QTest::addColumn<bool>("hold");
        QTest::addColumn<bool>("resume");
        QTest::addColumn<bool>("transfer");
        using S = CallStatus;
        // status, incoming | answer hangUp hold resume transfer
        QTest::newRow("NEW in") << S::New << true << true << true << false << false << false;
        QTest::newRow("NEW out") << S::New << false << false << true << false << false << false;
        QTest::newRow("RING in") << S::Ring << true << true << true << false << false << false;
        QTest::newRow("RING out") << S::Ring << false << false << true << false << false << false;
        QTest::newRow("PENDING") << S::Pending << false << false << true << false << false << false;
        QTest::newRow("TRYING") << S::Trying << false << false << true << false << false << false;
        QTest::newRow("RING_MEDIA")
            << S::RingMedia << false << false << true << false << false << false;
        QTest::newRow("SESSION_PROGRESS")
            << S::SessionProgress << false << false << true << false << false << false;
        QTest::newRow("ESTABLISHED")
            << S::Established << true << false << true << true << false << true;
        QTest::newRow("HOLD") << S::Hold << true << false << true << false << true << true;
        QTest::newRow("BUSY") << S::Busy << false << false << false << false << false << false;
        QTest::newRow("FINISH") << S::Finish << true << false << false << false << false << false;
        QTest::newRow("FAILED") << S::Failed << true << false << false << false << false << false;
    }

    void actionLegality() {
        QFETCH(CallStatus, status);
        QFETCH(bool, incoming);
        QFETCH(bool, answer);
        QFETCH(bool, hangUp);
        QFETCH(bool, hold);
        QFETCH(bool, resume);
        QFETCH(bool, transfer);
        services::CallService service(clock);
        CallListModel model(&service, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // NEW: an event with status NEW creates the call and stays NEW
        service.apply(u"acc"_s, callEvent(u"c"_s, CallStatus::New, incoming));
        for (const CallStatus s : pathTo(status, incoming)) {
            QVERIFY(service.apply(u"acc"_s, callEvent(u"c"_s, s, incoming)) ==
                    core::Transition::Apply);
        }
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex i = model.index(0, 0);
        QCOMPARE(i.data(CallListModel::StatusRole).toInt(), int(status));
        QCOMPARE(i.data(CallListModel::CanAnswerRole).toBool(), answer);
        QCOMPARE(i.data(CallListModel::CanHangUpRole).toBool(), hangUp);
        QCOMPARE(i.data(CallListModel::CanHoldRole).toBool(), hold);
        QCOMPARE(i.data(CallListModel::CanResumeRole).toBool(), resume);
        QCOMPARE(i.data(CallListModel::CanTransferRole).toBool(), transfer);
        QCOMPARE(i.data(CallListModel::StatusTextRole).toString(),
                 models::StatusLabels::call(status));
        QCOMPARE(model.index(0, CallListModel::StatusColumn).data().toString(),
                 models::StatusLabels::call(status));
        QCOMPARE(i.data(CallListModel::HeldRole).toBool(), status == CallStatus::Hold);

        // intents: emitted exactly when legal
        QSignalSpy answerSpy(&model, &CallListModel::answerRequested);
        QSignalSpy hangUpSpy(&model, &CallListModel::hangUpRequested);
        QSignalSpy holdSpy(&model, &CallListModel::holdRequested);
        QSignalSpy resumeSpy(&model, &CallListModel::resumeRequested);
        QSignalSpy transferSpy(&model, &CallListModel::transferRequested);
        QCOMPARE(model.requestAction(0, CallActions::Action::Answer), answer);
        QCOMPARE(model.requestAction(0, CallActions::Action::HangUp), hangUp);
        QCOMPARE(model.requestAction(0, CallActions::Action::Hold), hold);
        QCOMPARE(model.requestAction(0, CallActions::Action::Resume), resume);
        QCOMPARE(model.requestTransfer(0, u"2099"_s), transfer);
        QCOMPARE(answerSpy.count(), int(answer));
        QCOMPARE(hangUpSpy.count(), int(hangUp));
        QCOMPARE(holdSpy.count(), int(hold));
        QCOMPARE(resumeSpy.count(), int(resume));
        QCOMPARE(transferSpy.count(), int(transfer));
        if (answer) {
            QCOMPARE(answerSpy[0][0].toString(), u"acc"_s);
            QCOMPARE(answerSpy[0][1].toString(), u"c"_s);
        }
        if (transfer) {
            QCOMPARE(transferSpy[0][2].toString(), u"2099"_s);
        }
        QVERIFY(!model.requestAction(5, CallActions::Action::HangUp));
    }

    void unknownStatusCanBeHungUp() {
        using D = services::CallRecord::Direction;
        QVERIFY(
            CallActions::isAllowed(CallActions::Action::HangUp, CallStatus::Unknown, D::Incoming));
        QVERIFY(
            !CallActions::isAllowed(CallActions::Action::Answer, CallStatus::Unknown, D::Incoming));
    }

    void durationRefreshesOnceASecond() {
        services::CallService service(clock);
        CallListModel model(&service, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        service.apply(u"acc"_s, callEvent(u"c"_s, CallStatus::Ring, true));
        service.apply(u"acc"_s, callEvent(u"c2"_s, CallStatus::Trying, false));
        const QModelIndex d = model.index(0, CallListModel::DurationColumn);
        QCOMPARE(d.data().toString(), QString()); // not answered yet
        service.apply(u"acc"_s, callEvent(u"c"_s, CallStatus::Established, true));
        clock->advance(65'000);
        QCOMPARE(d.data(CallListModel::DurationMsRole).toLongLong(), 65'000);
        QCOMPARE(d.data().toString(), u"1:05"_s);
        clock->advance(3600'000);
        QCOMPARE(d.data().toString(), u"1:01:05"_s);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshDurations();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), model.index(0, CallListModel::DurationColumn));
        QCOMPARE(changed[0][1].value<QModelIndex>(), model.index(1, CallListModel::DurationColumn));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, 2500); // the real 1 s timer
    }

    void mediaRolesFollowTheService() {
        QLocale::setDefault(QLocale::c());
        services::CallService service(clock);
        CallListModel model(&service, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        service.apply(u"acc"_s, callEvent(u"c"_s, CallStatus::Established, false));
        const QModelIndex media = model.index(0, CallListModel::MediaColumn);
        QCOMPARE(model.headerData(CallListModel::MediaColumn, Qt::Horizontal).toString(),
                 u"Audio"_s);
        QCOMPARE(media.data(CallListModel::HasMediaRole).toBool(), false);
        QCOMPARE(media.data(CallListModel::CanMuteRole).toBool(), false);
        QCOMPARE(media.data(CallListModel::QualityTextRole).toString(), QString());
        QCOMPARE(media.data().toString(), QString());
        QCOMPARE(media.data(CallListModel::RttMsRole).toDouble(), -1.0);
        QVERIFY(!model.requestMute(0, true)); // no audio to mute

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        service.applyMediaEndpoint(u"acc"_s, u"c"_s, true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(media.data(CallListModel::CanMuteRole).toBool(), true);
        QSignalSpy mute(&model, &CallListModel::muteRequested);
        QVERIFY(model.requestMute(0, true));
        QCOMPARE(mute.count(), 1);
        QCOMPARE(mute[0], (QVariantList{u"acc"_s, u"c"_s, true}));
        QVERIFY(!model.requestMute(5, true));

        media::MediaStats stats;
        stats.packetsReceived = 249;
        stats.packetsLost = 1;
        stats.jitterMs = 3;
        stats.roundTripTimeMs = 12;
        stats.sendBitrateKbps = 32;
        stats.receiveBitrateKbps = 31;
        service.applyQuality(u"acc"_s, u"c"_s, stats);
        const QString line = u"RTT 12 ms · jitter 3.0 ms · loss 0.4 % · ↑32 ↓31 kbit/s"_s;
        QCOMPARE(media.data(CallListModel::QualityTextRole).toString(), line);
        QCOMPARE(media.data().toString(), line);
        QCOMPARE(media.data(CallListModel::RttMsRole).toDouble(), 12.0);
        QCOMPARE(media.data(CallListModel::JitterMsRole).toDouble(), 3.0);
        QCOMPARE(media.data(CallListModel::LossPercentRole).toDouble(), 0.4);
        QCOMPARE(media.data(CallListModel::SendKbpsRole).toDouble(), 32.0);
        QCOMPARE(media.data(CallListModel::ReceiveKbpsRole).toDouble(), 31.0);
        QVERIFY(media.data(CallListModel::MosRole).toDouble() > 4.0);
        QVERIFY(media.data(Qt::ToolTipRole).toString().contains(u"Round-trip time 12 ms"_s));
        QVERIFY(media.data(Qt::ToolTipRole).toString().contains(u"Over the call:"_s));

        service.applyMuted(u"acc"_s, u"c"_s, true);
        QCOMPARE(media.data(CallListModel::MutedRole).toBool(), true);
        QCOMPARE(media.data().toString(), u"muted · "_s + line);

        service.applyMediaFailure(u"acc"_s, u"c"_s, u"ICE failed"_s);
        QCOMPARE(media.data().toString(), u"no audio: ICE failed"_s);
        QCOMPARE(media.data(CallListModel::MediaErrorRole).toString(), u"ICE failed"_s);
        QCOMPARE(media.data(CallListModel::CanMuteRole).toBool(), false);
        QCOMPARE(media.data(CallListModel::EndedRole).toBool(), false);

        // Ended: the figures over the whole call.
        service.applyMediaEndpoint(u"acc"_s, u"c"_s, true); // a new endpoint clears the error
        service.apply(u"acc"_s, callEvent(u"c"_s, CallStatus::Finish, false));
        QVERIFY(media.data().toString().startsWith(u"MOS 4."_s));
        QVERIFY(media.data().toString().contains(u"jitter ≤ 3.0 ms"_s));
        QCOMPARE(media.data(CallListModel::CanMuteRole).toBool(), false);
        QCOMPARE(model.roleNames().value(CallListModel::QualityTextRole),
                 QByteArray("qualityText"));
    }
};

QTEST_GUILESS_MAIN(tst_CallListModel)
#include "tst_CallListModel.moc"
