#include "sip/SessionTimer.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace sip {

std::optional<SessionTimer::Value> SessionTimer::parse(const QString& header) {
    const QStringList parts = header.split(u';');
    bool ok = false;
    Value v;
    v.seconds = parts.value(0).trimmed().toInt(&ok);
    if (!ok || v.seconds <= 0) {
        return std::nullopt;
    }
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString p = parts.at(i).trimmed();
        if (p.startsWith(u"refresher="_s, Qt::CaseInsensitive)) {
            v.refresher = p.mid(10).trimmed().toLower();
            if (v.refresher != u"uac"_s && v.refresher != u"uas"_s) {
                return std::nullopt;
            }
        }
    }
    return v;
}

SessionTimer::SessionTimer(QObject* parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_weRefresh) {
            Q_EMIT refreshDue();
        } else {
            m_intervalS = 0;
            Q_EMIT expired();
        }
    });
}

void SessionTimer::start(int intervalS, bool weRefresh) {
    m_intervalS = intervalS;
    m_weRefresh = weRefresh;
    refreshed();
}

void SessionTimer::refreshed() {
    if (m_intervalS <= 0) {
        return;
    }
    // RFC 4028 §10: the refresher at half the interval; the other side waits 1.1 × (spec §8.9)
    m_timer.start(m_weRefresh ? m_intervalS * 500 : m_intervalS * 1100);
}

void SessionTimer::stop() {
    m_intervalS = 0;
    m_timer.stop();
}

} // namespace sip
