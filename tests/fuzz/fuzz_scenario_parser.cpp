// libFuzzer target for the emulator's scenario parser (emulator::ScenarioParser and its helper
// ScenarioReader, format in src/emulator/SCENARIO.md, timeline actions checked by
// ActionCatalog): any bytes give either a Scenario within the documented ranges or errors that
// each name a JSON path, never a crash. Built only with -DCALLBOARD_BUILD_FUZZ=ON and clang; run
// it with tests/fuzz/run-fuzz.sh fuzz_scenario_parser <seconds>.

#include "emulator/ActionCatalog.h"
#include "emulator/ScenarioParser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QSet>
#include <QString>
#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

#define require(condition) requireImpl((condition), #condition, __LINE__)

void requireImpl(bool condition, const char* what, int line) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_scenario_parser.cpp:%d: invariant failed: %s\n", line, what);
        std::abort();
    }
}

using emulator::Scenario;
using emulator::ScenarioParser;

bool isMs(int v, int lo = 0) {
    return v >= lo && v <= ScenarioParser::kMaxMs;
}

void checkCallee(const Scenario::Callee& c) {
    require(isMs(c.answerAfterMs));
    require(isMs(c.ringAfterMs, -1));
    require(isMs(c.hangupAfterMs));
    if (c.outcome == Scenario::Callee::Outcome::Reject) {
        require(c.rejectCode >= 400 && c.rejectCode <= 699);
    }
}

/// A scenario the parser accepted holds only what SCENARIO.md allows.
void checkScenario(const Scenario& s) {
    require(isMs(s.keepAliveGraceMs));
    require(isMs(s.registerDelayMs));
    require(isMs(s.ringAfterMs));
    require(isMs(s.transferStepMs));
    require(isMs(s.publishDelayMs));
    require(isMs(s.playDelayMs));
    for (auto it = s.accounts.begin(); it != s.accounts.end(); ++it) {
        require(!it.key().isEmpty());
        require(isMs(it.value().delayMs, -1));
    }
    checkCallee(s.defaultCallee);
    for (auto it = s.callees.begin(); it != s.callees.end(); ++it) {
        require(!it.key().isEmpty());
        checkCallee(it.value());
    }
    for (const auto& d : s.dataRules) {
        require(isMs(d.delayMs));
    }
    QSet<QString> names;
    for (const auto& b : s.backgroundStreams) {
        require(!b.name.isEmpty());
        require(!names.contains(b.name));
        names.insert(b.name);
        require(isMs(b.startAfterMs) && isMs(b.upMs) && isMs(b.downMs));
        require(b.viewers >= 0 && b.viewers <= 100);
        require(b.width >= 1 && b.width <= 7680);
        require(b.height >= 1 && b.height <= 4320);
        require(!b.mediaProvider.isEmpty());
    }
    for (const auto& e : s.timeline) {
        require(isMs(e.atMs));
        require(e.everyMs == 0 || (e.everyMs >= 10 && isMs(e.everyMs)));
        require(e.repeat >= 0 && e.repeat <= 1000000);
        const auto* action =
            emulator::ActionCatalog::find(e.action.value(QStringLiteral("action")).toString());
        require(action != nullptr);
        require(action->inTimeline);
        require(emulator::ActionCatalog::validate(e.action).isEmpty());
        for (const char* key : {"atMs", "everyMs", "repeat", "scope"}) {
            require(!e.action.contains(QLatin1StringView(key)));
        }
    }
    for (auto it = s.restHooks.apps.begin(); it != s.restHooks.apps.end(); ++it) {
        const QUrl url(it.value());
        require(url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https"));
    }
    require(isMs(s.restHooks.keepAliveIntervalMs));
    require(isMs(s.restHooks.timeoutMs));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const ScenarioParser::Result r = ScenarioParser::parse(input);
    require(r.ok() == r.errors.isEmpty());
    for (const auto& e : r.errors) {
        require(e.path.startsWith(u'$'));
        require(!e.message.isEmpty());
    }
    if (!r.ok()) {
        require(!r.errorString().isEmpty());
        return 0;
    }
    checkScenario(*r.scenario);

    // The same document written out by Qt (compact, keys sorted) is accepted too.
    const QJsonDocument doc = QJsonDocument::fromJson(input.toByteArray());
    require(doc.isObject());
    const ScenarioParser::Result again = ScenarioParser::parse(doc.toJson(QJsonDocument::Compact));
    require(again.ok());
    require(again.scenario->timeline.size() == r.scenario->timeline.size());
    require(again.scenario->callees.size() == r.scenario->callees.size());
    return 0;
}
