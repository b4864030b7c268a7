#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace sip {

struct Dialog;
class UserAgent;

/// DTMF by SIP INFO inside a call's dialog, as JsSIP sends it: one INFO per tone with
/// `Content-Type: application/dtmf-relay` and the body `Signal=<tone>\r\nDuration=<ms>\r\n`,
/// the next tone only after the previous INFO got its final answer plus the inter-tone gap.
/// A `,` in the tones is a 2000 ms pause (JsSIP's convention).
class InfoDtmfSender : public QObject {
    Q_OBJECT

public:
    static constexpr int kDurationMs = 100;     ///< Duration= of each tone, ms
    static constexpr int kInterToneGapMs = 100; ///< pause after each answered INFO, ms
    static constexpr int kCommaPauseMs = 2000;  ///< what `,` waits, ms

    /// `dialog` is called for the dialog each time an INFO leaves (the call may have ended).
    InfoDtmfSender(UserAgent& ua, std::function<Dialog*()> dialog, QObject* parent = nullptr);

    /// Queues `tones` (0-9, A-D, *, #, and `,`; lower-case a-d accepted). False, with nothing
    /// queued, when any other character is present or `tones` is empty.
    bool send(const QString& tones);
    /// Drops what is still queued (the call ended).
    void clear();
    bool isBusy() const { return m_inFlight || !m_queue.isEmpty(); }

Q_SIGNALS:
    /// One INFO answered: `ok` on 2xx; `code` its status, 0 when none came (`reason` the cause).
    void toneSent(const QString& tone, bool ok, int code, const QString& reason);

private:
    void next();

    UserAgent& m_ua;
    std::function<Dialog*()> m_dialog;
    QString m_queue;
    QTimer m_gap;
    bool m_inFlight = false;
};

} // namespace sip
