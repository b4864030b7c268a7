// services::RestApiBinding: REST API polls (spec §14) merged into StreamMonitor by
// mediaSessionId, the hook's nodeId kept, streams gone from a poll ended unless hooks report
// them, metrics kept per stream. Signals are raised by hand: no network.
#include "support/FakeClock.h"

#include "hooks/RestApiClient.h"
#include "services/RestApiBinding.h"
#include "services/StreamMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using core::StreamStatus;

namespace {

core::StreamStatusEvent polled(const QString& id, StreamStatus status, bool published = true) {
    core::StreamStatusEvent e;
    e.mediaSessionId = id;
    e.name = u"cam-"_s + id;
    e.status = status;
    e.published = published;
    e.nodeId = u"wcs-1"_s;
    return e;
}

} // namespace

class tst_RestApiBinding : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();
    hooks::RestApiNodeOptions options() const {
        hooks::RestApiNodeOptions o;
        o.nodeId = u"wcs-1"_s;
        o.baseUrl = QUrl(u"http://127.0.0.1:1/rest-api"_s);
        return o;
    }

private Q_SLOTS:
    void repeatedPollsKeepOneRowPerStream() {
        hooks::RestApiClient api(options(), clock);
        services::StreamMonitor m(clock);
        services::RestApiBinding b(api, m);
        const QList<core::StreamStatusEvent> list{polled(u"a"_s, StreamStatus::Publishing),
                                                  polled(u"b"_s, StreamStatus::Playing, false)};
        Q_EMIT api.streamsPolled(u"wcs-1"_s, list);
        Q_EMIT api.streamsPolled(u"wcs-1"_s, list);
        QCOMPARE(m.size(), 2);
        QCOMPARE(m.at(m.rowOf(u"a"_s)).sources, std::uint8_t(services::SourceRestApi));
        QCOMPARE(m.at(m.rowOf(u"b"_s)).status, StreamStatus::Playing);
    }

    void hookNodeIdWins() {
        hooks::RestApiClient api(options(), clock);
        services::StreamMonitor m(clock);
        services::RestApiBinding b(api, m);
        core::StreamStatusEvent hook = polled(u"a"_s, StreamStatus::Publishing);
        hook.nodeId = u"Qb3r@10.0.0.2"_s;
        m.apply(hook, services::SourceRestHook);
        Q_EMIT api.streamsPolled(u"wcs-1"_s, {polled(u"a"_s, StreamStatus::Publishing)});
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.at(0).nodeId, u"Qb3r@10.0.0.2"_s);
        QCOMPARE(m.at(0).sources, std::uint8_t(services::SourceRestHook | services::SourceRestApi));
    }

    void goneFromPoll() {
        hooks::RestApiClient api(options(), clock);
        services::StreamMonitor m(clock);
        services::RestApiBinding b(api, m);
        core::StreamStatusEvent hooked = polled(u"h"_s, StreamStatus::Publishing);
        m.apply(hooked, services::SourceRestHook);
        Q_EMIT api.streamsPolled(u"wcs-1"_s, {polled(u"pub"_s, StreamStatus::Publishing),
                                              polled(u"play"_s, StreamStatus::Playing, false),
                                              polled(u"h"_s, StreamStatus::Publishing)});
        Q_EMIT api.streamsPolled(u"wcs-1"_s, {}); // all three gone
        QCOMPARE(m.at(m.rowOf(u"pub"_s)).status, StreamStatus::Unpublished);
        QCOMPARE(m.at(m.rowOf(u"pub"_s)).info, services::RestApiBinding::goneInfo());
        QCOMPARE(m.at(m.rowOf(u"play"_s)).status, StreamStatus::Stopped);
        // Hooks report this one: the poll does not guess how it ended.
        QCOMPARE(m.at(m.rowOf(u"h"_s)).status, StreamStatus::Publishing);
        // A stream only ever seen elsewhere is not touched by a poll that never listed it.
        m.apply(polled(u"own"_s, StreamStatus::Publishing), services::SourceOwnSession);
        Q_EMIT api.streamsPolled(u"wcs-1"_s, {});
        QCOMPARE(m.at(m.rowOf(u"own"_s)).status, StreamStatus::Publishing);
    }

    void metricsKept() {
        hooks::RestApiClient api(options(), clock);
        services::StreamMonitor m(clock);
        services::RestApiBinding b(api, m);
        QSignalSpy changed(&b, &services::RestApiBinding::metricsChanged);
        const QJsonObject metrics{{u"VIDEO_FPS"_s, 30}, {u"VIDEO_RATE"_s, 2480000}};
        Q_EMIT api.streamFetched(u"wcs-1"_s, polled(u"a"_s, StreamStatus::Publishing), metrics);
        QCOMPARE(b.metrics(u"a"_s), metrics);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m.size(), 1);
        QVERIFY(b.metrics(u"unknown"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_RestApiBinding)
#include "tst_RestApiBinding.moc"
