// services::CallMediaBinding: what services::MediaEngine reports about a call's audio
// (endpoint, mute, statistics, failure) reaches the call's CallRecord, whichever comes first.
#include "support/FakeClock.h"

#include "media/WebRtcEndpoint.h"
#include "services/CallMediaBinding.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

core::CallStatusEvent callEvent(const QString& id, core::CallStatus status) {
    core::CallStatusEvent e;
    e.callId = id;
    e.status = status;
    e.callee = u"2042"_s;
    return e;
}

} // namespace

class tst_CallMediaBinding : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock;
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::MediaEngine> media;
    std::unique_ptr<services::CallMediaBinding> binding;

    const services::CallRecord& record(const QString& id) const {
        return *calls->find(u"acc"_s, id);
    }

private Q_SLOTS:
    void init() {
        clock = std::make_shared<testsupport::FakeClock>();
        calls = std::make_unique<services::CallService>(clock);
        media = std::make_unique<services::MediaEngine>(nullptr);
        media->setElementOverride(u"audiotestsrc is-live=true"_s, u"fakesink"_s);
        binding = std::make_unique<services::CallMediaBinding>(*media, *calls);
    }
    void cleanup() {
        binding.reset();
        media.reset();
        calls.reset();
    }

    void endpointAndMuteReachTheRecord() {
        calls->apply(u"acc"_s, callEvent(u"c"_s, core::CallStatus::Trying));
        QVERIFY(!record(u"c"_s).hasMedia);
        std::unique_ptr<media::WebRtcEndpoint> endpoint(
            media->createEndpoint(u"acc"_s, u"c"_s, media::MediaDirection::SendRecv, nullptr));
        QVERIFY(record(u"c"_s).hasMedia);
        QVERIFY(media->setMuted(u"acc"_s, u"c"_s, true));
        QVERIFY(record(u"c"_s).muted);
        QVERIFY(media->setMuted(u"acc"_s, u"c"_s, false));
        QVERIFY(!record(u"c"_s).muted);
        endpoint.reset();
        QVERIFY(!record(u"c"_s).hasMedia);
    }

    void endpointBeforeTheCallIsTakenWhenTheCallArrives() {
        std::unique_ptr<media::WebRtcEndpoint> endpoint(
            media->createEndpoint(u"acc"_s, u"early"_s, media::MediaDirection::SendRecv, nullptr));
        QVERIFY(media->setMuted(u"acc"_s, u"early"_s, true));
        QVERIFY(!calls->find(u"acc"_s, u"early"_s));
        calls->apply(u"acc"_s, callEvent(u"early"_s, core::CallStatus::Trying));
        QVERIFY(record(u"early"_s).hasMedia);
        QVERIFY(record(u"early"_s).muted);
    }

    void statsAndFailuresReachTheRecord() {
        calls->apply(u"acc"_s, callEvent(u"c"_s, core::CallStatus::Established));
        QSignalSpy changed(calls.get(), &services::CallService::callChanged);
        media::MediaStats stats;
        stats.packetsReceived = 99;
        stats.packetsLost = 1;
        stats.jitterMs = 4;
        stats.roundTripTimeMs = 18;
        Q_EMIT media->statsUpdated(u"acc"_s, u"c"_s, stats);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(record(u"c"_s).quality.rttMs(), 18.0);
        QCOMPARE(record(u"c"_s).quality.lossPercent(), 1.0);
        Q_EMIT media->mediaFailed(u"acc"_s, u"c"_s, u"DTLS handshake failed"_s);
        QCOMPARE(record(u"c"_s).mediaError, u"DTLS handshake failed"_s);
        QCOMPARE(record(u"c"_s).status, core::CallStatus::Established);
        // Another account's call with the same id is untouched.
        Q_EMIT media->statsUpdated(u"other"_s, u"c"_s, stats);
        QCOMPARE(record(u"c"_s).quality.samples(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_CallMediaBinding)
#include "tst_CallMediaBinding.moc"
