// ui::StreamPreviewDialog (offscreen): the pane's states without a server. Not started (Play
// button, "Not playing"), nothing to play (no account, no HLS address: Failed with the reason),
// an HLS address that cannot be reached (HLS path with its reason, then Failed with the player's
// error in red), Play again after a failure, and closing deletes the preview. The WebRTC states
// (PLAYING, level, quality, audio-only note, stop on close) are in tst_StreamActions, with the
// demo server.
#include "services/StreamPreview.h"
#include "ui/dialogs/StreamPreviewDialog.h"
#include "ui/widgets/LevelMeter.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QPointer>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Preview = services::StreamPreview;

namespace {

QString badge(core::StreamStatus status) {
    return ui::StatusBadgeStyle::stream(status).text;
}

/// An HTTP address nobody listens on (a port that was free a moment ago).
QUrl deadUrl() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1/cam/cam.m3u8"_s.arg(port));
}

} // namespace

class tst_StreamPreviewDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void notStartedShowsPlay() {
        auto* preview = new Preview(u"cam"_s, deadUrl());
        ui::StreamPreviewDialog dialog(preview, true, nullptr, false);
        dialog.show();
        QCOMPARE(preview->parent(), &dialog);
        QCOMPARE(dialog.windowTitle(), u"Preview of cam"_s);
        QCOMPARE(dialog.pathText(), u"Not playing."_s);
        QCOMPARE(dialog.playStopButton()->text(), u"&Play"_s);
        QCOMPARE(dialog.badgeText(), badge(core::StreamStatus::New));
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(!dialog.isAudioOnlyNoteVisible());
        QVERIFY(!dialog.levelMeter()->isEnabled());
    }

    void nothingToPlayShowsTheReason() {
        auto* preview = new Preview(u"cam"_s, QUrl());
        ui::StreamPreviewDialog dialog(preview, false);
        dialog.show();
        QCOMPARE(preview->state(), Preview::State::Failed);
        QCOMPARE(dialog.badgeText(), badge(core::StreamStatus::Failed));
        QVERIFY2(dialog.pathText().contains(u"no WCS account is connected"_s),
                 qPrintable(dialog.pathText()));
        QCOMPARE(dialog.errorText(), u"No HLS address is known for cam."_s);
        QCOMPARE(dialog.playStopButton()->text(), u"&Play"_s);
    }

    /// HLS from an address that refuses connections: the HLS line says why WebRTC is not used,
    /// the badge goes PENDING -> FAILED, the error shows, the meter stays off (HLS has no
    /// level), and Play tries again.
    void unreachableHlsShowsTheErrorAndCanRetry() {
        auto* preview = new Preview(u"cam"_s, deadUrl());
        preview->setHlsAudioEnabled(false);
        ui::StreamPreviewDialog dialog(preview, true);
        dialog.show();
        QCOMPARE(preview->path(), Preview::Path::Hls);
        QVERIFY2(dialog.pathText().startsWith(u"Plays the HLS stream"_s),
                 qPrintable(dialog.pathText()));
        QVERIFY(dialog.pathText().contains(u"no WCS account is connected"_s));
        QVERIFY(!dialog.isAudioOnlyNoteVisible()); // HLS shows the video
        QVERIFY(!dialog.levelMeter()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(preview->state(), Preview::State::Failed, 15000);
        QCOMPARE(dialog.badgeText(), badge(core::StreamStatus::Failed));
        QVERIFY2(dialog.pathText().startsWith(u"The HLS stream could not be played"_s),
                 qPrintable(dialog.pathText()));
        QVERIFY(!dialog.errorText().isEmpty());
        QCOMPARE(dialog.errorText(), preview->error());
        qInfo("shown: %s", qPrintable(dialog.errorText()));
        QCOMPARE(dialog.playStopButton()->text(), u"&Play"_s);

        QTest::mouseClick(dialog.playStopButton(), Qt::LeftButton); // retry
        QVERIFY2(preview->state() == Preview::State::Connecting ||
                     preview->state() == Preview::State::Failed,
                 qPrintable(QString::number(int(preview->state()))));
        QTRY_COMPARE_WITH_TIMEOUT(preview->state(), Preview::State::Failed, 15000);
        QVERIFY(!dialog.errorText().isEmpty());
    }

    void closingDeletesThePreview() {
        auto* dialog = new ui::StreamPreviewDialog(new Preview(u"cam"_s, QUrl()), false);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<Preview> preview = dialog->preview();
        dialog->show();
        dialog->close();
        QTRY_VERIFY(preview.isNull());
    }
};

QTEST_MAIN(tst_StreamPreviewDialog)
#include "tst_StreamPreviewDialog.moc"
