#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace app {

/// Reports when a window (any of its widgets) is first painted, for the start-up benchmark
/// (tests/bench/bench_startup.cpp). Watches `window` for its first QEvent::Paint and, once the
/// event loop is back after that paint, writes one JSON line to `reportPath`:
/// `{"firstPaintNs": <CLOCK_MONOTONIC ns>, "pid": <pid>}` and removes itself.
/// The desktop app installs it only when CALLBOARD_STARTUP_REPORT names a file.
class FirstPaintProbe : public QObject {
    Q_OBJECT

public:
    FirstPaintProbe(QWidget* window, QString reportPath);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void report();

    QWidget* m_window;
    QString m_path;
    bool m_seen = false;
};

} // namespace app
