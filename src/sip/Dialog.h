#pragma once

#include "sip/ClientTransaction.h"

#include <QString>
#include <QStringList>

namespace sip {

class SipMessage;

/// The state of one SIP dialog (RFC 3261 §12) that a call needs to send and match in-dialog
/// requests, for either side: built by the UAC from the 2xx (§12.1.2) or by the UAS from the
/// INVITE (§12.1.1).
struct Dialog {
    QString callId;
    QString localTag;     ///< our tag: From tag as UAC, the To tag we added as UAS
    QString localHeader;  ///< From value of our requests; "" = our AOR + localTag (UAC)
    QString remoteHeader; ///< To value of our requests: the peer's URI with its tag
    QString remoteTag;
    QString remoteTarget; ///< the peer's Contact URI: Request-URI of our requests
    QStringList routeSet; ///< Route headers of our requests, in order
    quint32 localCseq = 0;
    quint32 remoteCseq = 0;
    int timeoutMs = 32000; ///< Timer F of our in-dialog requests (spec §8.10)

    /// UAS side from an initial INVITE (RFC 3261 §12.1.1): Record-Route kept in order, remote
    /// target from Contact (empty when the INVITE has none), `ourTag` added to its To.
    static Dialog fromInvite(const SipMessage& invite, const QString& ourTag);
    /// The next in-dialog request (RFC 3261 §12.2.1.1): CSeq one above the last one used.
    OutgoingRequest request(const QString& method);
    /// ACK for the 2xx of the INVITE sent with CSeq `inviteCseq` (RFC 3261 §13.2.2.4): same
    /// CSeq number, new transaction, no body.
    OutgoingRequest ack(quint32 inviteCseq) const;
    /// True when `request` belongs here (Call-ID and both tags, RFC 3261 §12.2.2).
    bool matches(const SipMessage& request) const;
};

} // namespace sip
