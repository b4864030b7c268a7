#pragma once

// One WCS account with real call/stream media against the in-process emulator, for the WCS
// media tests: emulator::EmulatorServer + wcs::Session + CallService/StreamMonitor/
// SessionMonitor + services::MediaEngine (a test source instead of the microphone, fakesink
// instead of the speaker) + services::WcsBinding.
#include "core/Clock.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsBinding.h"
#include "wcs/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace testsupport {

struct WcsMediaRig {
    std::shared_ptr<core::SystemClock> clock = std::make_shared<core::SystemClock>();
    std::unique_ptr<emulator::EmulatorServer> server;
    std::unique_ptr<wcs::Session> session;
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::StreamMonitor> streams;
    std::unique_ptr<services::SessionMonitor> sessions;
    std::unique_ptr<services::MediaEngine> engine;
    std::unique_ptr<services::WcsBinding> binding;
    QList<QJsonObject> sent; ///< every command the session sent, decoded

    /// Builds everything for `account` with the emulator `scenario` (JSON, SCENARIO.md) and the
    /// capture element `source` (gst-launch syntax); `tune` may change the session options
    /// (SIP login...). The session is not opened. False with `error` set when the scenario
    /// does not parse, the port cannot be bound or the media engine is unavailable.
    bool start(const char* scenario, const QString& account, const QString& source, QString* error,
               const std::function<void(wcs::SessionOptions&)>& tune = {}) {
        const auto parsed = emulator::ScenarioParser::parse(QByteArray(scenario));
        if (!parsed.ok()) {
            *error = parsed.errorString();
            return false;
        }
        server = std::make_unique<emulator::EmulatorServer>();
        server->setScenario(*parsed.scenario);
        server->setControlPort(-1);
        if (!server->listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("the emulator cannot listen on 127.0.0.1");
            return false;
        }
        wcs::SessionOptions o;
        o.url = server->serverUrl();
        o.autoReconnect = false;
        if (tune)
            tune(o);
        session = std::make_unique<wcs::Session>(o);
        calls = std::make_unique<services::CallService>(clock);
        streams = std::make_unique<services::StreamMonitor>(clock);
        sessions = std::make_unique<services::SessionMonitor>(clock);
        engine = std::make_unique<services::MediaEngine>(nullptr);
        if (!engine->isAvailable()) {
            *error = engine->unavailableReason();
            return false;
        }
        engine->setElementOverride(source, QStringLiteral("fakesink sync=false"));
        binding = std::make_unique<services::WcsBinding>(account, *session, *calls, *streams,
                                                         *sessions, clock);
        binding->setMediaEngine(engine.get());
        sent.clear();
        QObject::connect(session.get(), &wcs::Session::frameLogged, session.get(),
                         [this](bool outgoing, const QByteArray& frame) {
                             if (outgoing)
                                 sent << QJsonDocument::fromJson(frame).object();
                         });
        return true;
    }

    /// Tears down in dependency order (binding first, emulator last).
    void stop() {
        binding.reset();
        session.reset();
        engine.reset();
        server.reset();
    }

    /// `data[0]` of the last command `message` we sent whose `key` is `value` (any when `key`
    /// is empty), or {}.
    QJsonObject sentData(const QString& message, const QString& key = {},
                         const QString& value = {}) const {
        for (auto it = sent.crbegin(); it != sent.crend(); ++it) {
            const QJsonObject data = it->value(QStringLiteral("data")).toArray().at(0).toObject();
            if (it->value(QStringLiteral("message")).toString() == message &&
                (key.isEmpty() || data.value(key).toString() == value))
                return data;
        }
        return {};
    }

    core::StreamStatus streamStatus(const QString& mediaSessionId) const {
        const int row = streams->rowOf(mediaSessionId);
        return row < 0 ? core::StreamStatus::New : streams->at(row).status;
    }
};

} // namespace testsupport
