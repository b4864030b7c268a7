// libFuzzer target for the request path of the REST hook server (src/hooks, spec §13): routing
// by hook name (HookNames), the `Authorization: WCS <HMAC-MD5>` check (HookSignature), the body
// as a JSON object, the operator's refuse rules and "end at next keep-alive" (HookPolicy), the
// typed decoders (HookDecoder) and the `restClientConfig` of `connect` replies
// (RestClientConfig), then the decoded events as the journal writes them (core::EventJson).
// No sockets: HookServer::handle() takes a QHttpServerRequest, which only Qt HttpServer can
// build, so the harness parses the input as an HTTP/1.1 request itself and then runs the steps of
// HookServer::handle()/dispatch() in their order through the same public functions.
//
// Input: "<METHOD> <target> HTTP/1.1\r\n<Name>: <value>\r\n...\r\n\r\n<body>" (bare "\n" works
// too). Input that does not start with a request line is the body of
// `POST /rest/my_api/StreamStatusEvent`. Two extra headers drive the policy:
// `X-Fuzz-Refuse: <method> <wildcard>` adds a refuse rule, `X-Fuzz-End: <mediaSessionId>` asks
// for the end of that stream at its next keep-alive. A request carrying `Authorization` is
// checked against the secret "s3cr3t" (as with a secret set on HookServer).
// Built only with -DCALLBOARD_BUILD_FUZZ=ON and clang; run it with
// tests/fuzz/run-fuzz.sh fuzz_hook_request <seconds>.

#include "core/EventJson.h"
#include "core/JsonText.h"
#include "hooks/HookDecoder.h"
#include "hooks/HookNames.h"
#include "hooks/HookPolicy.h"
#include "hooks/HookSignature.h"
#include "hooks/RestClientConfig.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QString>
#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

#define require(condition) requireImpl((condition), #condition, __LINE__)

void requireImpl(bool condition, const char* what, int line) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_hook_request.cpp:%d: invariant failed: %s\n", line, what);
        std::abort();
    }
}

constexpr QByteArrayView kSecret = "s3cr3t";
constexpr qsizetype kMaxBodyBytes = 1024 * 1024; // HookServerOptions::maxBodyBytes
const QString kPrefix = QStringLiteral("/rest/my_api");

struct Request {
    QByteArray method = "POST";
    QByteArray target = "/rest/my_api/StreamStatusEvent";
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    QByteArray body;
};

bool isToken(QByteArrayView s) {
    if (s.isEmpty() || s.size() > 16) {
        return false;
    }
    for (const char c : s) {
        if (c < 'A' || c > 'Z') {
            return false;
        }
    }
    return true;
}

/// The input as an HTTP request (see the top of the file); never fails.
Request parseRequest(QByteArrayView input) {
    Request r;
    const qsizetype eol = input.indexOf('\n');
    const QByteArrayView first = (eol < 0 ? input : input.first(eol)).trimmed();
    const qsizetype sp = first.indexOf(' ');
    if (sp < 0 || !isToken(first.first(sp))) {
        r.body = input.toByteArray();
        return r;
    }
    r.method = first.first(sp).toByteArray();
    QByteArrayView rest = first.sliced(sp + 1).trimmed();
    const qsizetype sp2 = rest.indexOf(' ');
    r.target = (sp2 < 0 ? rest : rest.first(sp2)).toByteArray();
    r.headers.clear();
    qsizetype pos = eol < 0 ? input.size() : eol + 1;
    while (pos < input.size()) {
        const qsizetype next = input.indexOf('\n', pos);
        const qsizetype end = next < 0 ? input.size() : next;
        QByteArrayView line = input.sliced(pos, end - pos);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        pos = next < 0 ? input.size() : next + 1;
        if (line.isEmpty()) {
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue; // Qt's parser would answer 400; nothing of the hook code runs
        }
        r.headers.append({line.first(colon).trimmed().toByteArray(),
                          line.sliced(colon + 1).trimmed().toByteArray()});
    }
    r.body = input.sliced(pos).toByteArray();
    return r;
}

std::optional<QByteArray> header(const Request& r, QByteArrayView name) {
    for (const auto& [key, value] : r.headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return std::nullopt;
}

// The same test as HookServer.cpp's isJsonContentType (a file-local function there).
bool isJsonContentType(const QByteArray& value) {
    const qsizetype semi = value.indexOf(';');
    const QByteArray mime = (semi < 0 ? value : value.left(semi)).trimmed().toLower();
    return mime == "application/json";
}

/// Serialises an event the way the journal does, and checks the result is a JSON object text.
template <typename Event> void journal(const Event& e) {
    const QJsonObject o = core::EventJson::toJson(e);
    require(o.contains(QStringLiteral("type")));
    (void)QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The signature check: always exercised on the fuzzed Authorization value, and the right
/// signature of this body must pass while a changed one must not.
void checkSignature(const Request& r) {
    const QByteArray auth = header(r, "authorization").value_or(QByteArray());
    (void)hooks::HookSignature::verify(auth, r.body, kSecret);
    const QByteArray good = hooks::HookSignature::authorizationValue(r.body, kSecret);
    require(good.size() == 4 + 32);
    require(hooks::HookSignature::verify(good, r.body, kSecret));
    require(hooks::HookSignature::verify(" wcs " + good.mid(4).toUpper() + " ", r.body, kSecret));
    QByteArray bad = good;
    bad[bad.size() - 1] = bad.back() == '0' ? '1' : '0';
    require(!hooks::HookSignature::verify(bad, r.body, kSecret));
    require(!hooks::HookSignature::verify(good, r.body, "other"));
}

/// HookDecoder's tolerant field readers on every key of the body.
void checkFieldReaders(const QJsonObject& o) {
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString t = hooks::HookDecoder::text(o, it.key());
        if (it.value().isString()) {
            require(t == it.value().toString());
        }
        if (const auto b = hooks::HookDecoder::boolean(o, it.key())) {
            require(it.value().isBool() || it.value().isString());
        }
        if (const auto i = hooks::HookDecoder::integer(o, it.key())) {
            require(it.value().isDouble() || it.value().isString());
        }
    }
}

/// Every decoder on the body, whatever the hook name (WCS field names overlap across hooks).
void decodeAll(const QJsonObject& o) {
    QString error;
    if (const auto e = hooks::HookDecoder::streamStatus(o, &error)) {
        require(!e->mediaSessionId.isEmpty());
        journal(*e);
    } else {
        require(!error.isEmpty());
    }
    error.clear();
    if (const auto e = hooks::HookDecoder::streamKeepAlive(o, &error)) {
        require(!e->mediaSessionId.isEmpty());
        journal(*e);
    } else {
        require(!error.isEmpty());
    }
    error.clear();
    if (const auto e = hooks::HookDecoder::callStatus(o, &error)) {
        require(!e->callId.isEmpty());
        journal(*e);
    } else {
        require(!error.isEmpty());
    }
    error.clear();
    if (const auto e = hooks::HookDecoder::transferStatus(o, &error)) {
        require(!e->callId.isEmpty());
        journal(*e);
    } else {
        require(!error.isEmpty());
    }
    error.clear();
    if (const auto e = hooks::HookDecoder::dataStatus(o, &error)) {
        require(!e->operationId.isEmpty());
        journal(*e);
    } else {
        require(!error.isEmpty());
    }
    journal(hooks::HookDecoder::connectionStatus(o));
    journal(hooks::HookDecoder::registrationStatus(o));
    journal(hooks::HookDecoder::sessionDebugStatus(o));
    journal(hooks::HookDecoder::error(o));

    // OnDataEvent: the payload is JSON text of the body's value ("null" when absent).
    const core::OnDataEvent data = hooks::HookDecoder::onData(o);
    journal(data);
    require(!data.payload.isEmpty());
    const QJsonValue payload = o.value(QStringLiteral("payload"));
    if (!payload.isUndefined()) {
        const QByteArray wrapped = "[" + data.payload + "]";
        const QJsonDocument back = QJsonDocument::fromJson(wrapped);
        require(back.isArray());
        require(back.array().size() == 1);
    }
}

/// `restClientConfig` as the emulator reads it from a `connect` reply: reading what was written
/// gives the same configuration.
void checkRestClientConfig(const QJsonObject& o) {
    const hooks::RestClientConfig config =
        hooks::RestClientConfig::fromJson(o.value(QStringLiteral("restClientConfig")).toObject());
    const hooks::RestClientConfig again = hooks::RestClientConfig::fromJson(config.toJson());
    require(again == config);
    for (const QString& method : config.methods()) {
        for (const QString& f : hooks::RestClientConfig::fieldList(
                 config.method(method).clientExclude + u',' + config.method(method).restExclude)) {
            require(!f.isEmpty());
            require(!f.contains(u','));
            require(f == f.trimmed());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // The hook code logs refusals at info level; keep the fuzzer output readable and fast.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Request request = parseRequest(input);

    // The operator's rules stay compiled across runs (as in the app); what a request adds is
    // taken back when the run ends.
    static hooks::HookPolicy policy = [] {
        hooks::HookPolicy p;
        require(p.addRefuseRule(QStringLiteral("publishStream"), QStringLiteral("secret-*")) > 0);
        require(p.addRefuseRule(QStringLiteral("playStream"), QStringLiteral("?ecret-cam")) > 0);
        require(p.addRefuseRule(QStringLiteral("OnCallEvent"), QStringLiteral("*")) > 0);
        require(p.addRefuseRule(QStringLiteral("call"), QString()) == 0);
        return p;
    }();
    struct Cleanup {
        int ruleId = 0;
        QString end;
        ~Cleanup() {
            if (ruleId > 0) {
                require(policy.removeRefuseRule(ruleId));
            }
            policy.cancelEnd(end);
            policy.cancelEnd(QStringLiteral("end-me"));
            require(policy.refuseRules().size() == 3);
            require(policy.pendingEnds().isEmpty());
        }
    } cleanup;
    policy.endAtNextKeepAlive(QStringLiteral("end-me"));
    if (const auto rule = header(request, "x-fuzz-refuse")) {
        const QString text = QString::fromUtf8(*rule);
        const qsizetype sp = text.indexOf(u' ');
        const QString method = sp < 0 ? text : text.left(sp);
        const QString pattern = sp < 0 ? QString() : text.mid(sp + 1);
        cleanup.ruleId = policy.addRefuseRule(method, pattern);
        if (cleanup.ruleId > 0) {
            require(policy.refuseRules().size() == 4);
            require(policy.refuseRules().back().pattern == pattern);
            // `*` is any text and `?` one character, '/' and line breaks included; the rest is
            // literal.
            QString name = pattern;
            name.replace(u'?', u'/').replace(u'*', QStringLiteral("/\n*"));
            const auto hit = policy.refusal(method, name);
            require(hit.has_value());
            require(hit->method == method);
        } else {
            require(policy.refuseRules().size() == 3);
        }
    }
    if (const auto end = header(request, "x-fuzz-end")) {
        cleanup.end = QString::fromUtf8(*end);
        policy.endAtNextKeepAlive(cleanup.end);
    }

    checkSignature(request);

    // HookServer::handle(): path under the prefix, a known name, POST, JSON content type, size,
    // signature, a JSON object.
    const QString path = QUrl::fromEncoded(request.target).path();
    if (!path.startsWith(kPrefix + u'/')) {
        return 0; // 404
    }
    const QString name = path.mid(kPrefix.size() + 1);
    const hooks::HookKind kind = hooks::HookNames::kind(name);
    require(hooks::HookNames::isKnown(name) == (kind != hooks::HookKind::Unknown));
    require(kind == hooks::HookKind::Unknown || hooks::HookNames::all().contains(name));
    if (kind == hooks::HookKind::Unknown || request.method != "POST") {
        return 0; // 404, 405
    }
    if (!isJsonContentType(header(request, "content-type").value_or(QByteArray()))) {
        return 0; // 400
    }
    if (request.body.size() > kMaxBodyBytes) {
        return 0; // 413
    }
    if (const auto auth = header(request, "authorization")) {
        if (!hooks::HookSignature::verify(*auth, request.body, kSecret)) {
            return 0; // 403
        }
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return 0; // 400
    }
    const QJsonObject o = doc.object();
    const QString nodeId = hooks::HookDecoder::text(o, u"nodeId");
    const QString appKey = hooks::HookDecoder::text(o, u"appKey");
    const QString sessionId = hooks::HookDecoder::text(o, u"sessionId");
    (void)(nodeId.size() + appKey.size() + sessionId.size());

    // HookServer::dispatch(): refuse rules for direct and incoming invocations.
    if (kind == hooks::HookKind::DirectInvocation || kind == hooks::HookKind::IncomingInvocation) {
        const QString streamName = hooks::HookDecoder::text(o, u"name");
        if (const auto rule = policy.refusal(name, streamName)) {
            require(rule->id > 0);
            require(rule->method == name);
            return 0; // 403
        }
        if (name == u"OnCallEvent") {
            require(!"the '*' rule refuses every OnCallEvent");
        }
    }
    QString error;
    if (name == u"StreamStatusEvent" || name == u"publishStream" || name == u"playStream") {
        auto stream = hooks::HookDecoder::streamStatus(o, &error);
        if (!stream) {
            require(!error.isEmpty());
            return 0; // 400
        }
        if (name != u"StreamStatusEvent") {
            stream->status = core::StreamStatus::Pending;
            stream->published = name == u"publishStream";
        }
        journal(*stream);
    } else if (name == u"StreamKeepAliveEvent") {
        const auto keepAlive = hooks::HookDecoder::streamKeepAlive(o, &error);
        if (!keepAlive) {
            require(!error.isEmpty());
            return 0; // 400
        }
        const bool pending = policy.isEndPending(keepAlive->mediaSessionId);
        require(policy.takeEnd(keepAlive->mediaSessionId) == pending);
        require(!policy.isEndPending(keepAlive->mediaSessionId)); // answered 403 only once
        journal(*keepAlive);
    } else if (name == u"connect") {
        checkRestClientConfig(o);
        // the reply: the echo plus the configured restClientConfig
        hooks::RestClientConfig config;
        config.set(QStringLiteral("StreamStatusEvent"),
                   hooks::RestMethodConfig{QString(), QStringLiteral("sdp"),
                                           hooks::RestMethodConfig::OnError::Fail,
                                           hooks::RestMethodConfig::Policy::Notify, QString()});
        QJsonObject reply = o;
        reply.insert(QStringLiteral("restClientConfig"), config.toJson());
        const QByteArray replyText = QJsonDocument(reply).toJson(QJsonDocument::Compact);
        const QJsonObject read = QJsonDocument::fromJson(replyText).object();
        require(hooks::RestClientConfig::fromJson(
                    read.value(QStringLiteral("restClientConfig")).toObject()) == config);
        journal(hooks::HookDecoder::connectionStatus(o));
    }

    checkFieldReaders(o);
    decodeAll(o);
    return 0;
}
