// models::StreamFilterProxy over a StreamTableModel: status / account / node / text filters,
// sorting by the typed SortRole (numbers as numbers).
#include "support/FakeClock.h"

#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "services/StreamMonitor.h"

#include <QAbstractItemModelTester>
#include <QTest>

using core::StreamStatus;
using models::StreamTableModel;
using namespace Qt::Literals::StringLiterals;

class tst_StreamFilterProxy : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

    static void add(services::StreamMonitor& m, const QString& id, const QString& name,
                    StreamStatus status, int bitrate, const QString& node,
                    const QString& account = {}, const QString& info = {}) {
        core::StreamStatusEvent e;
        e.mediaSessionId = id;
        e.name = name;
        e.status = status;
        e.bitrate = bitrate;
        e.nodeId = node;
        e.info = info;
        m.apply(e, services::SourceRestHook, account);
    }

    static QStringList ids(const QAbstractItemModel& proxy) {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            out << proxy.index(r, 0).data(StreamTableModel::MediaSessionIdRole).toString();
        }
        return out;
    }

private Q_SLOTS:
    void filtersAndSorts() {
        services::StreamMonitor monitor(clock);
        StreamTableModel model(&monitor, clock);
        models::StreamFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        add(monitor, u"m1"_s, u"lobby-cam"_s, StreamStatus::Publishing, 900, u"n1"_s, u"acc"_s);
        add(monitor, u"m2"_s, u"stage"_s, StreamStatus::Playing, 10000, u"n2"_s);
        add(monitor, u"m3"_s, u"backstage"_s, StreamStatus::Failed, 80, u"n1"_s, {},
            u"Lobby timeout"_s);
        add(monitor, u"m4"_s, u"door"_s, StreamStatus::Paused, -1, u"n2"_s, u"acc"_s);
        QCoreApplication::processEvents();
        model.processFrame();
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setStatusFilter({StreamStatus::Publishing, StreamStatus::Paused});
        QCOMPARE(ids(proxy), (QStringList{u"m1"_s, u"m4"_s}));
        proxy.setStatusFilter({});
        proxy.setLiveOnly(true);
        QCOMPARE(ids(proxy), (QStringList{u"m1"_s, u"m2"_s, u"m4"_s}));
        proxy.setLiveOnly(false);
        proxy.setNodeFilter(u"n1"_s);
        QCOMPARE(ids(proxy), (QStringList{u"m1"_s, u"m3"_s}));
        proxy.setNodeFilter({});
        proxy.setAccountFilter(u"acc"_s);
        QCOMPARE(ids(proxy), (QStringList{u"m1"_s, u"m4"_s}));
        proxy.setAccountFilter({});
        proxy.setTextFilter(u"LOBBY"_s); // name of m1, info of m3
        QCOMPARE(ids(proxy), (QStringList{u"m1"_s, u"m3"_s}));
        proxy.setTextFilter(u"m2"_s); // mediaSessionId
        QCOMPARE(ids(proxy), (QStringList{u"m2"_s}));
        proxy.setTextFilter({});

        // numeric sort: 10000 > 900 > 80 > -1 (text order would put "900" first)
        proxy.sort(StreamTableModel::BitrateColumn, Qt::DescendingOrder);
        QCOMPARE(ids(proxy), (QStringList{u"m2"_s, u"m1"_s, u"m3"_s, u"m4"_s}));
        proxy.sort(StreamTableModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), (QStringList{u"m3"_s, u"m4"_s, u"m1"_s, u"m2"_s}));

        // live updates re-filter: m2 ends while the live-only filter is on
        proxy.setLiveOnly(true);
        add(monitor, u"m2"_s, u"stage"_s, StreamStatus::Stopped, 0, u"n2"_s);
        add(monitor, u"m5"_s, u"aisle"_s, StreamStatus::Playing, 5, u"n1"_s);
        QCoreApplication::processEvents();
        model.processFrame();
        QCOMPARE(ids(proxy), (QStringList{u"m5"_s, u"m4"_s, u"m1"_s}));
    }
};

QTEST_GUILESS_MAIN(tst_StreamFilterProxy)
#include "tst_StreamFilterProxy.moc"
