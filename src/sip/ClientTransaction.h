#pragma once

#include "sip/SipMessage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

namespace sip {

/// What a UA-originated request carries besides the headers every request gets (spec §8.3).
struct OutgoingRequest {
    QString method;
    QString requestUri;
    QString to; ///< full To value, e.g. `<sip:bob@sip.test>`
    QString fromTag;
    /// Whole From value (with its tag) for requests of a dialog we answered (RFC 3261
    /// §12.2.1.1); "" = `"<display>" <AOR>;tag=<fromTag>`.
    QString from;
    QString callId;
    quint32 cseq = 1;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< after CSeq/Authorization, in order
    QByteArray body;
    QString contentType; ///< written when non-empty
    QString supported = QStringLiteral("outbound");
    int timeoutMs = 32000; ///< Timer F (non-INVITE) / Timer B (INVITE), spec §8.10
    /// Via branch of the first attempt; empty = random. CANCEL reuses the INVITE's (§9.1).
    QString branch;
};

/// Outcome of a client transaction: a final response (any class), or none plus the cause
/// "Request Timeout" (timer fired) / "Connection Error" (socket closed). `cseq` is the CSeq of
/// the last copy sent (an authenticated retry uses CSeq + 1, spec §8.5).
struct RequestResult {
    std::optional<SipMessage> response;
    QString cause; ///< "" when a response arrived
    quint32 cseq = 0;
    bool succeeded() const { return response && response->statusCode() / 100 == 2; }
};

/// One client transaction over a reliable transport (RFC 3261 §17.1, spec §8.10): no
/// retransmission timers (RFC 3261 §17.1.1.2 / §17.1.2.2 leave A/E unused over TCP-like
/// transports); Timer B/F bounds the wait for a final response. Digest retry state lives here
/// too: one retry per request, a second challenge only when it is `stale=true` (§8.5).
class ClientTransaction : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const RequestResult&)>;

    ClientTransaction(OutgoingRequest request, Callback callback, QObject* parent = nullptr);

    OutgoingRequest& request() { return m_request; }
    const OutgoingRequest& request() const { return m_request; }
    QString branch() const { return m_branch; }
    /// Starts a new attempt: fresh branch, timer (re)started. Returns the branch.
    QString restart();
    /// Stops the timer for an INVITE that got a provisional response (Timer B only runs
    /// until the first response).
    void provisionalReceived();
    /// Delivers the result once; later calls are ignored.
    void finish(const RequestResult& result);

    int authAttempts = 0; ///< authenticated retries sent so far
    /// Called for every provisional response (101-199) of an INVITE.
    std::function<void(const SipMessage&)> onProvisional;
    bool staleSeen = false;

Q_SIGNALS:
    void timedOut();

private:
    OutgoingRequest m_request;
    Callback m_callback;
    QString m_branch;
    QTimer m_timer;
    bool m_done = false;
};

} // namespace sip
