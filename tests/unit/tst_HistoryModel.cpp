// models::HistoryModel over a fake query function: rows, missed flag, query passing, refresh.
#include "models/HistoryModel.h"

#include <QAbstractItemModelTester>
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

    void outcomeTexts() {
        for (int v = 0; v <= static_cast<int>(Entry::Outcome::NoAnswer); ++v) {
            QVERIFY(!HistoryModel::outcomeText(static_cast<Entry::Outcome>(v)).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_HistoryModel)
#include "tst_HistoryModel.moc"
