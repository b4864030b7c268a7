// models::StreamTableModel: frame-coalesced inserts and dataChanged, typed roles for every
// stream status, keep-alive age with a fake clock, reset on prune.
#include "support/FakeClock.h"

#include "core/Lifecycle.h"
#include "models/StatusLabels.h"
#include "models/StreamTableModel.h"
#include "services/StreamMonitor.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using core::StreamStatus;
using models::StreamTableModel;
using namespace Qt::Literals::StringLiterals;

namespace {

core::StreamStatusEvent streamEvent(const QString& id, StreamStatus status) {
    core::StreamStatusEvent e;
    e.mediaSessionId = id;
    e.name = u"cam-"_s + id;
    e.status = status;
    return e;
}

QString sid(int i) {
    return u"ms-%1"_s.arg(i);
}

} // namespace

class tst_StreamTableModel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

    struct Fixture {
        explicit Fixture(std::shared_ptr<testsupport::FakeClock> c)
            : monitor(c)
            , model(&monitor, c)
            , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest) {
            model.setAgeRefreshInterval(0);
        }
        services::StreamMonitor monitor;
        StreamTableModel model;
        QAbstractItemModelTester tester;

        void addStreams(int n) {
            for (int i = monitor.size(), end = monitor.size() + n; i < end; ++i) {
                monitor.apply(streamEvent(sid(i), StreamStatus::Publishing),
                              services::SourceRestHook);
            }
            QCoreApplication::processEvents(); // the monitor's coalesced signals
            model.processFrame();
        }
    };

private Q_SLOTS:
    void insertsWaitForTheFrame() {
        Fixture f(clock);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 5; ++i) {
            f.monitor.apply(streamEvent(sid(i), StreamStatus::Pending), services::SourceOwnSession);
            f.monitor.apply(streamEvent(sid(i), StreamStatus::Publishing),
                            services::SourceOwnSession);
        }
        QCoreApplication::processEvents();
        QCOMPARE(f.model.rowCount(), 0); // not before the frame tick
        QCOMPARE(f.model.rowOf(sid(0)), -1);
        QTRY_COMPARE(inserted.count(), 1); // the real frame timer
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 4);
        QCOMPARE(changed.count(), 0); // new rows are read fresh, no dataChanged for them
        QCOMPARE(f.model.rowCount(), 5);
        QCOMPARE(f.model.rowOf(sid(3)), 3);

        f.addStreams(3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted[1][1].toInt(), 5);
        QCOMPARE(inserted[1][2].toInt(), 7);
        QCOMPARE(f.model.rowCount(), 8);
    }

    void coalescesUpdatesPerContiguousRange_data() {
        QTest::addColumn<QList<int>>("rows");
        QTest::addColumn<QList<int>>("ranges"); // first, last, first, last...
        QTest::newRow("10 contiguous rows")
            << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9} << QList<int>{0, 9};
        QTest::newRow("three runs")
            << QList<int>{1, 2, 5, 7, 8, 9, 15, 16, 17, 18} << QList<int>{1, 2, 5, 5, 7, 9, 15, 18};
        QTest::newRow("every other row")
            << QList<int>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18}
            << QList<int>{0, 0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 12, 12, 14, 14, 16, 16, 18, 18};
    }

    void coalescesUpdatesPerContiguousRange() {
        QFETCH(QList<int>, rows);
        QFETCH(QList<int>, ranges);
        Fixture f(clock);
        f.addStreams(20);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        // 1000 updates to 10 rows in one event-loop pass
        for (int n = 0; n < 1000; ++n) {
            const int row = rows[n % rows.size()];
            auto e = streamEvent(sid(row), n % 2 ? StreamStatus::Paused : StreamStatus::Publishing);
            e.bitrate = n;
            f.monitor.apply(e, services::SourceRestHook);
        }
        QCoreApplication::processEvents();
        QCOMPARE(changed.count(), 0); // nothing before the tick
        f.model.processFrame();
        QCOMPARE(changed.count(), ranges.size() / 2);
        for (int i = 0; i < changed.count(); ++i) {
            const auto tl = changed[i][0].value<QModelIndex>();
            const auto br = changed[i][1].value<QModelIndex>();
            QCOMPARE(tl.row(), ranges[2 * i]);
            QCOMPARE(br.row(), ranges[2 * i + 1]);
            QCOMPARE(tl.column(), 0);
            QCOMPARE(br.column(), StreamTableModel::ColumnCount - 1);
        }
        // the last update of each row is what the model shows
        const QModelIndex last = f.model.index(rows.last(), StreamTableModel::BitrateColumn);
        QCOMPARE(last.data(StreamTableModel::BitrateRole).toInt(), 999);
        QCOMPARE(last.data().toString(), u"999 kbps"_s);
        // a second tick without news emits nothing
        f.model.processFrame();
        QCOMPARE(changed.count(), ranges.size() / 2);
    }

    void rangesAreCappedPerFrame() {
        Fixture f(clock);
        f.addStreams(40);
        f.model.setMaxRangesPerFrame(3);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        // ranges 0, 2-3, 10, 12, 30-31: the smallest gaps (2-3 apart) are joined first
        for (const int row : {0, 2, 3, 10, 12, 30, 31}) {
            auto e = streamEvent(sid(row), StreamStatus::Publishing);
            e.bitrate = row;
            f.monitor.apply(e, services::SourceRestHook);
        }
        QCoreApplication::processEvents();
        f.model.processFrame();
        QCOMPARE(changed.count(), 3);
        auto range = [&](int i) {
            return std::pair(changed[i][0].value<QModelIndex>().row(),
                             changed[i][1].value<QModelIndex>().row());
        };
        QCOMPARE(range(0), std::pair(0, 3));
        QCOMPARE(range(1), std::pair(10, 12));
        QCOMPARE(range(2), std::pair(30, 31));
    }

    void frameTimerCoalesces() {
        Fixture f(clock);
        f.addStreams(10);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        for (int n = 0; n < 1000; ++n) {
            auto e = streamEvent(sid(n % 10), StreamStatus::Publishing);
            e.bitrate = n;
            f.monitor.apply(e, services::SourceRestHook);
        }
        QTRY_COMPARE(changed.count(), 1);
        QTest::qWait(3 * f.model.frameInterval());
        QCOMPARE(changed.count(), 1);
    }

    void rolesForEveryStatus_data() {
        QTest::addColumn<StreamStatus>("sent");
        QTest::addColumn<StreamStatus>("shown");
        // The first event of a stream is taken as it is, unless it carries no usable status.
        for (int v = 0; v <= static_cast<int>(StreamStatus::NotEnoughBandwidth); ++v) {
            const auto s = static_cast<StreamStatus>(v);
            const bool usable =
                s != StreamStatus::Unknown && !core::Lifecycle<StreamStatus>::isStateless(s);
            const QByteArray name =
                s == StreamStatus::Unknown ? "Unknown" : QByteArray(core::toWire(s).data());
            QTest::newRow(name.constData()) << s << (usable ? s : StreamStatus::New);
        }
    }

    void rolesForEveryStatus() {
        QFETCH(StreamStatus, sent);
        QFETCH(StreamStatus, shown);
        Fixture f(clock);
        auto e = streamEvent(u"s1"_s, sent);
        if (sent == StreamStatus::Unknown) {
            e.status = core::fromWire<StreamStatus>(u"WARMING_UP");
        }
        f.monitor.apply(e, services::SourceRestHook);
        QCoreApplication::processEvents();
        f.model.processFrame();
        const QModelIndex i = f.model.index(0, StreamTableModel::StatusColumn);
        QCOMPARE(i.data(StreamTableModel::StatusRole).toInt(), static_cast<int>(shown));
        QCOMPARE(i.data(StreamTableModel::WireStatusRole).toString(), QString(core::toWire(shown)));
        QCOMPARE(i.data(StreamTableModel::StatusTextRole).toString(),
                 models::StatusLabels::stream(shown));
        QCOMPARE(i.data().toString(), models::StatusLabels::stream(shown));
        QCOMPARE(i.data(StreamTableModel::LiveRole).toBool(),
                 !core::Lifecycle<StreamStatus>::isTerminal(shown));
        QCOMPARE(i.data(StreamTableModel::StaleRole).toBool(), false);
        // every status has its own badge text
        QVERIFY(!models::StatusLabels::stream(sent).isEmpty());
        QCOMPARE(models::StatusLabels::stream(StreamStatus::Unknown, u"WARMING_UP"_s),
                 u"WARMING_UP"_s);
    }

    void columnsAndRoles() {
        Fixture f(clock);
        auto e = streamEvent(u"s1"_s, StreamStatus::Playing);
        e.published = false;
        e.hasAudio = true;
        e.hasVideo = true;
        e.width = 1280;
        e.height = 720;
        e.bitrate = 2500;
        e.mediaProvider = u"WebRTC"_s;
        e.nodeId = u"node-1"_s;
        e.info = u"Started"_s;
        f.monitor.apply(e, services::SourceRestApi, u"acc"_s);
        QCoreApplication::processEvents();
        f.model.processFrame();
        auto text = [&](int column) { return f.model.index(0, column).data().toString(); };
        using M = StreamTableModel;
        QCOMPARE(text(M::NameColumn), u"cam-s1"_s);
        QCOMPARE(text(M::MediaSessionIdColumn), u"s1"_s);
        QCOMPARE(text(M::DirectionColumn), u"play"_s);
        QCOMPARE(text(M::InfoColumn), u"Started"_s);
        QCOMPARE(text(M::ProviderColumn), u"WebRTC"_s);
        QCOMPARE(text(M::MediaColumn), u"audio + video"_s);
        QCOMPARE(text(M::SizeColumn), u"1280\u00d7720"_s);
        QCOMPARE(text(M::BitrateColumn), u"2500 kbps"_s);
        QCOMPARE(text(M::KeepAliveColumn), QString());
        QCOMPARE(text(M::NodeColumn), u"node-1"_s);
        const QModelIndex i = f.model.index(0, 0);
        QCOMPARE(i.data(M::MediaSessionIdRole).toString(), u"s1"_s);
        QCOMPARE(i.data(M::AccountIdRole).toString(), u"acc"_s);
        QCOMPARE(i.data(M::PublishedRole).toInt(), 0);
        QCOMPARE(i.data(M::KeepAliveAgeMsRole).toLongLong(), -1);
        QCOMPARE(i.data(M::SourcesRole).toInt(), int(services::SourceRestApi));
        QCOMPARE(f.model.index(0, M::SizeColumn).data(M::SortRole).toLongLong(), 1280LL * 720);
        QVERIFY(f.model.roleNames().contains(M::StatusRole));
        QCOMPARE(f.model.headerData(M::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);
    }

    void keepAliveAgeAndStale() {
        Fixture f(clock);
        f.addStreams(3);
        f.monitor.setStaleAfterMs(30000);
        core::StreamKeepAliveEvent ka;
        ka.mediaSessionId = sid(1);
        ka.status = core::StreamKeepAliveStatus::Publishing;
        f.monitor.applyKeepAlive(ka);
        QCoreApplication::processEvents();
        f.model.processFrame();
        clock->advance(5400);
        const QModelIndex age = f.model.index(1, StreamTableModel::KeepAliveColumn);
        QCOMPARE(age.data(StreamTableModel::KeepAliveAgeMsRole).toLongLong(), 5400);
        QCOMPARE(age.data().toString(), u"5 s"_s);

        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.model.refreshKeepAliveAges(); // once a second: one signal for the column
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(),
                 f.model.index(0, StreamTableModel::KeepAliveColumn));
        QCOMPARE(changed[0][1].value<QModelIndex>(),
                 f.model.index(2, StreamTableModel::KeepAliveColumn));

        clock->advance(30000);
        f.monitor.checkStale();
        QCoreApplication::processEvents();
        f.model.processFrame();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed[1][0].value<QModelIndex>().row(), 1);
        QCOMPARE(f.model.index(1, 0).data(StreamTableModel::StaleRole).toBool(), true);
        QCOMPARE(f.model.index(0, 0).data(StreamTableModel::StaleRole).toBool(), false);
        // the stale marker is visible as text (readable without colour) with a tooltip
        QCOMPARE(f.model.index(1, StreamTableModel::KeepAliveColumn).data().toString(),
                 u"35 s, stale"_s);
        QVERIFY(!f.model.index(1, StreamTableModel::KeepAliveColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(f.model.index(0, StreamTableModel::KeepAliveColumn).data().toString(), QString());
    }

    void pruneResetsTheModel() {
        Fixture f(clock);
        f.addStreams(4);
        f.monitor.apply(streamEvent(sid(1), StreamStatus::Unpublished), services::SourceRestHook);
        f.monitor.apply(streamEvent(sid(2), StreamStatus::Failed), services::SourceRestHook);
        clock->advance(60000);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QCOMPARE(f.monitor.pruneEnded(1000), 2);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.model.index(1, 0).data(StreamTableModel::MediaSessionIdRole).toString(), sid(3));
        QCoreApplication::processEvents();
        f.model.processFrame(); // the dirty marks died with the reset: nothing to do
    }

    void existingRowsAreShownAtOnce() {
        services::StreamMonitor monitor(clock);
        monitor.apply(streamEvent(u"a"_s, StreamStatus::Playing), services::SourceRestHook);
        StreamTableModel model(&monitor, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCoreApplication::processEvents();
        model.processFrame();
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_StreamTableModel)
#include "tst_StreamTableModel.moc"
