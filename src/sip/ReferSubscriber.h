#pragma once

#include <QObject>
#include <QString>

namespace sip {

struct Dialog;
class SipMessage;
class UserAgent;

/// The transferor's side of one blind transfer (RFC 3515 REFER, RFC 5589 §6.1) inside a call's
/// dialog: sends REFER with `Refer-To` and `Referred-By`, then reads the implicit
/// subscription's NOTIFYs (`Event: refer`, body `message/sipfrag` per RFC 3420) and reports
/// them with JsSIP's ReferSubscriber event names:
/// | event | when | code |
/// |---|---|---|
/// | `requestSucceeded` | 2xx to the REFER (usually 202 Accepted) | that status |
/// | `requestFailed` | non-2xx to the REFER, or no answer | its status, 0 when none |
/// | `trying` | NOTIFY with a sipfrag `100` | 100 |
/// | `progress` | NOTIFY with another 1xx sipfrag | the status |
/// | `accepted` | NOTIFY with a 2xx sipfrag: the target answered | the status |
/// | `failed` | NOTIFY with a final non-2xx sipfrag, or the subscription ends without one | the
/// status, 0 when none | After `requestFailed`, `accepted` or `failed` the subscriber is finished.
class ReferSubscriber : public QObject {
    Q_OBJECT

public:
    ReferSubscriber(UserAgent& ua, QObject* parent = nullptr);

    /// Sends REFER to `targetUri` (a sip: URI) in `dialog`. `referredBy` is our AOR.
    void refer(Dialog& dialog, const QString& targetUri, const QString& referredBy);
    /// An in-dialog NOTIFY with `Event: refer`: returns the status to answer it with (200, or
    /// 400 for a body that is not a sipfrag status line).
    int receiveNotify(const SipMessage& notify);
    bool isFinished() const { return m_finished; }
    QString target() const { return m_target; }

Q_SIGNALS:
    /// See the table above; `reason` is the SIP reason phrase (or the transport cause).
    void referEvent(const QString& event, int code, const QString& reason);

private:
    void finish(const QString& event, int code, const QString& reason);

    UserAgent& m_ua;
    QString m_target;
    bool m_finished = false;
};

} // namespace sip
