// ui::EventsPanel: the type / account / status / text filters (their combos list the values
// seen), pause with the count of held events, clear, and JSON Lines export of what is shown.
#include "models/AccountListModel.h"
#include "models/EventFilterProxy.h"
#include "models/EventLogModel.h"
#include "services/SessionMonitor.h"
#include "support/FakeClock.h"
#include "ui/widgets/EventsPanel.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

services::JournalEntry entry(const QString& type, const QString& account, const QString& status,
                             const QString& objectId, const QByteArray& json, qint64 ts = 1000) {
    services::JournalEntry e;
    e.timestampMs = ts;
    e.type = type;
    e.accountId = account;
    e.status = status;
    e.objectId = objectId;
    e.json = json;
    return e;
}

struct Rig {
    models::EventLogModel model;
    ui::EventsPanel panel{&model};

    Rig() {
        model.setFrameInterval(1);
        model.append(entry(u"CallStatusEvent"_s, u"a1"_s, u"RING"_s, u"call-1"_s,
                           R"({"status":"RING","callee":"9999"})"));
        model.append(entry(u"CallStatusEvent"_s, u"a2"_s, u"FAILED"_s, u"call-2"_s,
                           R"({"status":"FAILED","info":"SIP 486 Busy Here"})"));
        model.append(entry(u"StreamStatusEvent"_s, u"a1"_s, u"FAILED"_s, u"ms-1"_s,
                           R"({"status":"FAILED","name":"lobby-cam"})"));
        model.append(entry(u"ConnectionStatusEvent"_s, u"a2"_s, u"ESTABLISHED"_s, u"s-1"_s,
                           R"({"status":"ESTABLISHED"})"));
        model.processFrame();
    }
    int shown() const { return panel.table()->model()->rowCount(); }
    static void choose(QComboBox* combo, const QString& value) {
        const int i = combo->findData(value);
        QVERIFY2(i > 0, qPrintable(value));
        combo->setCurrentIndex(i);
    }
};

} // namespace

class tst_EventsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filters_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("none") << QString() << QString() << QString() << QString() << 4;
        QTest::newRow("type") << u"CallStatusEvent"_s << QString() << QString() << QString() << 2;
        QTest::newRow("account") << QString() << u"a1"_s << QString() << QString() << 2;
        QTest::newRow("status") << QString() << QString() << u"FAILED"_s << QString() << 2;
        QTest::newRow("type+status")
            << u"CallStatusEvent"_s << QString() << u"FAILED"_s << QString() << 1;
        QTest::newRow("all three")
            << u"StreamStatusEvent"_s << u"a2"_s << u"FAILED"_s << QString() << 0;
        QTest::newRow("text in json") << QString() << QString() << QString() << u"busy here"_s << 1;
        QTest::newRow("text in object id") << QString() << QString() << QString() << u"ms-1"_s << 1;
        QTest::newRow("text and account") << QString() << u"a2"_s << QString() << u"call-"_s << 1;
    }

    void filters() {
        QFETCH(QString, type);
        QFETCH(QString, account);
        QFETCH(QString, status);
        QFETCH(QString, text);
        QFETCH(int, rows);
        Rig rig;
        QCOMPARE(rig.shown(), 4);
        // The combos list what was seen, after "All".
        QCOMPARE(rig.panel.typeCombo()->count(), 4);
        QCOMPARE(rig.panel.accountCombo()->count(), 3);
        QCOMPARE(rig.panel.statusCombo()->count(), 4);
        if (!type.isEmpty()) {
            Rig::choose(rig.panel.typeCombo(), type);
        }
        if (!account.isEmpty()) {
            Rig::choose(rig.panel.accountCombo(), account);
        }
        if (!status.isEmpty()) {
            Rig::choose(rig.panel.statusCombo(), status);
        }
        rig.panel.searchEdit()->setText(text);
        QCOMPARE(rig.shown(), rows);
        if (rows != 4) {
            QVERIFY(rig.panel.stateLabel()->text().contains(u"%1"_s.arg(rows)));
        }
        // Export writes exactly what is shown.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"events.jsonl"_s);
        QCOMPARE(rig.panel.exportTo(path), qint64(rows));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), rows + 1); // the last line ends with \n
        for (int i = 0; i < rows; ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
            QVERIFY(o.contains(u"timestampMs"_s));
            QVERIFY(o.value(u"event"_s).isObject());
            if (!account.isEmpty()) {
                QCOMPARE(o.value(u"accountId"_s).toString(), account);
            }
        }
    }

    void pauseHoldsAndCounts() {
        Rig rig;
        QTest::mouseClick(rig.panel.pauseButton(), Qt::LeftButton);
        QVERIFY(rig.model.isPaused());
        for (int i = 0; i < 3; ++i) {
            rig.model.append(entry(u"OnDataEvent"_s, u"a1"_s, QString(), u"op"_s, "{}"));
        }
        QTest::qWait(30);
        QCOMPARE(rig.shown(), 4);
        QCOMPARE(rig.model.pendingCount(), 3);
        QTRY_VERIFY(rig.panel.stateLabel()->text().contains(u"3"_s));
        QVERIFY(rig.panel.stateLabel()->text().contains(u"paused"_s));
        QTest::mouseClick(rig.panel.pauseButton(), Qt::LeftButton);
        QTRY_COMPARE(rig.shown(), 7);
        QVERIFY(!rig.panel.stateLabel()->text().contains(u"paused"_s));
        QCOMPARE(rig.panel.typeCombo()->findData(u"OnDataEvent"_s) > 0, true);
    }

    void clearEmptiesTheLog() {
        Rig rig;
        QTest::mouseClick(rig.panel.clearButton(), Qt::LeftButton);
        QCOMPARE(rig.shown(), 0);
        QCOMPARE(rig.panel.stateLabel()->text(), u"Events: 0"_s);
    }

    void accountsShowTheirNames() {
        Rig rig;
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::SessionMonitor sessions(clock);
        models::AccountListModel accounts(&sessions, clock, [](const QString& id) {
            return id == u"a1"_s ? u"Office"_s : QString();
        });
        sessions.addAccount(u"a1"_s, true);
        rig.panel.setAccountModel(&accounts);
        QAbstractItemModel* shown = rig.panel.table()->model();
        QCOMPARE(shown->index(0, models::EventLogModel::AccountColumn).data().toString(),
                 u"Office"_s);
        QCOMPARE(shown->index(0, 0).data(models::EventLogModel::AccountIdRole).toString(),
                 u"a1"_s); // the filter and export keep the id
        QCOMPARE(rig.panel.accountCombo()->itemText(rig.panel.accountCombo()->findData(u"a1"_s)),
                 u"Office"_s);
        // An account without a name shows its id.
        QCOMPARE(shown->index(1, models::EventLogModel::AccountColumn).data().toString(), u"a2"_s);
    }

    void exportToAnUnwritablePathFails() {
        Rig rig;
        QTemporaryDir dir;
        QCOMPARE(rig.panel.exportTo(dir.filePath(u"no/such/dir/x.jsonl"_s)), qint64(-1));
    }
};

QTEST_MAIN(tst_EventsPanel)
#include "tst_EventsPanel.moc"
