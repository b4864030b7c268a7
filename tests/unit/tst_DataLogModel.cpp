// models::DataLogModel: newest first, sent rows matched to their DataStatusEvent by account and
// operationId, pushed OnDataEvent rows, the row cap, pretty-printed payloads.
#include "support/FakeClock.h"

#include "models/DataLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::DataLogModel;
using namespace Qt::Literals::StringLiterals;

namespace {

core::DataStatusEvent status(const QString& op, core::DataStatusValue value,
                             const QString& info = {}) {
    core::DataStatusEvent e;
    e.operationId = op;
    e.status = std::move(value);
    e.info = info;
    return e;
}

} // namespace

class tst_DataLogModel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

private Q_SLOTS:
    void sentRowsFollowTheirResult_data() {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("text");
        QTest::newRow("accepted") << u"ACCEPTED"_s << int(DataLogModel::Status::Accepted)
                                  << u"Accepted"_s;
        QTest::newRow("failed") << u"FAILED"_s << int(DataLogModel::Status::Failed) << u"Failed"_s;
        QTest::newRow("unknown") << u"LOST"_s << int(DataLogModel::Status::Unknown) << u"LOST"_s;
    }
    void sentRowsFollowTheirResult() {
        QFETCH(QString, wire);
        QFETCH(int, expected);
        QFETCH(QString, text);
        DataLogModel model(
            clock, [](const QString& id) { return id == u"acc-1"_s ? u"Desk"_s : QString(); });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSent(u"acc-1"_s, u"op-1"_s, R"({"a":1})");
        model.addSent(u"acc-2"_s, u"op-1"_s, "2"); // same operationId on another account
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex row1 = model.index(1, DataLogModel::StatusColumn); // older = row 1
        QCOMPARE(row1.data(DataLogModel::StatusRole).toInt(), int(DataLogModel::Status::Sending));
        QCOMPARE(model.index(1, DataLogModel::AccountColumn).data().toString(), u"Desk"_s);
        QCOMPARE(model.index(0, DataLogModel::AccountColumn).data().toString(), u"acc-2"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.applyStatus(
            u"acc-1"_s,
            status(u"op-1"_s, core::fromWire<core::DataStatus>(QStringView(wire)), u"why"_s)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 1);
        QCOMPARE(row1.data(DataLogModel::StatusRole).toInt(), expected);
        QCOMPARE(row1.data().toString(), text);
        QCOMPARE(row1.data(DataLogModel::WireStatusRole).toString(), wire);
        QCOMPARE(row1.data(DataLogModel::InfoRole).toString(), u"why"_s);
        QCOMPARE(model.index(1, DataLogModel::PayloadColumn).data().toString(),
                 u"{\"a\":1} (why)"_s);
        // the other account's row did not move
        QCOMPARE(model.index(0, 0).data(DataLogModel::StatusRole).toInt(),
                 int(DataLogModel::Status::Sending));
        // an unknown operationId changes nothing
        QVERIFY(!model.applyStatus(u"acc-1"_s, status(u"op-9"_s, core::DataStatus::Accepted)));
        QCOMPARE(changed.size(), 1);
    }

    void receivedRowsNewestFirst() {
        DataLogModel model(clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        core::OnDataEvent first{u"p-1"_s, R"({"type":"notice","queue":3})"};
        model.addReceived(u"acc"_s, first);
        clock->advance(1000);
        model.addReceived(u"acc"_s, core::OnDataEvent{u"p-2"_s, R"("text")"});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(DataLogModel::OperationIdRole).toString(), u"p-2"_s);
        QCOMPARE(model.index(0, 0).data(DataLogModel::TimestampMsRole).toLongLong(),
                 clock->nowMs());
        QCOMPARE(model.index(1, 0).data(DataLogModel::TimestampMsRole).toLongLong(),
                 clock->nowMs() - 1000);
        QCOMPARE(model.index(1, 0).data(DataLogModel::StatusRole).toInt(),
                 int(DataLogModel::Status::Received));
        QCOMPARE(model.index(1, 0).data(DataLogModel::OutgoingRole).toBool(), false);
        QCOMPARE(model.index(1, 0).data(DataLogModel::PrettyPayloadRole).toString(),
                 u"{\n    \"queue\": 3,\n    \"type\": \"notice\"\n}"_s);
        QCOMPARE(model.index(0, 0).data(DataLogModel::PrettyPayloadRole).toString(), u"\"text\""_s);
        // a pushed row never takes a DataStatusEvent
        QVERIFY(!model.applyStatus(u"acc"_s, status(u"p-1"_s, core::DataStatus::Accepted)));
    }

    void capDropsTheOldest() {
        DataLogModel model(clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxRows(3);
        for (int i = 0; i < 5; ++i) {
            model.addSent(u"a"_s, u"op-%1"_s.arg(i), QByteArray::number(i));
        }
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(DataLogModel::OperationIdRole).toString(), u"op-4"_s);
        QCOMPARE(model.index(2, 0).data(DataLogModel::OperationIdRole).toString(), u"op-2"_s);
        QCOMPARE(model.rowOfSent(u"a"_s, u"op-1"_s), -1);
        QCOMPARE(model.rowOfSent(u"a"_s, u"op-3"_s), 1);
        QVERIFY(model.applyStatus(u"a"_s, status(u"op-2"_s, core::DataStatus::Failed)));
        QCOMPARE(model.index(2, 0).data(DataLogModel::StatusRole).toInt(),
                 int(DataLogModel::Status::Failed));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfSent(u"a"_s, u"op-4"_s), -1);
        model.addSent(u"a"_s, u"op-5"_s, "5");
        QCOMPARE(model.rowOfSent(u"a"_s, u"op-5"_s), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DataLogModel)
#include "tst_DataLogModel.moc"
