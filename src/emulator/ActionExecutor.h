#pragma once

#include <QJsonObject>
#include <QList>

#include <functional>

namespace emulator {

class BackgroundStreams;
class EmulatedSession;
class StreamRegistry;

/// Carries out the ActionCatalog actions for the control endpoint and the scenario timeline
/// (SCENARIO.md, "Actions"). Per-session actions apply to every established session unless the
/// action names one with `sessionId`. Each call gives one reply: `{"ok":true, ...}` or
/// `{"ok":false,"error":"..."}`; nothing throws whatever the input.
class ActionExecutor {
public:
    using SessionList = std::function<QList<EmulatedSession*>()>;

    ActionExecutor(SessionList sessions, StreamRegistry& registry, BackgroundStreams& background);

    QJsonObject execute(const QJsonObject& action);

private:
    QList<EmulatedSession*> targets(const QJsonObject& action, bool needSocket) const;
    QJsonObject perSession(const QString& name, const QJsonObject& action);
    QJsonObject streamFail(const QJsonObject& action);
    QJsonObject sessions() const;
    QJsonObject streams() const;
    QJsonObject background(const QString& name, const QJsonObject& action);

    SessionList m_sessions;
    StreamRegistry& m_registry;
    BackgroundStreams& m_background;
};

} // namespace emulator
