// ui::StreamsPanel and its dialogs without a server: the account/node, status and text filters,
// sorting by every column (numbers as numbers), the actions' enabled state and signals (toolbar,
// context menu, double-click), PublishDialog validation, StreamDetailsDialog fields and
// history, SnapshotDialog decoding.
#include "support/FakeClock.h"

#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "services/StreamMonitor.h"
#include "ui/dialogs/PublishDialog.h"
#include "ui/dialogs/SnapshotDialog.h"
#include "ui/dialogs/StreamDetailsDialog.h"
#include "ui/widgets/StreamsPanel.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using models::StreamTableModel;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Spec {
    QString id, name, account, node;
    core::StreamStatus status;
    int bitrate, width, height;
    bool published;
    QString recordName;
};

// ms-1 alpha (own, acc-A), ms-2 beta (own, acc-B), ms-3 gamma (hook, node-1, FAILED),
// ms-4 delta (hook, node-2, recorded).
const QList<Spec> kStreams{
    {u"ms-1"_s,
     u"alpha"_s,
     u"acc-A"_s,
     {},
     core::StreamStatus::Publishing,
     900,
     640,
     480,
     true,
     {}},
    {u"ms-2"_s, u"beta"_s, u"acc-B"_s, {}, core::StreamStatus::Playing, 50, 1920, 1080, false, {}},
    {u"ms-3"_s, u"gamma"_s, {}, u"node-1"_s, core::StreamStatus::Failed, -1, -1, -1, true, {}},
    {u"ms-4"_s,
     u"delta"_s,
     {},
     u"node-2"_s,
     core::StreamStatus::Publishing,
     2000,
     320,
     240,
     true,
     u"delta-1.mp4"_s},
};

} // namespace

class tst_StreamsPanel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

    struct Fixture {
        explicit Fixture(std::shared_ptr<testsupport::FakeClock> c)
            : monitor(c)
            , model(&monitor, c)
            , panel(&model) {
            model.setAgeRefreshInterval(0);
            for (const Spec& s : kStreams) {
                core::StreamStatusEvent e;
                e.mediaSessionId = s.id;
                e.name = s.name;
                e.status = s.status;
                e.nodeId = s.node;
                e.published = s.published;
                e.recordName = s.recordName;
                if (s.bitrate >= 0) {
                    e.bitrate = s.bitrate;
                    e.width = s.width;
                    e.height = s.height;
                }
                monitor.apply(
                    e, s.account.isEmpty() ? services::SourceRestHook : services::SourceOwnSession,
                    s.account);
            }
            QCoreApplication::processEvents();
            model.processFrame();
            panel.setAccountNames(
                [](const QString& id) { return id == u"acc-A"_s ? u"Desk"_s : QString(); });
            panel.resize(1000, 400);
        }
        services::StreamMonitor monitor;
        StreamTableModel model;
        ui::StreamsPanel panel;

        QStringList shownIds() const {
            QStringList ids;
            const QAbstractItemModel* p = panel.table()->model();
            for (int row = 0; row < p->rowCount(); ++row) {
                ids << p->index(row, 0).data(StreamTableModel::MediaSessionIdRole).toString();
            }
            return ids;
        }
    };

private Q_SLOTS:
    // Pruning ended streams resets the model: the selected stream stays selected.
    void selectionSurvivesThePruneOfEndedStreams() {
        Fixture f(clock);
        QTableView* table = f.panel.table();
        const int row = static_cast<int>(f.shownIds().indexOf(u"ms-4"_s));
        QVERIFY(row >= 0);
        table->setCurrentIndex(table->model()->index(row, 0));
        clock->advance(60000);
        QCOMPARE(f.monitor.pruneEnded(1000), 1); // gamma (FAILED) leaves
        QCoreApplication::processEvents();
        QVERIFY(!f.shownIds().contains(u"ms-3"_s));
        QCOMPARE(table->currentIndex().data(StreamTableModel::MediaSessionIdRole).toString(),
                 u"ms-4"_s);
    }

    void sourceFilterListsAccountsAndNodes() {
        Fixture f(clock);
        QComboBox* source = f.panel.sourceCombo();
        QStringList labels;
        for (int i = 0; i < source->count(); ++i) {
            labels << source->itemText(i);
        }
        QCOMPARE(labels, (QStringList{u"All sources"_s, u"Account: Desk"_s, u"Account: acc-B"_s,
                                      u"Node: node-1"_s, u"Node: node-2"_s}));
    }

    void sourceFilterPicksUpNewAccountsAndNodes() {
        Fixture f(clock);
        core::StreamStatusEvent e;
        e.mediaSessionId = u"ms-5"_s;
        e.name = u"epsilon"_s;
        e.status = core::StreamStatus::Playing;
        f.monitor.apply(e, services::SourceOwnSession, u"acc-C"_s);
        core::StreamKeepAliveEvent ka; // a node learnt later for an existing row
        ka.mediaSessionId = u"ms-1"_s;
        ka.nodeId = u"node-0"_s;
        ka.status = core::StreamKeepAliveStatus::Publishing;
        f.monitor.applyKeepAlive(ka);
        QCoreApplication::processEvents();
        f.model.processFrame();
        QComboBox* source = f.panel.sourceCombo();
        QTRY_VERIFY(source->findData(u"a:acc-C"_s) > 0);
        QTRY_VERIFY(source->findData(u"n:node-0"_s) > 0);
        source->setCurrentIndex(source->findData(u"n:node-0"_s));
        QCOMPARE(f.shownIds(), QStringList{u"ms-1"_s});

        // a renamed account: new label, the choice and the filter stay
        source->setCurrentIndex(source->findData(u"a:acc-A"_s));
        f.panel.setAccountNames([](const QString&) { return u"Front"_s; });
        QCOMPARE(source->currentData().toString(), u"a:acc-A"_s);
        QCOMPARE(source->currentText(), u"Account: Front"_s);
        QCOMPARE(f.shownIds(), QStringList{u"ms-1"_s});
    }

    void filters_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("status"); // -1 all, -2 live only, else core::StreamStatus
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // sorted by name
        QTest::newRow("all") << QString() << -1 << QString()
                             << QStringList{u"ms-1"_s, u"ms-2"_s, u"ms-4"_s, u"ms-3"_s};
        QTest::newRow("account A") << u"a:acc-A"_s << -1 << QString() << QStringList{u"ms-1"_s};
        QTest::newRow("node 2") << u"n:node-2"_s << -1 << QString() << QStringList{u"ms-4"_s};
        QTest::newRow("failed") << QString() << int(core::StreamStatus::Failed) << QString()
                                << QStringList{u"ms-3"_s};
        QTest::newRow("live only")
            << QString() << -2 << QString() << QStringList{u"ms-1"_s, u"ms-2"_s, u"ms-4"_s};
        QTest::newRow("text") << QString() << -1 << u"ELT"_s << QStringList{u"ms-4"_s};
        QTest::newRow("account + status, none")
            << u"a:acc-B"_s << int(core::StreamStatus::Publishing) << QString() << QStringList{};
        QTest::newRow("node + text") << u"n:node-1"_s << -1 << u"gam"_s << QStringList{u"ms-3"_s};
    }
    void filters() {
        QFETCH(QString, source);
        QFETCH(int, status);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        Fixture f(clock);
        f.panel.sourceCombo()->setCurrentIndex(f.panel.sourceCombo()->findData(source));
        f.panel.statusCombo()->setCurrentIndex(f.panel.statusCombo()->findData(status));
        QTest::keyClicks(f.panel.filterEdit(), text);
        QCOMPARE(f.shownIds(), expected);
    }

    void sorting_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        QTest::newRow("name") << int(StreamTableModel::NameColumn)
                              << QStringList{u"ms-1"_s, u"ms-2"_s, u"ms-4"_s, u"ms-3"_s};
        QTest::newRow("media session") << int(StreamTableModel::MediaSessionIdColumn)
                                       << QStringList{u"ms-1"_s, u"ms-2"_s, u"ms-3"_s, u"ms-4"_s};
        // numbers as numbers: 50 < 900 < 2000 (as text "2000" would come first)
        QTest::newRow("bitrate") << int(StreamTableModel::BitrateColumn)
                                 << QStringList{u"ms-3"_s, u"ms-2"_s, u"ms-1"_s, u"ms-4"_s};
        QTest::newRow("size") << int(StreamTableModel::SizeColumn)
                              << QStringList{u"ms-3"_s, u"ms-4"_s, u"ms-1"_s, u"ms-2"_s};
    }
    void sorting() {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        Fixture f(clock);
        f.panel.table()->sortByColumn(column, Qt::AscendingOrder);
        QCOMPARE(f.shownIds(), ascending);
        f.panel.table()->sortByColumn(column, Qt::DescendingOrder);
        QStringList descending = f.shownIds();
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(descending, ascending);
    }

    void everyColumnSortsByItsSortRole() {
        Fixture f(clock);
        for (int column = 0; column < StreamTableModel::ColumnCount; ++column) {
            f.panel.table()->sortByColumn(column, Qt::AscendingOrder);
            const QAbstractItemModel* p = f.panel.table()->model();
            for (int row = 1; row < p->rowCount(); ++row) {
                const QVariant a = p->index(row - 1, column).data(StreamTableModel::SortRole);
                const QVariant b = p->index(row, column).data(StreamTableModel::SortRole);
                QVERIFY2(QVariant::compare(a, b) != QPartialOrdering::Greater,
                         qPrintable(u"column %1 row %2"_s.arg(column).arg(row)));
            }
        }
    }

    void actionsFollowTheSelection_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("stop");
        QTest::addColumn<bool>("snapshot");
        QTest::addColumn<bool>("record");
        QTest::newRow("own live publisher") << u"ms-1"_s << true << true << false;
        QTest::newRow("own live player") << u"ms-2"_s << true << true << false;
        QTest::newRow("server-wide failed") << u"ms-3"_s << false << false << false;
        QTest::newRow("server-wide recorded") << u"ms-4"_s << false << true << true;
    }
    void actionsFollowTheSelection() {
        QFETCH(QString, id);
        QFETCH(bool, stop);
        QFETCH(bool, snapshot);
        QFETCH(bool, record);
        Fixture f(clock);
        QVERIFY(!f.panel.stopAction()->isEnabled()); // nothing selected
        QVERIFY(!f.panel.detailsAction()->isEnabled());
        QVERIFY(f.panel.publishAction()->isEnabled());
        QVERIFY(f.panel.selectStream(id));
        QCOMPARE(f.panel.selectedMediaSessionId(), id);
        QCOMPARE(f.panel.stopAction()->isEnabled(), stop);
        QCOMPARE(f.panel.snapshotAction()->isEnabled(), snapshot);
        QCOMPARE(f.panel.copyRecordAction()->isEnabled(), record);
        QVERIFY(f.panel.copyHlsAction()->isEnabled());
        QVERIFY(f.panel.detailsAction()->isEnabled());

        QSignalSpy stopSpy(&f.panel, &ui::StreamsPanel::stopRequested);
        QSignalSpy hls(&f.panel, &ui::StreamsPanel::copyHlsUrlRequested);
        QSignalSpy details(&f.panel, &ui::StreamsPanel::detailsRequested);
        if (stop) {
            f.panel.stopAction()->trigger();
            QCOMPARE(stopSpy.size(), 1);
            QCOMPARE(stopSpy[0][0].toString(), id);
        }
        f.panel.copyHlsAction()->trigger();
        f.panel.detailsAction()->trigger();
        QCOMPARE(hls.size(), 1);
        QCOMPARE(hls[0][0].toString(), id);
        QCOMPARE(details[0][0].toString(), id);
    }

    void contextMenuOffersTheActionsOfTheClickedRow() {
        Fixture f(clock);
        f.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QTableView* table = f.panel.table();
        const int row = f.shownIds().indexOf(u"ms-2"_s);
        const QPoint pos = table->visualRect(table->model()->index(row, 0)).center();
        QSignalSpy snapshot(&f.panel, &ui::StreamsPanel::snapshotRequested);
        QStringList texts;
        QTimer::singleShot(50, this, [&texts] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            for (QAction* a : menu->actions()) {
                if (!a->isSeparator()) {
                    texts << a->text();
                }
            }
            for (QAction* a : menu->actions()) {
                if (a->text().contains(u"Snaps"_s)) {
                    menu->setActiveAction(a);
                }
            }
            QTest::keyClick(menu, Qt::Key_Return);
        });
        Q_EMIT table->customContextMenuRequested(pos);
        QCOMPARE(texts.size(), 8);
        QVERIFY(texts.contains(u"Pre&view"_s));
        QCOMPARE(f.panel.selectedMediaSessionId(), u"ms-2"_s);
        QCOMPARE(snapshot.size(), 1);
        QCOMPARE(snapshot[0][0].toString(), u"ms-2"_s);
    }

    void doubleClickAsksForDetails() {
        Fixture f(clock);
        f.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QTableView* table = f.panel.table();
        QSignalSpy details(&f.panel, &ui::StreamsPanel::detailsRequested);
        const int row = f.shownIds().indexOf(u"ms-4"_s);
        const QPoint pos = table->visualRect(table->model()->index(row, 0)).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, pos);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(details.size(), 1);
        QCOMPARE(details[0][0].toString(), u"ms-4"_s);
    }

    void staleMarkerIsShown() {
        Fixture f(clock);
        core::StreamKeepAliveEvent ka;
        ka.mediaSessionId = u"ms-4"_s;
        ka.status = core::StreamKeepAliveStatus::Publishing;
        f.monitor.applyKeepAlive(ka);
        clock->advance(40000);
        f.monitor.checkStale();
        QCoreApplication::processEvents();
        f.model.processFrame();
        const QAbstractItemModel* p = f.panel.table()->model();
        const int row = f.shownIds().indexOf(u"ms-4"_s);
        QCOMPARE(p->index(row, StreamTableModel::KeepAliveColumn).data().toString(),
                 u"40 s, stale"_s);
    }

    void publishDialogValidatesTheName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"desk-cam"_s << true;
        QTest::newRow("trimmed") << u"  desk cam  "_s << true;
        QTest::newRow("cyrillic") << u"\u043a\u0430\u043c\u0435\u0440\u0430"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("blank") << u"   "_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("question") << u"a?b"_s << false;
        QTest::newRow("hash") << u"a#b"_s << false;
        QTest::newRow("percent") << u"50%"_s << false;
        QTest::newRow("control") << u"a\tb"_s << false;
        QTest::newRow("too long") << QString(257, u'x') << false;
        QTest::newRow("longest") << QString(256, u'x') << true;
    }
    void publishDialogValidatesTheName() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        ui::PublishDialog d(ui::PublishDialog::Mode::Publish, {{u"acc-A"_s, u"Desk"_s}});
        d.nameEdit()->setText(name);
        QPushButton* ok = d.buttons()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->isEnabled(), valid);
        if (!name.isEmpty()) { // an untouched empty field only disables OK, without a message
            QCOMPARE(d.errorLabel()->text().isEmpty(), valid);
        }
        QCOMPARE(d.validationError().isEmpty(), valid);
        if (valid) {
            QCOMPARE(d.streamName(), name.trimmed());
            QCOMPARE(d.accountId(), u"acc-A"_s);
        }
    }

    void publishDialogNeedsMediaAndAnAccount() {
        ui::PublishDialog d(ui::PublishDialog::Mode::Publish, {{u"acc-A"_s, u"Desk"_s}});
        d.nameEdit()->setText(u"cam"_s);
        d.recordCheck()->setChecked(true);
        QVERIFY(d.record());
        d.audioCheck()->setChecked(false);
        QVERIFY(d.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        d.videoCheck()->setChecked(false);
        QVERIFY(!d.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!d.errorLabel()->text().isEmpty());

        ui::PublishDialog none(ui::PublishDialog::Mode::Play, {});
        none.nameEdit()->setText(u"cam"_s);
        QVERIFY(!none.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!none.record()); // play never records
        QVERIFY(none.recordCheck()->isHidden());
    }

    void detailsShowTheLastEventAndItsHistory() {
        services::StreamRecord r;
        r.mediaSessionId = u"ms-9"_s;
        r.name = u"cam"_s;
        services::JournalEntry older;
        older.timestampMs = 1700000000000LL;
        older.type = u"StreamStatusEvent"_s;
        older.objectId = u"ms-9"_s;
        older.status = u"PENDING"_s;
        older.json = R"({"type":"StreamStatusEvent","mediaSessionId":"ms-9","name":"cam",)"
                     R"("status":"PENDING","info":""})";
        services::JournalEntry newer = older;
        newer.timestampMs += 2000;
        newer.status = u"PLAYING"_s;
        newer.json = R"({"type":"StreamStatusEvent","mediaSessionId":"ms-9","name":"cam",)"
                     R"("status":"PLAYING","info":"","published":false,"width":640,)"
                     R"("audioState":{"muted":false},"mediaProvider":"WebRTC"})";
        ui::StreamDetailsDialog d(r, {newer, older});
        QCOMPARE(d.fieldValue(u"status"_s), u"PLAYING"_s);
        QCOMPARE(d.fieldValue(u"width"_s), u"640"_s);
        QCOMPARE(d.fieldValue(u"published"_s), u"false"_s);
        QCOMPARE(d.fieldValue(u"audioState"_s), u"{\"muted\":false}"_s);
        QCOMPARE(d.fieldValue(u"mediaProvider"_s), u"WebRTC"_s);
        QCOMPARE(d.fieldsTable()->item(0, 0)->text(), u"mediaSessionId"_s);
        QCOMPARE(d.fieldValue(u"type"_s), QString()); // the journal's own key is not a field
        QCOMPARE(d.historyTable()->rowCount(), 2);
        QCOMPARE(d.historyTable()->item(0, 1)->text(), u"PLAYING"_s);
        QCOMPARE(d.historyTable()->item(1, 1)->text(), u"PENDING"_s);

        // without a journal: what the monitor knows
        r.status = core::StreamStatus::Failed;
        r.info = u"Failed by ICE timeout"_s;
        r.bitrate = 700;
        ui::StreamDetailsDialog fallback(r, {});
        QCOMPARE(fallback.fieldValue(u"status"_s), u"FAILED"_s);
        QCOMPARE(fallback.fieldValue(u"info"_s), u"Failed by ICE timeout"_s);
        QCOMPARE(fallback.fieldValue(u"bitrate"_s), u"700"_s);
        QCOMPARE(fallback.fieldValue(u"width"_s), QString());
    }

    void snapshotDialogShowsThePictureOrTheReason() {
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        const QByteArray payload = "{\"snapshot\":\"" + png.toBase64() + "\"}";
        ui::SnapshotDialog ok(u"cam"_s, true, payload);
        QCOMPARE(ok.image().size(), QSize(32, 24));
        QCOMPARE(ok.image().pixelColor(1, 1), QColor(Qt::red));

        ui::SnapshotDialog failed(u"cam"_s, false, R"({"info":"Stream not found"})");
        QVERIFY(failed.image().isNull());
        QVERIFY(failed.message().contains(u"Stream not found"_s));

        ui::SnapshotDialog garbage(u"cam"_s, true, R"({"snapshot":"!!!"})");
        QVERIFY(garbage.image().isNull());
        QVERIFY(!garbage.message().isEmpty());
    }
};

QTEST_MAIN(tst_StreamsPanel)
#include "tst_StreamsPanel.moc"
