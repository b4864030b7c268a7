#include "emulator/SipReason.h"

#include <array>
#include <utility>

namespace emulator {

namespace {

constexpr std::array<std::pair<int, const char*>, 28> kPhrases{{
    {100, "Trying"},
    {180, "Ringing"},
    {183, "Session Progress"},
    {200, "OK"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {410, "Gone"},
    {415, "Unsupported Media Type"},
    {480, "Temporarily Unavailable"},
    {481, "Call/Transaction Does Not Exist"},
    {484, "Address Incomplete"},
    {486, "Busy Here"},
    {487, "Request Terminated"},
    {488, "Not Acceptable Here"},
    {500, "Server Internal Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Server Time-out"},
    {600, "Busy Everywhere"},
    {603, "Decline"},
    {604, "Does Not Exist Anywhere"},
}};

} // namespace

QString SipReason::phrase(int code) {
    for (const auto& [c, text] : kPhrases) {
        if (c == code) {
            return QString::fromLatin1(text);
        }
    }
    return QStringLiteral("Unknown");
}

QString SipReason::failureInfo(int code) {
    return QStringLiteral("SIP %1 %2").arg(code).arg(phrase(code).toUpper());
}

QString SipReason::info(int code) {
    return QStringLiteral("SIP %1 %2").arg(code).arg(phrase(code));
}

} // namespace emulator
