#pragma once

// Starting an in-process emulator for the emulator integration tests, in one place.

#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace emulatortest {

struct ServerOptions {
    int pingIntervalMs = 0; ///< 0 = no keep-alive pings
    int pingProbes = 10;
    QString recordFile; ///< empty = no recording
};

/// An emulator listening on 127.0.0.1 (free port) with the scenario `scenarioJson`, or
/// nullptr with `error` saying what failed (scenario, record file, listen).
inline std::unique_ptr<emulator::EmulatorServer>
startServer(const char* scenarioJson, QString& error, const ServerOptions& options = {}) {
    const auto parsed = emulator::ScenarioParser::parse(QByteArray(scenarioJson));
    if (!parsed.ok()) {
        error = parsed.errorString();
        return nullptr;
    }
    auto server = std::make_unique<emulator::EmulatorServer>();
    server->setScenario(*parsed.scenario);
    server->setPingIntervalMs(options.pingIntervalMs);
    server->setPingProbes(options.pingProbes);
    if (!options.recordFile.isEmpty() && !server->setRecordFile(options.recordFile)) {
        error = server->errorString();
        return nullptr;
    }
    if (!server->listen()) {
        error = server->errorString();
        return nullptr;
    }
    return server;
}

} // namespace emulatortest
