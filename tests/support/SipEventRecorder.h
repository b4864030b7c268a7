#pragma once

#include "sip/ConnectionManager.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTest>

namespace testsupport {

/// Records every `connection:*` event of a sip::ConnectionManager with the state the manager
/// was in when the event was emitted and the elapsed time (ms) since construction.
class SipEventRecorder : public QObject {
public:
    struct Entry {
        QString name; ///< bare name, e.g. "connect-started"
        QJsonObject payload;
        QString state;
        qint64 atMs = 0;
    };

    explicit SipEventRecorder(sip::ConnectionManager& manager)
        : m_manager(manager) {
        m_clock.start();
        connect(&manager, &sip::ConnectionManager::eventOccurred, this,
                [this](sip::ConnectionEvent e, const QJsonObject& p) {
                    m_entries.append(
                        {sip::toWire(e), p, m_manager.connectionState(), m_clock.elapsed()});
                });
        connect(&manager, &sip::ConnectionManager::stateChanged, this,
                [this](auto) { m_states.append(m_manager.connectionState()); });
    }

    const QList<Entry>& entries() const { return m_entries; }
    QStringList names() const {
        QStringList out;
        for (const Entry& e : m_entries) {
            out.append(e.name);
        }
        return out;
    }
    QStringList states() const { return m_states; }
    void clear() {
        m_entries.clear();
        m_states.clear();
    }
    /// Index of the `n`-th (0-based) event called `name` from `from` on, -1 when absent.
    int indexOf(const QString& name, int from = 0) const {
        for (int i = from; i < m_entries.size(); ++i) {
            if (m_entries.at(i).name == name) {
                return i;
            }
        }
        return -1;
    }
    /// Spins the event loop until an event `name` exists at or after `from`; returns its index.
    int waitFor(const QString& name, int timeoutMs, int from = 0) {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            const int i = indexOf(name, from);
            if (i >= 0) {
                return i;
            }
            if (deadline.hasExpired()) {
                return -1;
            }
            QTest::qWait(10);
        }
    }
    /// Spins the event loop for `ms` milliseconds.
    static void spin(int ms) {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            QTest::qWait(10);
        }
    }

private:
    sip::ConnectionManager& m_manager;
    QElapsedTimer m_clock;
    QList<Entry> m_entries;
    QStringList m_states;
};

} // namespace testsupport
