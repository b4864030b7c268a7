// models::EventLogModel: frame-coalesced appends, the ring bound, pause/resume, JSON Lines export.
#include "models/EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using models::EventLogModel;
using namespace Qt::Literals::StringLiterals;

namespace {

services::JournalEntry entry(int n, const QString& type = u"CallStatusEvent"_s,
                             const QString& account = u"acc"_s) {
    QJsonObject o{{u"type"_s, type},
                  {u"callId"_s, u"c%1"_s.arg(n)},
                  {u"status"_s, n % 2 ? u"FAILED"_s : u"RING"_s},
                  {u"info"_s, u"info %1"_s.arg(n)}};
    return services::JournalEntry::fromEventJson(1'700'000'000'000 + n, account, o);
}

} // namespace

class tst_EventLogModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendsAreCoalescedPerFrame() {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 100; ++i) {
            model.append(entry(i));
        }
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.pendingCount(), 100);
        QTRY_COMPARE(inserted.count(), 1); // the real frame timer
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 99);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.pendingCount(), 0);
        const QModelIndex i = model.index(7, 0);
        QCOMPARE(i.data(EventLogModel::ObjectIdRole).toString(), u"c7"_s);
        QCOMPARE(i.data(EventLogModel::StatusRole).toString(), u"FAILED"_s);
        QCOMPARE(i.data(EventLogModel::TimestampMsRole).toLongLong(), 1'700'000'000'007);
        QCOMPARE(model.index(7, EventLogModel::TypeColumn).data().toString(), u"CallStatusEvent"_s);
        QCOMPARE(model.index(7, EventLogModel::SummaryColumn).data().toString(), u"info 7"_s);
    }

    void ringIsBounded() {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.capacity(), 10000);
        model.setCapacity(10);
        for (int i = 0; i < 8; ++i) {
            model.append(entry(i));
        }
        model.processFrame();
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 8; i < 13; ++i) {
            model.append(entry(i));
        }
        model.processFrame();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(removed.count(), 1); // one removal of the 3 oldest
        QCOMPARE(removed[0][2].toInt(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.entryAt(0).objectId, u"c3"_s);
        QCOMPARE(model.entryAt(9).objectId, u"c12"_s);
        // more than the capacity in one frame: only the newest are kept
        for (int i = 13; i < 40; ++i) {
            model.append(entry(i));
        }
        model.processFrame();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.entryAt(0).objectId, u"c30"_s);
        model.setCapacity(4);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.entryAt(0).objectId, u"c36"_s);
    }

    void pauseBuffersAndResumeShows() {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(5);
        model.append(entry(0));
        model.processFrame();
        model.setPaused(true);
        for (int i = 1; i < 9; ++i) {
            model.append(entry(i));
        }
        model.processFrame();
        QTest::qWait(3 * model.frameInterval());
        QCOMPARE(model.rowCount(), 1); // still while paused
        QCOMPARE(model.pendingCount(), 5);
        QCOMPARE(model.droppedCount(), 3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setPaused(false);
        QTRY_COMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.entryAt(0).objectId, u"c4"_s);
        QCOMPARE(model.entryAt(4).objectId, u"c8"_s);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void exportsJsonLines() {
        EventLogModel model;
        model.append(entry(1));
        model.append(entry(2, u"StreamStatusEvent"_s, u"a\"b"_s));
        model.append(entry(3));
        model.processFrame();
        QBuffer all;
        all.open(QIODevice::WriteOnly);
        QCOMPARE(model.exportJsonLines(all), 3);
        const QList<QByteArray> lines = all.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QJsonParseError error;
        const QJsonObject second = QJsonDocument::fromJson(lines[1], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(second.value(u"accountId"_s).toString(), u"a\"b"_s);
        QCOMPARE(second.value(u"timestampMs"_s).toInteger(), 1'700'000'000'002);
        QCOMPARE(second.value(u"event"_s).toObject().value(u"callId"_s).toString(), u"c2"_s);

        QBuffer some;
        some.open(QIODevice::WriteOnly);
        QCOMPARE(model.exportJsonLines(
                     some, [](const services::JournalEntry& e) { return e.status == u"FAILED"_s; }),
                 2);
        QBuffer closed;
        QCOMPARE(model.exportJsonLines(closed), -1);
    }
};

QTEST_GUILESS_MAIN(tst_EventLogModel)
#include "tst_EventLogModel.moc"
