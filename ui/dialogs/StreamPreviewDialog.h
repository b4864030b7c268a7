#pragma once

#include "media/MediaStats.h"
#include "services/StreamPreview.h"

#include <optional>

#include <QDialog>

class QLabel;
class QPushButton;
class QVideoWidget;

namespace ui {

class LevelMeter;
class StatusBadge;

/// The stream preview pane of the monitor (issue #7): a small non-modal window that plays one
/// stream through a services::StreamPreview (it takes ownership) and shows
///
/// * the stream name and a status badge: the WCS status of the preview's own player on the
///   WebRTC path (PENDING, PLAYING, FAILED...), the player state on the HLS path;
/// * which path plays and why, in one line ("WebRTC (audio only)", "HLS (WebRTC audio is not
///   available: ...)"), and "Audio only preview: the video of this stream is not shown" when
///   the stream has video and WebRTC plays;
/// * the received audio level (ui::LevelMeter, dBov; WebRTC only: HLS has none) and the
///   quality figures of the WebRTC player (received kbit/s, packets, loss %, jitter ms),
///   refreshed with services::MediaEngine statistics (every 2 s);
/// * the HLS video (QVideoWidget) when HLS plays a stream with video;
/// * errors (HLS 404, play FAILED) in red, never a crash;
/// * Play / Stop and Close. Closing the window stops the preview (`stopStream`) and deletes
///   it.
class StreamPreviewDialog : public QDialog {
    Q_OBJECT

public:
    /// Plays `preview` at once (start()) unless `autoStart` is false. `hasVideo`: the stream
    /// has video (from its status events), for the "audio only" note and the video area.
    StreamPreviewDialog(services::StreamPreview* preview, bool hasVideo, QWidget* parent = nullptr,
                        bool autoStart = true);
    ~StreamPreviewDialog() override;

    services::StreamPreview* preview() const { return m_preview; }
    /// The texts shown now (for tests and accessibility checks).
    QString pathText() const;
    QString errorText() const;
    QString qualityText() const;
    QString badgeText() const;
    bool isAudioOnlyNoteVisible() const;
    LevelMeter* levelMeter() const { return m_level; }
    QPushButton* playStopButton() const { return m_playStop; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void refresh();
    void onStats(const media::MediaStats& stats);
    /// "↓31 kbit/s · packets 248 · loss 0.0 % · jitter 2.3 ms" from the last statistics.
    QString receiveText() const;

    services::StreamPreview* m_preview;
    bool m_hasVideo;
    std::optional<media::MediaStats> m_stats; ///< last statistics of the WebRTC player
    StatusBadge* m_badge;
    QLabel* m_path;
    QLabel* m_audioOnly;
    LevelMeter* m_level;
    QLabel* m_qualityLabel;
    QLabel* m_error;
    QVideoWidget* m_video;
    QPushButton* m_playStop;
};

} // namespace ui
