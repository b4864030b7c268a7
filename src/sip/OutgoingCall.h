#pragma once

#include "sip/ClientTransaction.h"

#include <QPointer>
#include <QString>
#include <QStringList>

namespace sip {

/// Client side of one outgoing call (RFC 3261 §13-§15) as the UserAgent tracks it: the INVITE,
/// then the dialog created by its 2xx (remote tag, remote target, route set).
struct OutgoingCall {
    QString id;             ///< the Call-ID, also the call id of the events
    OutgoingRequest invite; ///< the INVITE as last sent (CSeq after an authenticated retry)
    QPointer<ClientTransaction> inviteTransaction; ///< INVITE in flight (CANCEL reuses its branch)
    bool provisional = false;                      ///< a 1xx arrived: CANCEL is allowed (§9.1)
    bool cancelRequested = false; ///< hangUp() before any 1xx: CANCEL on the first one
    bool established = false;     ///< 2xx received and ACKed
    QString remoteTo;             ///< To header of the 2xx (with the remote tag)
    QString remoteTarget;         ///< Contact URI of the 2xx: Request-URI of ACK/BYE (§12.1.2)
    QStringList routeSet;         ///< Record-Route of the 2xx, reversed
    quint32 localCseq = 0;        ///< last CSeq used in the dialog
};

} // namespace sip
