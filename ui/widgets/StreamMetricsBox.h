#pragma once

#include <QGroupBox>
#include <QJsonObject>

class QLabel;

namespace ui {

/// The selected stream of the Servers tab: its name and node, keep-alive age with the stale
/// marker, and the `metrics` of WCS REST API `/stream/find` (spec §14.2: VIDEO_RATE and
/// AUDIO_RATE in bit/s, VIDEO_FPS, VIDEO_WIDTH/HEIGHT in pixels, VIDEO_NACK, VIDEO_LOST,
/// AUDIO_LOST packet counts). Display only.
class StreamMetricsBox : public QGroupBox {
    Q_OBJECT

public:
    enum Field { Stream, KeepAlive, Video, Audio, Loss, Note, FieldCount };

    explicit StreamMetricsBox(QWidget* parent = nullptr);

    /// No stream selected.
    void clear();
    /// The selected stream; `keepAliveAgeMs` -1 = no keep-alive yet.
    void setStream(const QString& name, const QString& nodeId, qint64 keepAliveAgeMs, bool stale);
    /// Metrics of the selected stream; empty = none received (yet).
    void setMetrics(const QJsonObject& metrics);
    /// Why there are no metrics (e.g. no REST API configured for the stream's node).
    void setNote(const QString& note);

    QLabel* label(Field field) const { return m_values[field]; }

private:
    QLabel* m_values[FieldCount] = {};
};

} // namespace ui
