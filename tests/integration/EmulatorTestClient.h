#pragma once

// A raw WebSocket client for the emulator integration tests: sends WCS client frames, keeps
// every server frame, answers pings (unless told not to) and checks every frame with the
// client-side wcs::Codec, so the emulator and our client codec are held to the same protocol.

#include "wcs/Codec.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>
#include <variant>

class EmulatorTestClient : public QObject {
public:
    struct Frame {
        QString raw;
        QString message; ///< empty for a frame that is not a JSON envelope
        QJsonArray data;
        QJsonObject arg; ///< data[0] when it is an object
        qint64 atMs = 0; ///< arrival, ms since the client was created
        bool taken = false;
    };

    bool autoPong = true;
    QList<Frame> frames;
    int decodeErrors = 0; ///< frames wcs::Codec::decode refused (garbage excluded by callers)

    EmulatorTestClient() {
        m_clock.start();
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            Frame f;
            f.raw = text;
            f.atMs = m_clock.elapsed();
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            if (doc.isObject()) {
                f.message = doc.object().value(QStringLiteral("message")).toString();
                f.data = doc.object().value(QStringLiteral("data")).toArray();
                f.arg = f.data.at(0).toObject();
            }
            if (std::holds_alternative<wcs::DecodeError>(wcs::Codec::decode(text.toUtf8()))) {
                ++decodeErrors;
            }
            if (autoPong && f.message == QLatin1StringView("ping")) {
                send(QStringLiteral("pong"), QJsonValue());
            }
            frames.append(f);
        });
    }

    QWebSocket socket;

    bool open(const QUrl& url) {
        QSignalSpy spy(&socket, &QWebSocket::connected);
        socket.open(url);
        return spy.wait(5000);
    }

    qint64 elapsed() const { return m_clock.elapsed(); }

    void send(const QString& message, const QJsonValue& arg) {
        const QJsonObject env{{QStringLiteral("message"), message},
                              {QStringLiteral("data"), QJsonArray{arg}}};
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(env).toJson(QJsonDocument::Compact)));
    }

    /// Sends `connection` and waits for getUserData; returns its data[0] (empty on timeout).
    QJsonObject connectSession(QJsonObject params = {}) {
        params.insert(QStringLiteral("appKey"), QStringLiteral("defaultApp"));
        params.insert(QStringLiteral("mediaProviders"), QJsonArray{QStringLiteral("WebRTC")});
        params.insert(QStringLiteral("clientVersion"), QStringLiteral("2.0"));
        send(QStringLiteral("connection"), params);
        const auto f = waitFor(QStringLiteral("getUserData"));
        return f ? f->arg : QJsonObject();
    }

    /// The first frame not yet taken with this message (and matching `pred`), waiting up to
    /// `timeoutMs`. Marks it taken.
    std::optional<Frame> waitFor(const QString& message,
                                 const std::function<bool(const Frame&)>& pred = {},
                                 int timeoutMs = 3000) {
        std::optional<Frame> found;
        (void)QTest::qWaitFor(
            [&] {
                for (auto& f : frames) {
                    if (!f.taken && f.message == message && (!pred || pred(f))) {
                        f.taken = true;
                        found = f;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    /// Same, for a message whose data[0] has `key` == `value`.
    std::optional<Frame> waitFor(const QString& message, const QString& key, const QString& value,
                                 int timeoutMs = 3000) {
        return waitFor(
            message, [&](const Frame& f) { return f.arg.value(key).toString() == value; },
            timeoutMs);
    }

    /// Messages of the frames received so far (in order), pings left out.
    QStringList messages() const {
        QStringList out;
        for (const auto& f : frames) {
            if (f.message != QLatin1StringView("ping")) {
                out << f.message;
            }
        }
        return out;
    }

    /// True when no untaken frame with `message` arrives within `ms`.
    bool nothing(const QString& message, int ms) {
        QTest::qWait(ms);
        for (const auto& f : frames) {
            if (!f.taken && f.message == message) {
                return false;
            }
        }
        return true;
    }

    /// Frames of call `callId` in arrival order as "message:STATUS" (setRemoteSDP as is).
    QStringList callTrace(const QString& callId) const {
        QStringList out;
        for (const auto& f : frames) {
            if (f.message == QLatin1StringView("setRemoteSDP") &&
                f.data.at(0).toString() == callId) {
                out << f.message;
            } else if (f.arg.value(QStringLiteral("callId")).toString() == callId) {
                out << f.message + u':' + f.arg.value(QStringLiteral("status")).toString();
            }
        }
        return out;
    }

    /// Waits until call `callId` has as many frames as `expected`; true when they match.
    bool waitTrace(const QString& callId, const QStringList& expected, int ms = 2000) {
        (void)QTest::qWaitFor([&] { return callTrace(callId).size() >= expected.size(); }, ms);
        return callTrace(callId) == expected;
    }

    bool waitDisconnected(int timeoutMs = 3000) {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                               timeoutMs);
    }

private:
    QElapsedTimer m_clock;
};
