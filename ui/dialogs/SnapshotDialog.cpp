#include "ui/dialogs/SnapshotDialog.h"

#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ui {

QImage SnapshotDialog::decode(const QByteArray& payloadJson) {
    QString text = QJsonDocument::fromJson(payloadJson).object().value("snapshot"_L1).toString();
    if (text.startsWith("data:"_L1)) {
        text = text.mid(text.indexOf(u',') + 1);
    }
    if (text.isEmpty()) {
        return {};
    }
    const auto bytes = QByteArray::fromBase64Encoding(text.toLatin1());
    if (!bytes) {
        return {};
    }
    return QImage::fromData(*bytes);
}

SnapshotDialog::SnapshotDialog(const QString& streamName, bool completed,
                               const QByteArray& payloadJson, QWidget* parent)
    : QDialog(parent)
    , m_image(completed ? decode(payloadJson) : QImage())
    , m_picture(new QLabel(this))
    , m_message(new QLabel(this)) {
    setObjectName(u"snapshotDialog"_s);
    //: %1 is the stream name
    setWindowTitle(tr("Snapshot of %1").arg(streamName));
    m_picture->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    if (!m_image.isNull()) {
        QPixmap pixmap = QPixmap::fromImage(m_image);
        if (pixmap.width() > 640 || pixmap.height() > 480) {
            pixmap = pixmap.scaled(640, 480, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        } else if (pixmap.width() < 320) {
            // Small pictures are enlarged so that they can be seen; the size text is exact.
            pixmap = pixmap.scaledToWidth(320, Qt::FastTransformation);
        }
        m_picture->setPixmap(pixmap);
        m_picture->setAccessibleName(tr("Snapshot picture"));
        //: %1 x %2 is the picture size in pixels
        m_message->setText(tr("%1 \u00d7 %2 pixels").arg(m_image.width()).arg(m_image.height()));
    } else if (completed) {
        m_picture->hide();
        m_message->setText(tr("The server sent a snapshot that is not a readable picture."));
    } else {
        m_picture->hide();
        const QString info =
            QJsonDocument::fromJson(payloadJson).object().value("info"_L1).toString();
        m_message->setText(info.isEmpty() ? tr("The snapshot failed.")
                                          : tr("The snapshot failed: %1").arg(info));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(340);
}

QString SnapshotDialog::message() const {
    return m_message->text();
}

} // namespace ui
