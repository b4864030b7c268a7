// models::HistoryModel over a fake query function: rows, missed flag, query passing, refresh.
#include "models/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using models::HistoryModel;
using Entry = services::CallHistoryEntry;
using namespace Qt::Literals::StringLiterals;

namespace {

Entry call(const QString& id, Entry::Outcome outcome, Entry::Direction direction) {
    Entry e;
    e.accountId = u"acc"_s;
    e.callId = id;
    e.direction = direction;
    e.peer = u"20%1"_s.arg(id);
    e.outcome = outcome;
    e.startedAtMs = 1'700'000'000'000;
    if (outcome == Entry::Outcome::Answered) {
        e.answeredAtMs = e.startedAtMs + 1000;
    }
    e.endedAtMs = e.startedAtMs + 96'000;
    e.endReason = u"Normal call clearing"_s;
    return e;
}

} // namespace

class tst_HistoryModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsFromTheQuery() {
        QList<Entry> store{call(u"1"_s, Entry::Outcome::Missed, Entry::Direction::Incoming),
                           call(u"2"_s, Entry::Outcome::Answered, Entry::Direction::Outgoing),
                           call(u"3"_s, Entry::Outcome::Busy, Entry::Direction::Outgoing)};
        services::CallQuery seen;
        int queries = 0;
        HistoryModel model([&](const services::CallQuery& q) {
            seen = q;
            ++queries;
            QList<Entry> out;
            for (const Entry& e : store) {
                if (!q.outcome || e.outcome == *q.outcome) {
                    out << e;
                }
            }
            return out;
        });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // not queried before refresh()
        model.refresh();
        QCOMPARE(queries, 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.missedCount(), 1);
        QCOMPARE(model.index(0, 0).data(HistoryModel::MissedRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(HistoryModel::MissedRole).toBool(), false);
        QCOMPARE(model.index(1, HistoryModel::DurationColumn).data().toString(), u"1:35"_s);
        QCOMPARE(model.index(1, 0).data(HistoryModel::DurationMsRole).toLongLong(), 95'000);
        QCOMPARE(model.index(0, HistoryModel::DurationColumn).data().toString(), QString());
        QCOMPARE(model.index(2, HistoryModel::OutcomeColumn).data().toString(), u"Busy"_s);
        QCOMPARE(model.index(0, HistoryModel::PeerColumn).data().toString(), u"201"_s);

        services::CallQuery missed;
        missed.outcome = Entry::Outcome::Missed;
        missed.accountId = u"acc"_s;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setQuery(missed);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(seen.accountId, u"acc"_s);
        QCOMPARE(model.rowCount(), 1);

        store << call(u"4"_s, Entry::Outcome::Missed, Entry::Direction::Incoming);
        model.refresh();
        QCOMPARE(model.rowCount(), 2);

        QSignalSpy dial(&model, &HistoryModel::dialRequested);
        QVERIFY(model.requestCallBack(1));
        QCOMPARE(dial[0][1].toString(), u"204"_s);
        QVERIFY(!model.requestCallBack(7));
    }

    void qualityColumn() {
        QLocale::setDefault(QLocale::c());
        Entry withQuality = call(u"1"_s, Entry::Outcome::Answered, Entry::Direction::Outgoing);
        withQuality.quality.samples = 10;
        withQuality.quality.averageRttMs = 24.4;
        withQuality.quality.maxJitterMs = 8.2;
        withQuality.quality.lossPercent = 0.44;
        withQuality.quality.averageSendKbps = 32;
        withQuality.quality.averageReceiveKbps = 31;
        withQuality.quality.mos = 4.33;
        const Entry without = call(u"2"_s, Entry::Outcome::Missed, Entry::Direction::Incoming);
        HistoryModel model([&](const services::CallQuery&) {
            return QList<Entry>{withQuality, without};
        });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.headerData(HistoryModel::QualityColumn, Qt::Horizontal).toString(),
                 u"Quality"_s);
        const QModelIndex q = model.index(0, HistoryModel::QualityColumn);
        const QString line = u"MOS 4.3 · RTT 24 ms · jitter ≤ 8.2 ms · loss 0.4 %"_s;
        QCOMPARE(q.data().toString(), line);
        QCOMPARE(q.data(HistoryModel::QualityTextRole).toString(), line);
        QCOMPARE(q.data(HistoryModel::MosRole).toDouble(), 4.33);
        QCOMPARE(q.data(HistoryModel::SortRole).toDouble(), 4.33);
        const QString tip = q.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Average round-trip time 24 ms"_s), qPrintable(tip));
        QVERIFY(tip.contains(u"Average sending bitrate 32 kbit/s"_s));
        QVERIFY(tip.contains(u"Estimated MOS 4.3 of 4.5"_s));
        // Other columns keep the end reason as tooltip.
        QCOMPARE(model.index(0, HistoryModel::PeerColumn).data(Qt::ToolTipRole).toString(),
                 u"Normal call clearing"_s);
        // Unknown quality: nothing shown.
        const QModelIndex none = model.index(1, HistoryModel::QualityColumn);
        QCOMPARE(none.data().toString(), QString());
        QCOMPARE(none.data(HistoryModel::MosRole).toDouble(), -1.0);
        QCOMPARE(none.data(Qt::ToolTipRole), QVariant());
        QCOMPARE(model.index(1, HistoryModel::ReasonColumn).data().toString(),
                 u"Normal call clearing"_s);
    }

    void outcomeTexts() {
        for (int v = 0; v <= static_cast<int>(Entry::Outcome::NoAnswer); ++v) {
            QVERIFY(!HistoryModel::outcomeText(static_cast<Entry::Outcome>(v)).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_HistoryModel)
#include "tst_HistoryModel.moc"
