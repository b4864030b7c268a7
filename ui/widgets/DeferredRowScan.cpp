#include "ui/widgets/DeferredRowScan.h"

namespace ui {

DeferredRowScan::DeferredRowScan(int intervalMs, Scan scan, QObject* parent)
    : QObject(parent)
    , m_scan(std::move(scan)) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DeferredRowScan::run);
}

void DeferredRowScan::add(int first, int last) {
    if (last < first) {
        return;
    }
    m_first = m_first < 0 ? first : qMin(m_first, first);
    m_last = qMax(m_last, last);
    if (!m_timer.isActive()) {
        m_timer.start();
    }
}

void DeferredRowScan::cancel() {
    m_timer.stop();
    m_first = m_last = -1;
}

void DeferredRowScan::run() {
    const int first = m_first;
    const int last = m_last;
    m_first = m_last = -1;
    if (first >= 0) {
        m_scan(first, last);
    }
}

} // namespace ui
