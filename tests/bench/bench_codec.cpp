// Google Benchmark for the WCS codec: decode of a recorded mix of server frames (the S>C frames
// of the official-SDK captures plus realistic synthetic ones), decode of 527-byte OnDataEvent
// frames, a few single-message decodes, and encode of call / publish commands.
// Run: build-bench/tests/bench/callboard-bench-codec (see tests/bench/README.md).

#include "wcs/Codec.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <variant>
#include <vector>

namespace {

QString sharedDir() {
    const QByteArray env = qgetenv("CALLBOARD_SHARED_DIR");
    return env.isEmpty() ? QStringLiteral(CALLBOARD_SHARED_DIR) : QString::fromLocal8Bit(env);
}

/// The S>C frames of shared/fixtures/wcs-official-sdk/*.jsonl.
std::vector<QByteArray> fixtureServerFrames() {
    std::vector<QByteArray> out;
    const QDir dir(sharedDir() + QStringLiteral("/fixtures/wcs-official-sdk"));
    for (const QString& name :
         dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            if (o.value(QStringLiteral("dir")).toString() == QStringLiteral("S>C")) {
                out.push_back(o.value(QStringLiteral("raw")).toString().toUtf8());
            }
        }
    }
    return out;
}

QByteArray uuid(std::mt19937& rng) {
    static const char* hex = "0123456789abcdef";
    QByteArray s(36, '-');
    for (int i = 0; i < 36; ++i) {
        if (i != 8 && i != 13 && i != 18 && i != 23) {
            s[i] = hex[rng() % 16];
        }
    }
    return s;
}

QByteArray pick(std::mt19937& rng, std::initializer_list<const char*> options) {
    return QByteArray(*(options.begin() + rng() % options.size()));
}

QByteArray streamStatusFrame(std::mt19937& rng) {
    const bool published = rng() % 2;
    const QByteArray status = published
                                  ? pick(rng, {"PUBLISHING", "PUBLISHING", "UNPUBLISHED", "FAILED"})
                                  : pick(rng, {"PLAYING", "PLAYING", "STOPPED", "FAILED"});
    const QByteArray info =
        status == "FAILED" ? pick(rng, {"Failed by ICE timeout", "Stream not found"})
        : status == "UNPUBLISHED" || status == "STOPPED" ? QByteArray("Stopped by user")
                                                         : QByteArray();
    return R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":")" + uuid(rng) +
           R"(","name":"cam-)" + QByteArray::number(int(rng() % 500)) + R"(","published":)" +
           (published ? "true" : "false") + R"(,"hasVideo":true,"hasAudio":true,"status":")" +
           status + R"(","info":")" + info + R"(","record":false,"width":)" +
           pick(rng, {"0", "640", "1280"}) + R"(,"height":)" + pick(rng, {"0", "360", "720"}) +
           R"(,"bitrate":0,"quality":0,"mediaProvider":"WebRTC","audioState":{"muted":false},"videoState":{"muted":false}}]})";
}

QByteArray callStatusFrame(std::mt19937& rng) {
    const QByteArray name = pick(rng, {"notifyTryingResponse", "ring", "talk", "hold", "finish"});
    const QByteArray status = name == "notifyTryingResponse" ? QByteArray("TRYING")
                              : name == "ring"               ? QByteArray("RING")
                              : name == "talk"               ? QByteArray("ESTABLISHED")
                              : name == "hold"               ? QByteArray("HOLD")
                                                             : QByteArray("FINISH");
    QByteArray frame = R"({"message":")" + name + R"(","data":[{"callId":")" + uuid(rng) +
                       R"(","status":")" + status + '"';
    if (rng() % 2) { // half of them carry the whole call object, like the fixture's
        frame +=
            R"(,"caller":"1000","callee":")" + QByteArray::number(int(1000 + rng() % 9000)) +
            R"(","incoming":false,"visibleName":"Desk 7","mediaProvider":"WebRTC","hasAudio":true,"hasVideo":false,"sipStatus":)" +
            pick(rng, {"100", "180", "200"});
    }
    if (status == "FINISH") {
        frame += R"(,"info":"Normal call clearing")";
    }
    return frame + "}]}";
}

/// An OnDataEvent frame of exactly `size` bytes (a Room API message event).
QByteArray onDataFrame(std::mt19937& rng, int size = 527) {
    QByteArray head =
        R"({"message":"OnDataEvent","data":[{"operationId":")" + uuid(rng) +
        R"(","payload":{"roomName":"standup","name":"MESSAGE","info":{"from":"alice","text":")";
    const QByteArray tail = R"("}}}]})";
    QByteArray text;
    while (head.size() + text.size() + tail.size() < size) {
        text += pick(rng, {"hello ", "world ", "the ", "meeting ", "starts ", "now "});
    }
    text.truncate(size - head.size() - tail.size());
    return head + text + tail;
}

QByteArray sdp(std::mt19937& rng, int mlines) {
    QByteArray s = "v=0\r\no=- " + QByteArray::number(quint64(rng()) * 1000003u) +
                   " 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\na=group:BUNDLE 0 1\r\n";
    for (int m = 0; m < mlines; ++m) {
        s += m == 0 ? "m=audio 31002 UDP/TLS/RTP/SAVPF 111 0 8 101\r\n"
                    : "m=video 31004 UDP/TLS/RTP/SAVPF 102 96 97\r\n";
        s += "c=IN IP4 203.0.113.7\r\na=rtcp-mux\r\na=mid:" + QByteArray::number(m) +
             "\r\na=ice-ufrag:" + uuid(rng).left(8) + "\r\na=ice-pwd:" + uuid(rng).remove(8, 1) +
             "\r\na=fingerprint:sha-256 "
             "4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:3C:8A:6E:91:5C:70:7E:"
             "39:1C:37:8F:0E\r\na=setup:passive\r\na=sendrecv\r\n";
        s += m == 0 ? "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
                      "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                      "a=rtpmap:101 telephone-event/8000\r\n"
                    : "a=rtpmap:102 H264/90000\r\na=fmtp:102 level-asymmetry-allowed=1;"
                      "packetization-mode=1;profile-level-id=42e01f\r\na=rtpmap:96 VP8/90000\r\n"
                      "a=rtcp-fb:102 nack\r\na=rtcp-fb:102 nack pli\r\na=rtcp-fb:102 goog-remb\r\n";
        s += "a=candidate:1 1 udp 2130706431 203.0.113.7 " + QByteArray::number(31002 + 2 * m) +
             " typ host\r\n";
    }
    return s;
}

QByteArray escapeJson(QByteArray s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
}

QByteArray remoteSdpFrame(std::mt19937& rng) {
    return R"({"message":"setRemoteSDP","data":[")" + uuid(rng) + R"(",")" +
           escapeJson(sdp(rng, 1 + int(rng() % 2))) + R"("]})";
}

QByteArray miscFrame(std::mt19937& rng) {
    switch (rng() % 4) {
    case 0:
        return R"({"message":"notifyStreamEvent","data":[{"mediaSessionId":")" + uuid(rng) +
               R"(","type":"resize","payload":{"streamerVideoWidth":1280,"streamerVideoHeight":720}}]})";
    case 1:
        return R"({"message":"DataStatusEvent","data":[{"operationId":")" + uuid(rng) +
               R"(","status":"ACCEPTED","info":""}]})";
    case 2:
        return R"({"message":"notifyTransferEvent","data":[{"callId":")" + uuid(rng) +
               R"(","target":"1003","status":"ACCEPTED"}]})";
    default:
        return R"({"message":"inboundVideoRate","data":[{"mediaSessionId":")" + uuid(rng) +
               R"(","videoRate":1480000}]})";
    }
}

struct Mix {
    std::vector<QByteArray> frames;
    qint64 bytes = 0;
};

/// 1000 frames: every fixture S>C frame, then synthetic ones in realistic proportions
/// (30% stream status, 25% call status, 20% ping, 15% 527-byte OnDataEvent, 2% setRemoteSDP,
/// the rest stream events / data status / transfer / video rate), shuffled with a fixed seed.
const Mix& mix() {
    static const Mix m = [] {
        Mix out;
        std::mt19937 rng(20261121);
        out.frames = fixtureServerFrames();
        const auto add = [&](int n, auto make) {
            for (int i = 0; i < n; ++i) {
                out.frames.push_back(make());
            }
        };
        add(300, [&] { return streamStatusFrame(rng); });
        add(250, [&] { return callStatusFrame(rng); });
        add(200, [] { return QByteArray(R"({"message":"ping","data":[]})"); });
        add(150, [&] { return onDataFrame(rng); });
        add(20, [&] { return remoteSdpFrame(rng); });
        const int rest = 1000 - int(out.frames.size());
        add(std::max(0, rest), [&] { return miscFrame(rng); });
        std::shuffle(out.frames.begin(), out.frames.end(), rng);
        for (const QByteArray& f : out.frames) {
            out.bytes += f.size();
            if (std::holds_alternative<wcs::DecodeError>(wcs::Codec::decode(f))) {
                std::fprintf(stderr, "bench mix frame does not decode: %s\n",
                             f.left(200).constData());
                std::abort();
            }
        }
        return out;
    }();
    return m;
}

void decodeFrames(benchmark::State& state, const std::vector<QByteArray>& frames, qint64 bytes) {
    for (auto _ : state) {
        for (const QByteArray& f : frames) {
            wcs::Decoded d = wcs::Codec::decode(f);
            benchmark::DoNotOptimize(d);
        }
    }
    state.SetItemsProcessed(state.iterations() * qint64(frames.size()));
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["frames"] = double(frames.size());
    state.counters["avg_bytes"] = double(bytes) / double(frames.size());
}

void BM_DecodeMix(benchmark::State& state) {
    const Mix& m = mix();
    decodeFrames(state, m.frames, m.bytes);
}
BENCHMARK(BM_DecodeMix);

/// One kind of frame, 100 different instances.
template <typename Make> void decodeKind(benchmark::State& state, Make make) {
    std::mt19937 rng(7);
    std::vector<QByteArray> frames;
    qint64 bytes = 0;
    for (int i = 0; i < 100; ++i) {
        frames.push_back(make(rng));
        bytes += frames.back().size();
    }
    decodeFrames(state, frames, bytes);
}

void BM_DecodeOnDataEvent527(benchmark::State& state) {
    decodeKind(state, [](std::mt19937& rng) { return onDataFrame(rng, 527); });
}
BENCHMARK(BM_DecodeOnDataEvent527);

void BM_DecodeStreamStatus(benchmark::State& state) {
    decodeKind(state, streamStatusFrame);
}
BENCHMARK(BM_DecodeStreamStatus);

void BM_DecodeCallStatus(benchmark::State& state) {
    decodeKind(state, callStatusFrame);
}
BENCHMARK(BM_DecodeCallStatus);

void BM_DecodePing(benchmark::State& state) {
    decodeKind(state, [](std::mt19937&) { return QByteArray(R"({"message":"ping","data":[]})"); });
}
BENCHMARK(BM_DecodePing);

void BM_DecodeSetRemoteSdp(benchmark::State& state) {
    decodeKind(state, remoteSdpFrame);
}
BENCHMARK(BM_DecodeSetRemoteSdp);

void BM_EncodeCall(benchmark::State& state) {
    std::mt19937 rng(11);
    wcs::CallRequest r;
    r.callId = QString::fromLatin1(uuid(rng));
    r.sdp = QString::fromLatin1(sdp(rng, 1));
    r.caller = QStringLiteral("1000");
    r.callee = QStringLiteral("1002");
    r.visibleName = QStringLiteral("Desk 7");
    r.custom = R"({"tag":"c1"})";
    qint64 bytes = 0;
    for (auto _ : state) {
        QByteArray f = wcs::Codec::call(r);
        bytes += f.size();
        benchmark::DoNotOptimize(f);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_EncodeCall);

void BM_EncodePublishStream(benchmark::State& state) {
    std::mt19937 rng(13);
    wcs::StreamRequest r;
    r.mediaSessionId = QString::fromLatin1(uuid(rng));
    r.name = QStringLiteral("pub1");
    r.record = true;
    r.sdp = QString::fromLatin1(sdp(rng, 2));
    r.custom = R"({"owner":"me"})";
    qint64 bytes = 0;
    for (auto _ : state) {
        QByteArray f = wcs::Codec::publishStream(r);
        bytes += f.size();
        benchmark::DoNotOptimize(f);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_EncodePublishStream);

void BM_EncodeHangup(benchmark::State& state) {
    const QString callId = QStringLiteral("54f6dfa0-e547-11f1-be18-338ebb05d0d6");
    for (auto _ : state) {
        QByteArray f = wcs::Codec::hangup(callId);
        benchmark::DoNotOptimize(f);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncodeHangup);

void BM_RedactConnection(benchmark::State& state) {
    wcs::ConnectionParameters p;
    p.sipLogin = QStringLiteral("1000");
    p.sipPassword = QStringLiteral("secret");
    p.sipDomain = QStringLiteral("pbx.example.org");
    p.clientOSVersion = QStringLiteral("5.0 (X11; Linux x86_64)");
    p.clientBrowserVersion = QStringLiteral("Callboard/0.1");
    const QByteArray frame = wcs::Codec::connection(p);
    for (auto _ : state) {
        QByteArray r = wcs::Codec::redact(frame);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * frame.size());
}
BENCHMARK(BM_RedactConnection);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS: %.1f MiB\n", double(usage.ru_maxrss) / 1024.0);
    return 0;
}
