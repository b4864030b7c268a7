#pragma once

#include <QDialog>
#include <QImage>

class QLabel;

namespace ui {

/// Shows the result of a `snapshot` (spec §6.3): the PNG of a snapshotCompleted event, or the
/// reason of a snapshotFailed one.
class SnapshotDialog : public QDialog {
    Q_OBJECT

public:
    /// `streamName` titles the dialog; `payloadJson` is the notifyStreamEvent payload
    /// ({"snapshot":"<base64 PNG>"} or {"info":"..."}); `completed` tells which.
    SnapshotDialog(const QString& streamName, bool completed, const QByteArray& payloadJson,
                   QWidget* parent = nullptr);

    /// The decoded picture, null when there is none (failure, or undecodable data).
    QImage image() const { return m_image; }
    /// The text shown instead of / under the picture.
    QString message() const;

    /// Decodes `snapshot` of `payloadJson` (base64, optionally a data: URL). Null on failure.
    static QImage decode(const QByteArray& payloadJson);

private:
    QImage m_image;
    QLabel* m_picture;
    QLabel* m_message;
};

} // namespace ui
