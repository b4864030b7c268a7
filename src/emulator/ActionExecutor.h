#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointer>

#include <functional>

namespace emulator {

class BackgroundStreams;
class EmulatedSession;
class StreamRegistry;

/// Carries out the ActionCatalog actions for the control endpoint and the scenario timeline
/// (SCENARIO.md, "Actions"). Per-session actions apply to every established session unless the
/// action names one with `sessionId`. Each call gives one reply: `{"ok":true, ...}` or
/// `{"ok":false,"error":"..."}`; nothing throws whatever the input.
///
/// The executor never owns, deletes or keeps a session: it works on a guarded snapshot of the
/// owner's list and skips a target that is gone or has ended by the time its turn comes.
class ActionExecutor {
public:
    using SessionList = std::function<QList<QPointer<EmulatedSession>>()>;

    ActionExecutor(SessionList sessions, StreamRegistry& registry, BackgroundStreams& background);

    QJsonObject execute(const QJsonObject& action);

private:
    QList<QPointer<EmulatedSession>> targets(const QJsonObject& action, bool needSocket) const;
    QJsonObject perSession(const QString& name, const QJsonObject& action);
    QJsonObject streamFail(const QJsonObject& action);
    QJsonObject streamStatus(const QJsonObject& action);
    QJsonObject sessions() const;
    QJsonObject streams() const;
    QJsonObject background(const QString& name, const QJsonObject& action);

    SessionList m_sessions;
    StreamRegistry& m_registry;
    BackgroundStreams& m_background;
};

} // namespace emulator
