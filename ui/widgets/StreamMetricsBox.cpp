#include "ui/widgets/StreamMetricsBox.h"

#include <QFormLayout>
#include <QLabel>

namespace ui {

namespace {

QString kbps(const QJsonObject& m, QLatin1String key) {
    return m.contains(key) ? QString::number(qRound64(m.value(key).toDouble() / 1000.0))
                           : QStringLiteral("–");
}

QString number(const QJsonObject& m, QLatin1String key) {
    return m.contains(key) ? QString::number(m.value(key).toInteger()) : QStringLiteral("–");
}

} // namespace

StreamMetricsBox::StreamMetricsBox(QWidget* parent)
    : QGroupBox(tr("Selected stream"), parent) {
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString names[FieldCount] = {tr("Stream:"), tr("Keep-alive:"), tr("Video:"),
                                       tr("Audio:"),  tr("NACK/lost:"),  QString()};
    for (int i = 0; i < FieldCount; ++i) {
        m_values[i] = new QLabel(this);
        m_values[i]->setWordWrap(true);
        m_values[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (names[i].isEmpty()) {
            form->addRow(m_values[i]);
        } else {
            form->addRow(names[i], m_values[i]);
        }
    }
    clear();
}

void StreamMetricsBox::clear() {
    for (QLabel* l : m_values) {
        l->clear();
    }
    m_values[Stream]->setText(tr("Select a stream"));
}

void StreamMetricsBox::setStream(const QString& name, const QString& nodeId, qint64 keepAliveAgeMs,
                                 bool stale) {
    m_values[Stream]->setText(nodeId.isEmpty() ? name : tr("%1 on %2").arg(name, nodeId));
    QString ka = keepAliveAgeMs < 0 ? tr("none yet") : tr("%1 s ago").arg(keepAliveAgeMs / 1000);
    if (stale) {
        ka = tr("%1 – STALE").arg(ka);
    }
    m_values[KeepAlive]->setText(ka);
    m_values[KeepAlive]->setStyleSheet(stale ? QStringLiteral("color:#b3261e;font-weight:bold")
                                             : QString());
}

void StreamMetricsBox::setMetrics(const QJsonObject& m) {
    if (m.isEmpty()) {
        m_values[Video]->setText(QStringLiteral("–"));
        m_values[Audio]->setText(QStringLiteral("–"));
        m_values[Loss]->setText(QStringLiteral("–"));
        return;
    }
    using L = QLatin1String;
    m_values[Video]->setText(tr("%1 kbit/s, %2 fps, %3×%4")
                                 .arg(kbps(m, L("VIDEO_RATE")), number(m, L("VIDEO_FPS")),
                                      number(m, L("VIDEO_WIDTH")), number(m, L("VIDEO_HEIGHT"))));
    m_values[Audio]->setText(tr("%1 kbit/s").arg(kbps(m, L("AUDIO_RATE"))));
    m_values[Loss]->setText(tr("NACK %1, lost video %2, audio %3")
                                .arg(number(m, L("VIDEO_NACK")), number(m, L("VIDEO_LOST")),
                                     number(m, L("AUDIO_LOST"))));
}

void StreamMetricsBox::setNote(const QString& note) {
    m_values[Note]->setText(note);
}

} // namespace ui
