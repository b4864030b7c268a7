// models::EventFilterProxy over an EventLogModel: type / account / status / text filters, time
// sort, and "export what I see" through acceptsEntry().
#include "models/EventFilterProxy.h"
#include "models/EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonObject>
#include <QTest>

using models::EventLogModel;
using namespace Qt::Literals::StringLiterals;

namespace {

services::JournalEntry entry(qint64 t, const QString& type, const QString& account,
                             const QString& id, const QString& status, const QString& info) {
    const QJsonObject o{
        {u"type"_s, type}, {u"mediaSessionId"_s, id}, {u"status"_s, status}, {u"info"_s, info}};
    return services::JournalEntry::fromEventJson(t, account, o);
}

QStringList ids(const QAbstractItemModel& proxy) {
    QStringList out;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        out << proxy.index(r, 0).data(EventLogModel::ObjectIdRole).toString();
    }
    return out;
}

} // namespace

class tst_EventFilterProxy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filtersSortsAndExports() {
        EventLogModel log;
        models::EventFilterProxy proxy;
        proxy.setSourceModel(&log);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.append(
            entry(30, u"StreamStatusEvent"_s, u"a1"_s, u"s1"_s, u"FAILED"_s, u"Codec mismatch"_s));
        log.append(entry(10, u"CallStatusEvent"_s, u"a2"_s, u"c1"_s, u"RING"_s, {}));
        log.append(entry(20, u"StreamStatusEvent"_s, u"a2"_s, u"s2"_s, u"PLAYING"_s, {}));
        log.processFrame();
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setTypeFilter({u"StreamStatusEvent"_s});
        QCOMPARE(ids(proxy), (QStringList{u"s1"_s, u"s2"_s}));
        proxy.setAccountFilter(u"a2"_s);
        QCOMPARE(ids(proxy), (QStringList{u"s2"_s}));
        proxy.setTypeFilter({});
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s, u"s2"_s}));
        proxy.setAccountFilter({});
        proxy.setStatusFilter({u"FAILED"_s, u"RING"_s});
        QCOMPARE(ids(proxy), (QStringList{u"s1"_s, u"c1"_s}));
        proxy.setStatusFilter({});
        proxy.setTextFilter(u"codec"_s); // inside the JSON
        QCOMPARE(ids(proxy), (QStringList{u"s1"_s}));

        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QCOMPARE(log.exportJsonLines(
                     out, [&](const services::JournalEntry& e) { return proxy.acceptsEntry(e); }),
                 1);
        QVERIFY(out.data().contains("Codec mismatch"));
        proxy.setTextFilter({});

        proxy.sort(EventLogModel::TimeColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s, u"s2"_s, u"s1"_s}));
        // live appends land in sorted place
        log.append(entry(15, u"CallStatusEvent"_s, u"a1"_s, u"c2"_s, u"FINISH"_s, {}));
        log.processFrame();
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s, u"c2"_s, u"s2"_s, u"s1"_s}));
    }
};

QTEST_GUILESS_MAIN(tst_EventFilterProxy)
#include "tst_EventFilterProxy.moc"
