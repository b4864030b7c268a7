// The Streams and Data tabs end to end: the app composition with --demo in-process (emulator,
// sessions, services, controllers, window). Copy the HLS URL, take a snapshot, open the details
// (journal history), publish with record through the dialog, copy the record URL, stop both
// streams, play by name; send JSON on the Data tab (invalid text is not sent, ACCEPTED with
// the echoed OnDataEvent, FAILED with its info); preview a stream over WebRTC and close it.
#include "AppComposition.h"

#include "emulator/EmulatorServer.h"
#include "models/DataLogModel.h"
#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "ui/dialogs/PublishDialog.h"
#include "ui/dialogs/SnapshotDialog.h"
#include "ui/dialogs/StreamDetailsDialog.h"
#include "ui/dialogs/StreamPreviewDialog.h"
#include "ui/widgets/DataPanel.h"
#include "ui/widgets/LevelMeter.h"
#include "ui/widgets/StatusBadgeStyle.h"
#include "ui/widgets/StreamsPanel.h"
#include "ui/windows/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using models::StreamTableModel;
using namespace Qt::Literals::StringLiterals;

class tst_StreamActions : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<app::AppComposition> app;

    ui::StreamsPanel* panel() const { return app->window()->streamsPanel(); }

    /// Source row of the newest stream of the demo account called `name`, -1 when none (the
    /// server's own rows, e.g. from REST API polls, do not count).
    int rowOf(const QString& name) const {
        const QAbstractItemModel* m = panel()->proxy()->sourceModel();
        for (int row = m->rowCount() - 1; row >= 0; --row) {
            const QModelIndex i = m->index(row, 0);
            if (i.data(StreamTableModel::NameRole).toString() == name &&
                i.data(StreamTableModel::AccountIdRole).toString() ==
                    app::AppComposition::demoAccountId()) {
                return row;
            }
        }
        return -1;
    }
    QString field(const QString& name, int role) const {
        const int row = rowOf(name);
        return row < 0 ? QString()
                       : panel()->proxy()->sourceModel()->index(row, 0).data(role).toString();
    }
    QString statusById(const QString& mediaSessionId) const {
        const QAbstractItemModel* m = panel()->proxy()->sourceModel();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QModelIndex i = m->index(row, 0);
            if (i.data(StreamTableModel::MediaSessionIdRole).toString() == mediaSessionId) {
                return i.data(StreamTableModel::WireStatusRole).toString();
            }
        }
        return {};
    }
    QString status(const QString& name) const {
        return field(name, StreamTableModel::WireStatusRole);
    }
    bool select(const QString& name) const {
        return panel()->selectStream(field(name, StreamTableModel::MediaSessionIdRole));
    }
    template <typename T> T* waitForDialog() const {
        T* found = nullptr;
        const auto look = [&] {
            const auto all = app->window()->findChildren<T*>();
            found = all.isEmpty() ? nullptr : all.last();
            return found != nullptr && found->isVisible();
        };
        if (!QTest::qWaitFor(look, 10000)) {
            return nullptr;
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase() {
        app::AppComposition::Options o;
        o.demo = true;
        o.tab = u"streams"_s;
        app = std::make_unique<app::AppComposition>(o);
        QSignalSpy ready(app.get(), &app::AppComposition::accountReady);
        QVERIFY(app->start());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        // the demo plays the server's background streams
        QTRY_COMPARE_WITH_TIMEOUT(status(u"lobby-cam"_s), u"PLAYING"_s, 10000);
    }
    void cleanupTestCase() { app.reset(); }

    void copyHlsUrl() {
        QVERIFY(select(u"lobby-cam"_s));
        QGuiApplication::clipboard()->clear();
        QVERIFY(panel()->copyHlsAction()->isEnabled());
        panel()->copyHlsAction()->trigger();
        const QString host = app->emulatorServer()->serverUrl().host();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 u"http://%1:8082/lobby-cam/lobby-cam.m3u8"_s.arg(host));
    }

    void snapshotShowsThePicture() {
        QVERIFY(select(u"lobby-cam"_s));
        QVERIFY(panel()->snapshotAction()->isEnabled());
        panel()->snapshotAction()->trigger();
        auto* dialog = waitForDialog<ui::SnapshotDialog>();
        QVERIFY(dialog);
        QVERIFY(!dialog->image().isNull());
        QVERIFY(dialog->windowTitle().contains(u"lobby-cam"_s));
        dialog->close();
    }

    void detailsShowFieldsAndHistory() {
        QVERIFY(select(u"lobby-cam"_s));
        panel()->detailsAction()->trigger();
        auto* dialog = waitForDialog<ui::StreamDetailsDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->fieldValue(u"name"_s), u"lobby-cam"_s);
        QCOMPARE(dialog->fieldValue(u"status"_s), u"PLAYING"_s);
        QCOMPARE(dialog->fieldValue(u"mediaSessionId"_s),
                 field(u"lobby-cam"_s, StreamTableModel::MediaSessionIdRole));
        QVERIFY(dialog->historyTable()->rowCount() >= 1);
        QVERIFY(dialog->historyTable()->item(0, 1));
        QCOMPARE(dialog->historyTable()->item(0, 1)->text(), u"PLAYING"_s);
        dialog->close();
    }

    void publishWithRecordThenCopyAndStop() {
        panel()->publishAction()->trigger();
        auto* dialog = waitForDialog<ui::PublishDialog>();
        QVERIFY(dialog);
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), u"ui-test-cam"_s);
        dialog->recordCheck()->setChecked(true);
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(u"ui-test-cam"_s), u"PUBLISHING"_s, 10000);
        QTRY_VERIFY(!field(u"ui-test-cam"_s, StreamTableModel::RecordNameRole).isEmpty());

        QVERIFY(select(u"ui-test-cam"_s));
        QTRY_VERIFY(panel()->copyRecordAction()->isEnabled());
        panel()->copyRecordAction()->trigger();
        const QString host = app->emulatorServer()->serverUrl().host();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 u"http://%1:8081/client/records/%2"_s.arg(
                     host, field(u"ui-test-cam"_s, StreamTableModel::RecordNameRole)));

        QVERIFY(panel()->stopAction()->isEnabled());
        panel()->stopAction()->trigger(); // a publisher: unPublishStream
        QTRY_COMPARE_WITH_TIMEOUT(status(u"ui-test-cam"_s), u"UNPUBLISHED"_s, 10000);
    }

    void stopAPlayerThenPlayByName() {
        QVERIFY(select(u"lobby-cam"_s));
        const QString first = field(u"lobby-cam"_s, StreamTableModel::MediaSessionIdRole);
        panel()->stopAction()->trigger(); // a player: stopStream
        QTRY_COMPARE_WITH_TIMEOUT(status(u"lobby-cam"_s), u"STOPPED"_s, 10000);
        QVERIFY(!panel()->stopAction()->isEnabled()); // ended

        panel()->playAction()->trigger();
        auto* dialog = waitForDialog<ui::PublishDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), ui::PublishDialog::Mode::Play);
        QTest::keyClicks(dialog->nameEdit(), u"lobby-cam"_s);
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            field(u"lobby-cam"_s, StreamTableModel::MediaSessionIdRole) != first, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status(u"lobby-cam"_s), u"PLAYING"_s, 10000);
    }

    /// Preview of a demo stream: WebRTC (the media engine of the app, the emulator's tone),
    /// PLAYING, a received level, the "audio only" note for a stream with video; asking again
    /// raises the same pane; closing it stops the preview's player and nothing else.
    void previewPlaysOverWebRtcAndStopsOnClose() {
        QVERIFY(select(u"parking-lot"_s));
        const QString watched = field(u"parking-lot"_s, StreamTableModel::MediaSessionIdRole);
        QVERIFY(panel()->previewAction()->isEnabled());
        panel()->previewAction()->trigger();
        auto* dialog = waitForDialog<ui::StreamPreviewDialog>();
        QVERIFY(dialog);
        services::StreamPreview* preview = dialog->preview();
        QCOMPARE(preview->name(), u"parking-lot"_s);
        QCOMPARE(preview->path(), services::StreamPreview::Path::WebRtc);
        QTRY_COMPARE_WITH_TIMEOUT(preview->state(), services::StreamPreview::State::Playing, 15000);
        QCOMPARE(dialog->badgeText(),
                 ui::StatusBadgeStyle::stream(core::StreamStatus::Playing).text);
        QVERIFY(dialog->isAudioOnlyNoteVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->levelMeter()->level() > -40.0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->qualityText().contains(u"kbit/s"_s), 10000);
        QCOMPARE(dialog->playStopButton()->text(), u"&Stop"_s);
        const QString id = preview->mediaSessionId();
        QCOMPARE(statusById(id), u"PLAYING"_s); // the preview's player is a row of its own

        QVERIFY(select(u"parking-lot"_s));
        panel()->previewAction()->trigger(); // the same pane, not a second player
        QCOMPARE(app->window()->findChildren<ui::StreamPreviewDialog*>().size(), 1);

        QTest::mouseClick(dialog->playStopButton(), Qt::LeftButton); // Stop
        QCOMPARE(preview->state(), services::StreamPreview::State::Stopped);
        QCOMPARE(dialog->pathText(), u"Stopped."_s);
        QCOMPARE(dialog->badgeText(),
                 ui::StatusBadgeStyle::stream(core::StreamStatus::Stopped).text);
        QCOMPARE(dialog->levelMeter()->level(), ui::LevelMeter::kFloorDbov);
        QTRY_COMPARE_WITH_TIMEOUT(statusById(id), u"STOPPED"_s, 10000);
        QTest::mouseClick(dialog->playStopButton(), Qt::LeftButton); // Play again: a new player
        QVERIFY(preview->mediaSessionId() != id);
        QTRY_COMPARE_WITH_TIMEOUT(preview->state(), services::StreamPreview::State::Playing, 15000);
        const QString second = preview->mediaSessionId();

        dialog->close();
        QTRY_COMPARE_WITH_TIMEOUT(statusById(second), u"STOPPED"_s, 10000);
        QCOMPARE(statusById(watched), u"PLAYING"_s);
    }

    void sendDataShowsResultsAndPushedData() {
        ui::DataPanel* data = app->window()->dataPanel();
        QVERIFY(app->window()->showTab(u"data"_s));
        models::DataLogModel* log = data->model();
        QVERIFY(log);
        QTRY_COMPARE(data->selectedAccountId(), app::AppComposition::demoAccountId());
        const int before = log->rowCount();

        data->editor()->setPlainText(u"{\"echo\": "_s);
        QTest::mouseClick(data->sendButton(), Qt::LeftButton);
        QVERIFY(!data->errorLabel()->text().isEmpty());
        QTest::qWait(200);
        QCOMPARE(log->rowCount(), before); // nothing went out

        data->editor()->setPlainText(u"{\"echo\": {\"n\": 7}}"_s);
        QTest::mouseClick(data->sendButton(), Qt::LeftButton);
        QVERIFY(data->errorLabel()->text().isEmpty());
        QCOMPARE(log->rowCount(), before + 1);
        const QString op = log->index(0, 0).data(models::DataLogModel::OperationIdRole).toString();
        const auto statusOf = [log, op] {
            for (int row = 0; row < log->rowCount(); ++row) {
                const QModelIndex i = log->index(row, 0);
                if (i.data(models::DataLogModel::OutgoingRole).toBool() &&
                    i.data(models::DataLogModel::OperationIdRole).toString() == op) {
                    return i.data(models::DataLogModel::WireStatusRole).toString();
                }
            }
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), u"ACCEPTED"_s, 10000);
        // the echo rule pushes an OnDataEvent back
        const auto echoed = [log] {
            for (int row = 0; row < log->rowCount(); ++row) {
                const QModelIndex i = log->index(row, 0);
                if (!i.data(models::DataLogModel::OutgoingRole).toBool() &&
                    i.data(models::DataLogModel::PayloadRole).toByteArray().contains("\"n\":7")) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(echoed(), 10000);

        data->editor()->setPlainText(u"{\"fail\": true}"_s);
        QTest::mouseClick(data->sendButton(), Qt::LeftButton);
        const QString failedOp =
            log->index(0, 0).data(models::DataLogModel::OperationIdRole).toString();
        QTRY_COMPARE_WITH_TIMEOUT(log->index(log->rowOfSent(data->selectedAccountId(), failedOp), 0)
                                      .data(models::DataLogModel::WireStatusRole)
                                      .toString(),
                                  u"FAILED"_s, 10000);
        QCOMPARE(log->index(log->rowOfSent(data->selectedAccountId(), failedOp), 0)
                     .data(models::DataLogModel::InfoRole)
                     .toString(),
                 u"Rejected by the demo backend"_s);
    }
};

QTEST_MAIN(tst_StreamActions)
#include "tst_StreamActions.moc"
