#include "sip/Dialog.h"

#include "sip/SipMessage.h"

using namespace Qt::Literals::StringLiterals;

namespace sip {

Dialog Dialog::fromInvite(const SipMessage& invite, const QString& ourTag) {
    Dialog d;
    d.callId = invite.callId();
    d.localTag = ourTag;
    d.localHeader = invite.toHeader() + u";tag="_s + ourTag;
    d.remoteHeader = invite.fromHeader();
    d.remoteTag = invite.fromTag();
    const QList<SipContact> contacts = invite.contacts();
    d.remoteTarget = contacts.isEmpty() ? QString() : contacts.first().uri;
    d.routeSet = invite.recordRoutes();
    d.remoteCseq = invite.cseq();
    d.localCseq = 0;
    return d;
}

OutgoingRequest Dialog::ack(quint32 inviteCseq) const {
    Dialog copy = *this;
    copy.localCseq = inviteCseq - 1;
    return copy.request(u"ACK"_s);
}

OutgoingRequest Dialog::request(const QString& method) {
    OutgoingRequest r;
    r.method = method;
    r.requestUri = remoteTarget;
    r.to = remoteHeader;
    r.fromTag = localTag;
    r.from = localHeader;
    r.callId = callId;
    r.cseq = ++localCseq;
    r.timeoutMs = timeoutMs;
    for (const QString& route : routeSet) {
        r.headers.append({"Route", route.toUtf8()});
    }
    return r;
}

bool Dialog::matches(const SipMessage& request) const {
    return request.callId() == callId && request.toTag() == localTag &&
           request.fromTag() == remoteTag;
}

} // namespace sip
