#include "ui/dialogs/StreamPreviewDialog.h"

#include "models/CallQualityText.h"
#include "ui/widgets/LevelMeter.h"
#include "ui/widgets/StatusBadge.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVideoWidget>

using namespace Qt::Literals::StringLiterals;

namespace ui {

namespace {

using Preview = services::StreamPreview;

/// The badge of the HLS path: the player state in the words of a stream status.
core::StreamStatus hlsStatus(Preview::State state) {
    switch (state) {
    case Preview::State::Idle:
        return core::StreamStatus::New;
    case Preview::State::Connecting:
        return core::StreamStatus::Pending;
    case Preview::State::Playing:
        return core::StreamStatus::Playing;
    case Preview::State::Stopped:
        return core::StreamStatus::Stopped;
    case Preview::State::Failed:
        return core::StreamStatus::Failed;
    }
    return core::StreamStatus::New;
}

} // namespace

StreamPreviewDialog::StreamPreviewDialog(services::StreamPreview* preview, bool hasVideo,
                                         QWidget* parent, bool autoStart)
    : QDialog(parent)
    , m_preview(preview)
    , m_hasVideo(hasVideo)
    , m_badge(new StatusBadge(this))
    , m_path(new QLabel(this))
    , m_audioOnly(new QLabel(this))
    , m_level(new LevelMeter(this))
    , m_qualityLabel(new QLabel(this))
    , m_error(new QLabel(this))
    , m_video(new QVideoWidget(this))
    , m_playStop(new QPushButton(this)) {
    setObjectName(u"streamPreviewDialog"_s);
    m_preview->setParent(this);
    //: %1 is the stream name
    setWindowTitle(tr("Preview of %1").arg(m_preview->name()));

    auto* name = new QLabel(m_preview->name(), this);
    QFont bold = name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    name->setFont(bold);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* header = new QHBoxLayout;
    header->addWidget(name, 1);
    header->addWidget(m_badge);

    m_path->setWordWrap(true);
    m_path->setObjectName(u"previewPath"_s);
    m_audioOnly->setWordWrap(true);
    m_audioOnly->setText(tr("Audio only preview: the video of this stream is not shown."));
    m_level->setAccessibleName(tr("Received audio level"));
    m_level->setToolTip(tr("Level of the audio received from the server"));
    auto* levelRow = new QHBoxLayout;
    auto* levelLabel = new QLabel(tr("Received audio"), this);
    levelLabel->setBuddy(m_level);
    levelRow->addWidget(levelLabel);
    levelRow->addWidget(m_level, 1);
    m_qualityLabel->setObjectName(u"previewQuality"_s);
    m_error->setWordWrap(true);
    m_error->setObjectName(u"previewError"_s);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_video->setMinimumSize(320, 180);
    m_video->setAccessibleName(tr("Stream video"));
    m_preview->setVideoOutput(m_video);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_playStop, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_playStop, &QPushButton::clicked, this, [this] {
        const Preview::State s = m_preview->state();
        if (s == Preview::State::Connecting || s == Preview::State::Playing) {
            m_preview->stop();
        } else {
            m_stats.reset();
            m_preview->start();
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_path);
    layout->addWidget(m_audioOnly);
    layout->addLayout(levelRow);
    layout->addWidget(m_qualityLabel);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(m_preview, &Preview::stateChanged, this, &StreamPreviewDialog::refresh);
    connect(m_preview, &Preview::pathChanged, this, &StreamPreviewDialog::refresh);
    connect(m_preview, &Preview::streamStatusChanged, this, &StreamPreviewDialog::refresh);
    connect(m_preview, &Preview::errorOccurred, this, &StreamPreviewDialog::refresh);
    connect(m_preview, &Preview::outputLevelChanged, m_level, &LevelMeter::setLevel);
    connect(m_preview, &Preview::statsChanged, this, &StreamPreviewDialog::onStats);
    refresh();
    if (autoStart) {
        m_preview->start();
    }
}

StreamPreviewDialog::~StreamPreviewDialog() {
    // The preview stops in its destructor (`stopStream` for the WebRTC player); it goes before
    // the video widget it renders to.
    m_preview->disconnect(this);
    m_preview->setVideoOutput(nullptr);
    delete m_preview;
}

void StreamPreviewDialog::closeEvent(QCloseEvent* event) {
    m_preview->stop();
    QDialog::closeEvent(event);
}

void StreamPreviewDialog::onStats(const media::MediaStats& stats) {
    m_stats = stats;
    refresh();
}

QString StreamPreviewDialog::receiveText() const {
    if (!m_stats) {
        return tr("Waiting for the first statistics…");
    }
    using models::CallQualityText;
    const media::MediaStats& s = *m_stats;
    QStringList parts;
    if (s.receiveBitrateKbps >= 0) {
        //: received audio bitrate
        parts << tr("↓%1 kbit/s").arg(CallQualityText::number(s.receiveBitrateKbps));
    }
    //: audio packets received so far
    parts << tr("packets %1").arg(QLocale().toString(s.packetsReceived));
    const double expected = double(s.packetsReceived) + double(qMax<qint64>(s.packetsLost, 0));
    if (expected > 0) {
        parts << tr("loss %1 %")
                     .arg(CallQualityText::number(
                         100.0 * double(qMax<qint64>(s.packetsLost, 0)) / expected, 1));
    }
    parts << tr("jitter %1 ms").arg(CallQualityText::number(s.jitterMs, 1));
    return parts.join(u" · "_s);
}

void StreamPreviewDialog::refresh() {
    const Preview::State state = m_preview->state();
    const Preview::Path path = m_preview->path();
    const bool webRtc = path == Preview::Path::WebRtc;
    const bool hls = path == Preview::Path::Hls;
    const bool active = state == Preview::State::Connecting || state == Preview::State::Playing;

    const core::StreamStatus status =
        webRtc && active && m_preview->streamStatus() != core::StreamStatus::New
            ? m_preview->streamStatus()
            : hlsStatus(state);
    m_badge->setBadge(StatusBadgeStyle::stream(status), m_preview->error());

    QString pathText;
    switch (path) {
    case Preview::Path::None:
        pathText = m_preview->pathReason();
        break;
    case Preview::Path::WebRtc:
        pathText = tr("Plays over WebRTC (audio only) from the server's media ports.");
        break;
    case Preview::Path::Hls:
        //: %1 says why WebRTC is not used
        pathText = state == Preview::State::Failed
                       ? tr("The HLS stream could not be played (WebRTC not used: %1).")
                             .arg(m_preview->hlsReason())
                       : tr("Plays the HLS stream (a few seconds behind live): %1.")
                             .arg(m_preview->hlsReason());
        break;
    }
    if (state == Preview::State::Idle) {
        pathText = tr("Not playing.");
    } else if (state == Preview::State::Stopped) {
        pathText = tr("Stopped.");
    }
    m_path->setText(pathText);
    m_path->setToolTip(hls ? m_preview->hlsUrl().toString(QUrl::RemoveUserInfo) : QString());

    m_audioOnly->setVisible(m_hasVideo && webRtc);
    m_level->setEnabled(webRtc && active);
    if (!webRtc || !active) {
        m_level->reset();
    }
    m_level->setToolTip(hls ? tr("HLS playback reports no audio level")
                            : tr("Level of the audio received from the server"));
    QString quality;
    if (webRtc && active) {
        quality = receiveText();
    } else if (hls && state == Preview::State::Playing) {
        quality = tr("HLS: %1").arg(m_preview->hlsUrl().toString(QUrl::RemoveUserInfo));
    }
    m_qualityLabel->setText(quality);
    m_qualityLabel->setVisible(!quality.isEmpty());
    const bool video = hls && m_hasVideo;
    if (video != m_video->isVisibleTo(this)) {
        m_video->setVisible(video);
        adjustSize();
    }

    const bool showError = state == Preview::State::Failed && !m_preview->error().isEmpty();
    m_error->setText(showError ? m_preview->error() : QString());
    m_error->setVisible(showError);
    m_playStop->setText(active ? tr("&Stop") : tr("&Play"));
}

QString StreamPreviewDialog::pathText() const {
    return m_path->text();
}

QString StreamPreviewDialog::errorText() const {
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString StreamPreviewDialog::qualityText() const {
    return m_qualityLabel->text();
}

QString StreamPreviewDialog::badgeText() const {
    return m_badge->text();
}

bool StreamPreviewDialog::isAudioOnlyNoteVisible() const {
    return m_audioOnly->isVisibleTo(this);
}

} // namespace ui
