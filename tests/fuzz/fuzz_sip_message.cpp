// libFuzzer target for the SIP message path of src/sip: SipMessage::parse (libosip2), every
// accessor, the JSON payload, response building, digest challenge parsing and log redaction.
// Built only with -DCALLBOARD_BUILD_FUZZ=ON and clang; run it with
// tests/fuzz/run-fuzz.sh fuzz_sip_message <seconds>.

#include "sip/DigestChallenge.h"
#include "sip/SipMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

#define require(condition) requireImpl((condition), #condition, __LINE__)

void requireImpl(bool condition, const char* what, int line) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_sip_message.cpp:%d: invariant failed: %s\n", line, what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // Redaction never grows a secret back and never crashes, whatever the bytes.
    const QByteArray redacted = sip::SipMessage::redacted(input);
    require(!redacted.contains("response=\"0123456789abcdef0123456789abcdef\""));

    QString error;
    const auto msg = sip::SipMessage::parse(input, &error);
    if (!msg) {
        require(!error.isEmpty());
        return 0;
    }
    qsizetype sum = msg->method().size() + msg->requestUri().size() + msg->callId().size() +
                    msg->fromUri().size() + msg->fromTag().size() + msg->toUri().size() +
                    msg->toTag().size() + msg->topViaBranch().size() + msg->contentType().size() +
                    msg->body().size() + msg->header("event").size() + msg->reasonPhrase().size() +
                    msg->requestUriUser().size();
    for (const sip::SipContact& c : msg->contacts()) {
        sum += c.uri.size() + c.user.size() + c.params.size();
    }
    sum += msg->toJson().size();
    if (msg->isRequest()) {
        require(msg->statusCode() == 0);
        const QByteArray resp =
            msg->makeResponse(400, QStringLiteral("Bad Request"), QStringLiteral("fuzztag"));
        if (!resp.isEmpty()) {
            const auto parsed = sip::SipMessage::parse(resp);
            // a response we build must parse again and keep the transaction keys
            require(parsed.has_value());
            require(parsed->statusCode() == 400);
            require(parsed->callId() == msg->callId());
            require(parsed->cseq() == msg->cseq());
        }
    } else if (const auto challenge = sip::DigestChallenge::fromResponse(*msg)) {
        sum += challenge->realm.size() + challenge->nonce.size() + challenge->isSupported();
    }
    return sum < 0 ? 1 : 0;
}
