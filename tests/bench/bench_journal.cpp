// services::History journal write rate: append() + batched commits (one transaction per batch)
// into a WAL-mode SQLite file on the local disk, for batch sizes 1, 100 and 1000.
// Reports events/s as items_per_second.
#include "services/History.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

services::JournalEntry sampleEntry(qint64 seq) {
    services::JournalEntry e;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch();
    e.type = QStringLiteral("StreamStatusEvent");
    e.accountId = QStringLiteral("wcs-main");
    e.objectId = QStringLiteral("b3a1c2d4-%1").arg(seq);
    e.status = QStringLiteral("PLAYING");
    e.json = QByteArrayLiteral(
        R"({"type":"StreamStatusEvent","status":"PLAYING","mediaSessionId":"b3a1c2d4",)"
        R"("name":"lobby-cam","published":false,"hasAudio":true,"hasVideo":true,)"
        R"("width":1280,"height":720,"bitrate":1500})");
    return e;
}

void BM_JournalAppend(benchmark::State& state) {
    QTemporaryDir dir;
    services::History history(dir.filePath(QStringLiteral("bench.sqlite")));
    history.setBatchSize(static_cast<int>(state.range(0)));
    history.setFlushInterval(3'600'000); // only the batch size triggers writes
    history.setRetention(0, 0);
    history.setRetentionInterval(0);
    if (!history.open()) {
        state.SkipWithError(qPrintable(history.lastError()));
        return;
    }
    qint64 seq = 0;
    for (auto _ : state) {
        history.append(sampleEntry(seq++));
    }
    history.flush();
    if (!history.lastError().isEmpty()) {
        state.SkipWithError(qPrintable(history.lastError()));
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["batch"] = static_cast<double>(state.range(0));
}

} // namespace

// Wall-clock time: disk writes are part of the cost, so items_per_second is events per real second.
BENCHMARK(BM_JournalAppend)
    ->Arg(1)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    QCoreApplication app(argc, argv); // History's timers need an application object
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
