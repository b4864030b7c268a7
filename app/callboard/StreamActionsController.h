#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

namespace services {
struct StreamRecord;
}
namespace ui {
class MainWindow;
class SnapshotDialog;
class StreamDetailsDialog;
class StreamPreviewDialog;
class StreamsPanel;
} // namespace ui

namespace app {

class AppServices;

/// Wires the stream monitor's actions (ui::StreamsPanel) to the sessions of the connected
/// accounts (services::AccountConnector::session()):
///
/// * Publish… / Play… open ui::PublishDialog, then `publishStream` / `playStream` (spec §5.2);
/// * Stop sends `unPublishStream` for a publisher and `stopStream` for a player, through the
///   session of the account that owns the stream (server-wide streams cannot be stopped here);
/// * Snapshot sends `snapshot` and shows the notifyStreamEvent snapshotCompleted/snapshotFailed
///   answer in a ui::SnapshotDialog (no answer within snapshotTimeoutMs(): status bar message);
/// * Copy HLS URL / Copy record URL put services::StreamUrls of the account's server on the
///   clipboard;
/// * Details opens ui::StreamDetailsDialog with the stream's StreamStatusEvent journal entries
///   (services::History::journal()).
/// * Preview opens a ui::StreamPreviewDialog on a services::StreamPreview: WebRTC audio through
///   the account that owns the stream (else the first connected WCS account) with the app's
///   services::MediaEngine, the HLS playlist of that account's server as the fallback. One pane
///   per stream name: asking again raises the open one.
/// * Publish goes through services::WcsBinding: with the media engine, a real sendonly offer
///   from the microphone (audio only).
///
/// Every refusal and error is a status bar message; nothing here blocks or throws.
class StreamActionsController : public QObject {
    Q_OBJECT

public:
    /// `services` and `window` must outlive the controller.
    StreamActionsController(AppServices& services, ui::MainWindow* window,
                            QObject* parent = nullptr);

    /// Publishes `name` from `accountId`; the mediaSessionId, empty when refused.
    QString publish(const QString& accountId, const QString& name, bool audio, bool video,
                    bool record);
    /// Plays `name` through `accountId`; the mediaSessionId, empty when refused.
    QString play(const QString& accountId, const QString& name);
    /// Unpublishes or stops stream `mediaSessionId`; false (message shown) when it cannot.
    bool stop(const QString& mediaSessionId);
    /// Asks for a snapshot of stream `mediaSessionId`; the snapshot's own mediaSessionId,
    /// empty when refused. The result opens a SnapshotDialog (snapshotShown()).
    QString snapshot(const QString& mediaSessionId);
    /// Copies the HLS / record URL of the stream; the text copied, empty when none.
    QString copyHlsUrl(const QString& mediaSessionId);
    QString copyRecordUrl(const QString& mediaSessionId);
    /// Opens the details of the stream (non-modal); nullptr when the stream is unknown.
    ui::StreamDetailsDialog* showDetails(const QString& mediaSessionId);
    /// Opens (or raises) the preview pane of the stream's name and starts playing; nullptr
    /// when the stream is unknown or has no name.
    ui::StreamPreviewDialog* preview(const QString& mediaSessionId);

    /// (id, name) of the connected WCS accounts (those with a wcs::Session).
    QList<QPair<QString, QString>> connectedAccounts() const;

    void setSnapshotTimeoutMs(int ms) { m_snapshotTimeoutMs = ms; }
    int snapshotTimeoutMs() const { return m_snapshotTimeoutMs; }

Q_SIGNALS:
    /// A snapshot answer arrived and its dialog is shown.
    void snapshotShown(ui::SnapshotDialog* dialog);

private:
    void askPublish(bool publishing);
    const services::StreamRecord* record(const QString& mediaSessionId);
    /// The account that owns the stream (when connected), else the first connected WCS account.
    QString accountFor(const services::StreamRecord& r) const;
    QString accountName(const QString& id) const;
    void showMessage(const QString& text);

    AppServices& m_services;
    QPointer<ui::MainWindow> m_window;
    ui::StreamsPanel* m_panel;
    int m_snapshotTimeoutMs = 15000;
    QHash<QString, QPointer<ui::StreamPreviewDialog>> m_previews; ///< by stream name
};

} // namespace app
