#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace sip {

/// RFC 4028 session timer of one call (spec §8.9; used when `sessionTimers` is on). The
/// refresher asks for a refresh (refreshDue) every half interval; the other side ends the call
/// (expired) when nothing refreshed the session for 1.1 × the interval (the spec's rule).
/// Every accepted re-INVITE / UPDATE calls refreshed().
class SessionTimer : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalS = 90; ///< Session-Expires we ask for, s (spec §8.9)

    /// `Session-Expires` value as RFC 4028 §4 writes it: delta-seconds and an optional
    /// `refresher=uac|uas`. {seconds, refresher ("" when absent)}; nullopt when malformed or 0.
    struct Value {
        int seconds = 0;
        QString refresher;
    };
    static std::optional<Value> parse(const QString& header);

    explicit SessionTimer(QObject* parent = nullptr);

    /// Starts (or restarts) with `intervalS` seconds; `weRefresh` picks the role.
    void start(int intervalS, bool weRefresh);
    /// The session was refreshed (a 2xx to a re-INVITE/UPDATE either way): the clock restarts.
    void refreshed();
    void stop();
    bool isActive() const { return m_intervalS > 0; }
    bool isRefresher() const { return m_weRefresh; }
    int intervalSeconds() const { return m_intervalS; }

Q_SIGNALS:
    /// Refresher: send a refresh (UPDATE) now.
    void refreshDue();
    /// Not the refresher: the session expired without a refresh (end it with BYE, 408).
    void expired();

private:
    QTimer m_timer;
    int m_intervalS = 0;
    bool m_weRefresh = false;
};

} // namespace sip
