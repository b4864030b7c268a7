#include "hooks/HookNames.h"

#include <QHash>

#include <array>
#include <utility>

namespace hooks {

namespace {

using K = HookKind;

// Spec §13.1 (names) and §13.2 (types). `sendDTMF`/`sendDtmf` and `submitBugReport`/
// `sendBugReport` both appear in the docs, so both spellings are accepted.
constexpr std::array<std::pair<const char16_t*, HookKind>, 39> kNames{{
    {u"connect", K::Connect},
    {u"ConnectionStatusEvent", K::Event},
    {u"RegistrationStatusEvent", K::Event},
    {u"call", K::DirectInvocation},
    {u"answer", K::DirectInvocation},
    {u"hold", K::DirectInvocation},
    {u"unhold", K::DirectInvocation},
    {u"transfer", K::DirectInvocation},
    {u"sendDTMF", K::DirectInvocation},
    {u"sendDtmf", K::DirectInvocation},
    {u"hangup", K::DirectInvocation},
    {u"CallStatusEvent", K::Event},
    {u"TransferStatusEvent", K::Event},
    {u"OnCallEvent", K::IncomingInvocation},
    {u"OnTransferEvent", K::IncomingInvocation},
    {u"publishStream", K::DirectInvocation},
    {u"unPublishStream", K::DirectInvocation},
    {u"playStream", K::DirectInvocation},
    {u"stopStream", K::DirectInvocation},
    {u"pauseStream", K::DirectInvocation},
    {u"snapshot", K::DirectInvocation},
    {u"StreamStatusEvent", K::Event},
    {u"StreamKeepAliveEvent", K::Event},
    {u"OnDataEvent", K::DirectInvocation},
    {u"DataStatusEvent", K::Event},
    {u"sessionDebug", K::DirectInvocation},
    {u"SessionDebugStatusEvent", K::Event},
    {u"submitBugReport", K::DirectInvocation},
    {u"sendBugReport", K::DirectInvocation},
    {u"BugReportStatusEvent", K::Event},
    {u"pushLogs", K::DirectInvocation},
    {u"sendMessage", K::DirectInvocation},
    {u"MessageStatusEvent", K::Event},
    {u"OnMessageEvent", K::IncomingInvocation},
    {u"playHLS", K::DirectInvocation},
    {u"playRTSP", K::DirectInvocation},
    {u"subscribe", K::DirectInvocation},
    {u"sendXcapRequest", K::DirectInvocation},
    {u"ErrorEvent", K::Event}, // whether WCS POSTs it is unknown (§13.1); accepted if it does
}};

const QHash<QString, HookKind>& table() {
    static const QHash<QString, HookKind> t = [] {
        QHash<QString, HookKind> h;
        for (const auto& [name, kind] : kNames) {
            h.insert(QString::fromUtf16(name), kind);
        }
        return h;
    }();
    return t;
}

} // namespace

HookKind HookNames::kind(QStringView name) {
    return table().value(name.toString(), HookKind::Unknown);
}

QStringList HookNames::all() {
    QStringList out;
    out.reserve(static_cast<qsizetype>(kNames.size()));
    for (const auto& entry : kNames) {
        out.append(QString::fromUtf16(entry.first));
    }
    return out;
}

} // namespace hooks
