#include "FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <ctime>

namespace app {

FirstPaintProbe::FirstPaintProbe(QWidget* window, QString reportPath)
    : QObject(window)
    , m_window(window)
    , m_path(std::move(reportPath)) {
    // Children paint themselves; the application filter sees the first paint of any widget
    // of the window, and is removed at once.
    QCoreApplication::instance()->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject* watched, QEvent* event) {
    if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType() &&
        static_cast<QWidget*>(watched)->window() == m_window) {
        m_seen = true;
        QCoreApplication::instance()->removeEventFilter(this);
        QTimer::singleShot(0, this, &FirstPaintProbe::report);
    }
    return false;
}

void FirstPaintProbe::report() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const qint64 ns = qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    QFile file(m_path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(QStringLiteral("{\"firstPaintNs\": %1, \"pid\": %2}\n")
                       .arg(ns)
                       .arg(QCoreApplication::applicationPid())
                       .toUtf8());
    }
    deleteLater();
}

} // namespace app
