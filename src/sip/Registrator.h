#pragma once

#include "sip/ClientTransaction.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>

namespace sip {

class UserAgent;

/// REGISTER / un-REGISTER of one UserAgent (spec §8.4, RFC 3261 §10, RFC 5626 Contact params).
///
/// * Request-URI `sip:<sipServerIp>`, To/From the AOR, a new From tag per REGISTER, one Call-ID
///   for the UA's lifetime, CSeq from 1 (+1 per request and per authenticated retry).
/// * Headers after the standard ones: `X-Vinteo-Remote`, extraHeaders, `Expires`, `Contact`
///   with `;+sip.ice;reg-id=1;+sip.instance="<urn:uuid:...>";expires=N`.
/// * 2xx: our binding is found by `+sip.instance`+`reg-id`, else by Contact user; granted =
///   its `expires`, else `Expires`, else asked, floor 10 s. Refresh after
///   `granted/2 + random*(granted/2 - 32)` s when granted > 64 s, else `granted - 5` s.
/// * 423 with `Min-Expires` -> re-send at once with that value (floor 10 s).
/// * Only one REGISTER at a time; a second request while one is pending is dropped.
class Registrator : public QObject {
    Q_OBJECT

public:
    explicit Registrator(UserAgent& ua);

    bool isRegistered() const { return m_registered; }
    /// Expiry asked for next, in seconds (changes after a 423).
    int requestedExpires() const { return m_expires; }
    void registerNow();
    /// un-REGISTER (Expires: 0); the registered flag clears at once. Any final answer, timeout
    /// or transport error emits unregistered({response|null, cause|null}), then calls `then`.
    void unregister(std::function<void()> then = {});
    /// The socket closed: refresh timer stops; `unregistered {}` when we were registered.
    void transportClosed();

Q_SIGNALS:
    void registered(const QJsonObject& payload);         ///< `{response}`, first 2xx only
    void unregistered(const QJsonObject& payload);       ///< `{response?, cause?}` / `{}`
    void registrationFailed(const QJsonObject& payload); ///< `{response|null, cause}`

private:
    OutgoingRequest makeRegister(int expires);
    void onRegisterResult(const RequestResult& result, int asked);
    void fail(const RequestResult& result, const QString& cause);

    UserAgent& m_ua;
    QString m_callId;
    quint32 m_cseq = 0;
    int m_expires;
    bool m_registered = false;
    bool m_pending = false;
    QTimer m_refresh;
};

} // namespace sip
