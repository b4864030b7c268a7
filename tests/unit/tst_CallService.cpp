// services::CallService: call lifecycles through the service, call waiting, blind transfer
// flow, and what reaches the backend.
#include "support/FakeClock.h"

#include "core/Lifecycle.h"
#include "services/CallService.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using core::CallStatus;

namespace {

/// Records every intent CallService sends to the backend.
class RecordingBackend final : public services::CallBackend {
public:
    QStringList log;
    QString dial(const QString& callee, bool) override {
        log << u"dial "_s + callee;
        return u"out-1"_s;
    }
    bool answer(const QString& id) override { return record(u"answer "_s + id); }
    bool hangUp(const QString& id) override { return record(u"hangup "_s + id); }
    bool hold(const QString& id, bool forTransfer) override {
        return record((forTransfer ? u"holdForTransfer "_s : u"hold "_s) + id);
    }
    bool unhold(const QString& id) override { return record(u"unhold "_s + id); }
    bool transfer(const QString& id, const QString& target) override {
        return record(u"transfer "_s + id + u" "_s + target);
    }
    bool sendDtmf(const QString& id, const QString& digits, core::DtmfType) override {
        return record(u"dtmf "_s + id + u" "_s + digits);
    }

private:
    bool record(const QString& s) {
        log << s;
        return true;
    }
};

core::CallStatusEvent call(const QString& id, const QString& status, bool incoming = false) {
    core::CallStatusEvent e;
    e.callId = id;
    e.status = core::fromWire<CallStatus>(QStringView(status));
    e.incoming = incoming;
    e.caller = u"1001"_s;
    e.callee = u"1002"_s;
    return e;
}

core::TransferStatusEvent transferEvent(const QString& id, const QString& status) {
    core::TransferStatusEvent e;
    e.callId = id;
    e.status = core::fromWire<core::TransferStatus>(QStringView(status));
    return e;
}

} // namespace

class tst_CallService : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock;
    std::unique_ptr<services::CallService> service;
    RecordingBackend backend;

private Q_SLOTS:
    void init() {
        clock = std::make_shared<testsupport::FakeClock>();
        service = std::make_unique<services::CallService>(clock);
        backend.log.clear();
        service->setBackend(u"acc"_s, &backend);
    }

    void lifecycles_data() {
        QTest::addColumn<bool>("incoming");
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<QString>("final");
        QTest::addColumn<int>("illegal");
        QTest::newRow("outgoing answered")
            << false << QStringList{u"PENDING"_s, u"TRYING"_s,      u"RING"_s,  u"ESTABLISHED"_s,
                                    u"HOLD"_s,    u"ESTABLISHED"_s, u"FINISH"_s}
            << u"FINISH"_s << 0;
        QTest::newRow("early media")
            << false
            << QStringList{u"TRYING"_s, u"SESSION_PROGRESS"_s, u"RING_MEDIA"_s, u"ESTABLISHED"_s}
            << u"ESTABLISHED"_s << 0;
        QTest::newRow("busy") << false << QStringList{u"TRYING"_s, u"BUSY"_s} << u"BUSY"_s << 0;
        QTest::newRow("failed") << false << QStringList{u"TRYING"_s, u"RING"_s, u"FAILED"_s}
                                << u"FAILED"_s << 0;
        QTest::newRow("incoming") << true
                                  << QStringList{u"RING"_s, u"PENDING"_s, u"ESTABLISHED"_s,
                                                 u"FINISH"_s}
                                  << u"FINISH"_s << 0;
        QTest::newRow("late after end")
            << false << QStringList{u"ESTABLISHED"_s, u"FINISH"_s, u"ESTABLISHED"_s} << u"FINISH"_s
            << 0;
        QTest::newRow("illegal hold while ringing")
            << false << QStringList{u"TRYING"_s, u"RING"_s, u"HOLD"_s} << u"RING"_s << 1;
        QTest::newRow("illegal back to trying")
            << false << QStringList{u"TRYING"_s, u"ESTABLISHED"_s, u"TRYING"_s} << u"ESTABLISHED"_s
            << 1;
    }

    void lifecycles() {
        QFETCH(bool, incoming);
        QFETCH(QStringList, statuses);
        QFETCH(QString, final);
        QFETCH(int, illegal);
        QSignalSpy ended(service.get(), &services::CallService::callEnded);
        for (const QString& s : statuses) {
            service->apply(u"acc"_s, call(u"c1"_s, s, incoming));
            clock->advance(1000);
        }
        const services::CallRecord* r = service->find(u"acc"_s, u"c1"_s);
        QVERIFY(r);
        QCOMPARE(QString(core::toWire(r->status)), final);
        QCOMPARE(service->illegalTransitions(), quint64(illegal));
        QCOMPARE(r->direction, incoming ? services::CallRecord::Direction::Incoming
                                        : services::CallRecord::Direction::Outgoing);
        QCOMPARE(r->peer, incoming ? u"1001"_s : u"1002"_s);
        const bool terminal = core::Lifecycle<CallStatus>::isTerminal(r->status);
        QCOMPARE(ended.size(), terminal ? 1 : 0);
    }

    void timestampsAndDuration() {
        service->apply(u"acc"_s, call(u"c1"_s, u"TRYING"_s));
        const qint64 created = clock->nowMs();
        clock->advance(3000);
        service->apply(u"acc"_s, call(u"c1"_s, u"ESTABLISHED"_s));
        clock->advance(65000);
        auto end = call(u"c1"_s, u"FINISH"_s);
        end.info = u"Normal call clearing"_s;
        service->apply(u"acc"_s, end);
        const services::CallRecord* r = service->find(u"acc"_s, u"c1"_s);
        QCOMPARE(r->createdAtMs, created);
        QCOMPARE(r->answeredAtMs, created + 3000);
        QCOMPARE(r->durationMs(clock->nowMs()), qint64(65000));
        QCOMPARE(r->info, u"Normal call clearing"_s);
    }

    void callWaitingHoldsTheTalkingCall() {
        service->apply(u"acc"_s, call(u"c1"_s, u"ESTABLISHED"_s));
        service->apply(u"acc"_s, call(u"c2"_s, u"RING"_s, true));
        QVERIFY(service->answer(u"acc"_s, u"c2"_s));
        QCOMPARE(backend.log, (QStringList{u"hold c1"_s, u"answer c2"_s}));
        service->apply(u"acc"_s, call(u"c1"_s, u"HOLD"_s));
        service->apply(u"acc"_s, call(u"c2"_s, u"ESTABLISHED"_s, true));
        QCOMPARE(service->activeCall()->callId, u"c2"_s);
        backend.log.clear();
        QVERIFY(service->resume(u"acc"_s, u"c1"_s));
        QCOMPARE(backend.log, (QStringList{u"hold c2"_s, u"unhold c1"_s}));
    }

    void blindTransferHoldsFirstThenTransfers() {
        service->apply(u"acc"_s, call(u"c1"_s, u"ESTABLISHED"_s));
        QVERIFY(service->transfer(u"acc"_s, u"c1"_s, u" 2099 "_s));
        QCOMPARE(backend.log, QStringList{u"holdForTransfer c1"_s});
        service->apply(u"acc"_s, call(u"c1"_s, u"HOLD"_s));
        QCOMPARE(backend.log.last(), u"transfer c1 2099"_s);
        service->apply(u"acc"_s, transferEvent(u"c1"_s, u"ACCEPTED"_s));
        service->apply(u"acc"_s, transferEvent(u"c1"_s, u"TRYING"_s));
        service->apply(u"acc"_s, transferEvent(u"c1"_s, u"COMPLETED"_s));
        QCOMPARE(service->find(u"acc"_s, u"c1"_s)->transferStatus, core::TransferStatus::Completed);
    }

    void failedTransferResumesTheCall() {
        service->apply(u"acc"_s, call(u"c1"_s, u"ESTABLISHED"_s));
        service->transfer(u"acc"_s, u"c1"_s, u"2666"_s);
        service->apply(u"acc"_s, call(u"c1"_s, u"HOLD"_s));
        service->apply(u"acc"_s, transferEvent(u"c1"_s, u"ACCEPTED"_s));
        service->apply(u"acc"_s, transferEvent(u"c1"_s, u"FAILED"_s));
        QCOMPARE(backend.log.last(), u"unhold c1"_s);
        // after a terminal transfer status
        QVERIFY(service->apply(u"acc"_s, transferEvent(u"c1"_s, u"TRYING"_s)) ==
                core::Transition::Ignore);
    }

    void intentsWithoutBackendAreRefused() {
        QVERIFY(service->dial(u"other"_s, u"1002"_s).isEmpty());
        QVERIFY(!service->hangUp(u"other"_s, u"x"_s));
        QCOMPARE(service->dial(u"acc"_s, u"  1002 "_s), u"out-1"_s);
        QCOMPARE(backend.log.last(), u"dial 1002"_s);
    }

    void incomingRingingIsAnnouncedOnce() {
        QSignalSpy ringing(service.get(), &services::CallService::incomingCallRinging);
        auto offer = call(u"in"_s, u"RING"_s, true);
        offer.isIncomingCallOffer = true;
        service->apply(u"acc"_s, offer);
        service->apply(u"acc"_s, call(u"in"_s, u"RING"_s, true)); // the server's ring after it
        QCOMPARE(ringing.size(), 1);
    }

    void accountsAreSeparate() {
        RecordingBackend other;
        service->setBackend(u"acc2"_s, &other);
        service->apply(u"acc"_s, call(u"same"_s, u"ESTABLISHED"_s));
        service->apply(u"acc2"_s, call(u"same"_s, u"RING"_s));
        QCOMPARE(service->calls().size(), 2);
        service->hangUp(u"acc2"_s, u"same"_s);
        QCOMPARE(other.log, QStringList{u"hangup same"_s});
        QVERIFY(backend.log.isEmpty());
    }

    void applyQualityFoldsStatsIntoTheRecord() {
        QSignalSpy changed(service.get(), &services::CallService::callChanged);
        media::MediaStats stats;
        stats.packetsReceived = 249;
        stats.packetsLost = 1;
        stats.jitterMs = 3;
        stats.roundTripTimeMs = 12;
        stats.sendBitrateKbps = 32;
        stats.receiveBitrateKbps = 31;
        QVERIFY(!service->applyQuality(u"acc"_s, u"unknown"_s, stats));
        QCOMPARE(changed.size(), 0);

        service->apply(u"acc"_s, call(u"c"_s, u"ESTABLISHED"_s));
        changed.clear();
        QVERIFY(service->applyQuality(u"acc"_s, u"c"_s, stats));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][1].toString(), u"c"_s);
        const services::CallQuality& q = service->find(u"acc"_s, u"c"_s)->quality;
        QCOMPARE(q.samples(), 1);
        QCOMPARE(q.rttMs(), 12.0);
        QCOMPARE(q.jitterMs(), 3.0);
        QCOMPARE(q.lossPercent(), 0.4);
        QCOMPARE(q.sendKbps(), 32.0);
        QCOMPARE(q.receiveKbps(), 31.0);

        // The final record (for history) carries the quality; later stats change nothing.
        QSignalSpy ended(service.get(), &services::CallService::callEnded);
        service->apply(u"acc"_s, call(u"c"_s, u"FINISH"_s));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended[0][0].value<services::CallRecord>().quality.summary().samples, 1);
        changed.clear();
        QVERIFY(!service->applyQuality(u"acc"_s, u"c"_s, stats));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(service->find(u"acc"_s, u"c"_s)->quality.samples(), 1);
    }

    void mediaEndpointMuteAndFailureKeepTheCall() {
        service->apply(u"acc"_s, call(u"c"_s, u"ESTABLISHED"_s));
        QSignalSpy changed(service.get(), &services::CallService::callChanged);
        const auto record = [this] { return *service->find(u"acc"_s, u"c"_s); };
        QVERIFY(!record().hasMedia);
        QVERIFY(service->applyMediaEndpoint(u"acc"_s, u"c"_s, true));
        QVERIFY(record().hasMedia);
        QVERIFY(!service->applyMediaEndpoint(u"acc"_s, u"c"_s, true)); // no change
        QVERIFY(service->applyMuted(u"acc"_s, u"c"_s, true));
        QVERIFY(record().muted);
        QVERIFY(!service->applyMuted(u"acc"_s, u"c"_s, true));
        QCOMPARE(changed.size(), 2);

        QVERIFY(service->applyMediaFailure(u"acc"_s, u"c"_s, u"ICE failed"_s));
        QCOMPARE(record().mediaError, u"ICE failed"_s);
        QCOMPARE(record().status, CallStatus::Established); // the call goes on
        QVERIFY(!record().hasEnded());
        QCOMPARE(changed.size(), 3);

        // A new endpoint for the call: audio again, not muted, no error.
        QVERIFY(service->applyMediaEndpoint(u"acc"_s, u"c"_s, true));
        QVERIFY(record().mediaError.isEmpty());
        QVERIFY(!record().muted);
        QVERIFY(service->applyMediaEndpoint(u"acc"_s, u"c"_s, false));
        QVERIFY(!record().hasMedia);
        QVERIFY(!service->applyMediaFailure(u"acc"_s, u"other"_s, u"x"_s));
        QVERIFY(!service->applyMuted(u"acc"_s, u"other"_s, true));
    }
};

QTEST_GUILESS_MAIN(tst_CallService)
#include "tst_CallService.moc"
