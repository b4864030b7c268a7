#include "emulator/ActionCatalog.h"

#include <QJsonValue>

#include <array>
#include <cmath>

namespace emulator {

namespace {

using Type = ActionCatalog::Type;
using Param = ActionCatalog::Param;

constexpr qint64 kMaxMs = 600000; // 10 minutes: longer faults are not useful in a test

constexpr Param kSessionId{"sessionId", Type::String, false, 0, 0};

constexpr std::array kIncomingCall{Param{"caller", Type::String, true, 0, 0},
                                   Param{"callee", Type::String, false, 0, 0},
                                   Param{"visibleName", Type::String, false, 0, 0},
                                   Param{"hasVideo", Type::Boolean, false, 0, 0},
                                   Param{"cancelAfterMs", Type::Integer, false, 0, kMaxMs},
                                   Param{"hangupAfterMs", Type::Integer, false, 0, kMaxMs},
                                   Param{"echo", Type::Boolean, false, 0, 0},
                                   kSessionId};
constexpr std::array kHangup{Param{"callId", Type::String, true, 0, 0},
                             Param{"info", Type::String, false, 0, 0}, kSessionId};
constexpr std::array kStreamFail{Param{"mediaSessionId", Type::String, false, 0, 0},
                                 Param{"name", Type::String, false, 0, 0},
                                 Param{"info", Type::String, false, 0, 0}};
constexpr std::array kStreamStatus{Param{"mediaSessionId", Type::String, true, 0, 0},
                                   Param{"status", Type::String, true, 0, 0},
                                   Param{"info", Type::String, false, 0, 0}};
constexpr std::array kPushData{Param{"payload", Type::Any, true, 0, 0}, kSessionId};
constexpr std::array kFail{Param{"apiMethod", Type::String, false, 0, 0},
                           Param{"id", Type::String, false, 0, 0},
                           Param{"info", Type::String, false, 0, 0},
                           Param{"status", Type::String, false, 0, 0}, kSessionId};
constexpr std::array kOnlySession{kSessionId};
constexpr std::array kStall{Param{"ms", Type::Integer, true, 1, kMaxMs}, kSessionId};
constexpr std::array kDelay{Param{"ms", Type::Integer, true, 0, kMaxMs}, kSessionId};
constexpr std::array kGarbage{Param{"text", Type::String, false, 0, 0}, kSessionId};
constexpr std::array kUnknown{Param{"message", Type::String, false, 0, 0}, kSessionId};
constexpr std::array kClose{Param{"code", Type::Integer, false, 1000, 4999},
                            Param{"reason", Type::String, false, 0, 0}, kSessionId};
constexpr std::array<Param, 0> kNone{};
constexpr std::array kPublishBackground{Param{"name", Type::String, true, 0, 0},
                                        Param{"hasAudio", Type::Boolean, false, 0, 0},
                                        Param{"hasVideo", Type::Boolean, false, 0, 0},
                                        Param{"record", Type::Boolean, false, 0, 0},
                                        Param{"viewers", Type::Integer, false, 0, 100},
                                        Param{"mediaProvider", Type::String, false, 0, 0}};
constexpr std::array kStopBackground{Param{"name", Type::String, true, 0, 0},
                                     Param{"fail", Type::Boolean, false, 0, 0},
                                     Param{"info", Type::String, false, 0, 0}};

const std::array kActions{
    ActionCatalog::Action{"incomingCall", kIncomingCall, true, true},
    ActionCatalog::Action{"hangup", kHangup, true, true},
    ActionCatalog::Action{"streamFail", kStreamFail, false, true},
    ActionCatalog::Action{"streamStatus", kStreamStatus, false, true},
    ActionCatalog::Action{"pushData", kPushData, true, true},
    ActionCatalog::Action{"fail", kFail, true, true},
    ActionCatalog::Action{"drop", kOnlySession, true, true},
    ActionCatalog::Action{"stall", kStall, true, true},
    ActionCatalog::Action{"garbage", kGarbage, true, true},
    ActionCatalog::Action{"unknown", kUnknown, true, true},
    ActionCatalog::Action{"delay", kDelay, true, true},
    ActionCatalog::Action{"close", kClose, true, true},
    ActionCatalog::Action{"sessions", kNone, false, false},
    ActionCatalog::Action{"streams", kNone, false, false},
    ActionCatalog::Action{"publishBackground", kPublishBackground, false, true},
    ActionCatalog::Action{"stopBackground", kStopBackground, false, true},
};

/// What `streamStatus` may set: the live statuses (terminal ones have streamFail /
/// stopBackground, which also end the players).
constexpr std::array kLiveStreamStatuses{"PUBLISHING", "PLAYING", "PAUSED", "PLAYBACK_PROBLEM"};

QString typeName(Type t) {
    switch (t) {
    case Type::String:
        return QStringLiteral("a string");
    case Type::Integer:
        return QStringLiteral("an integer");
    case Type::Boolean:
        return QStringLiteral("a boolean");
    case Type::Any:
        return QStringLiteral("any JSON value");
    }
    return {};
}

bool isIntegerIn(const QJsonValue& v, qint64 lo, qint64 hi) {
    if (!v.isDouble()) {
        return false;
    }
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d) && d >= double(lo) && d <= double(hi);
}

} // namespace

const ActionCatalog::Action* ActionCatalog::find(QStringView name) {
    for (const auto& a : kActions) {
        if (name == QLatin1StringView(a.name)) {
            return &a;
        }
    }
    return nullptr;
}

QStringList ActionCatalog::names() {
    QStringList out;
    for (const auto& a : kActions) {
        out << QString::fromLatin1(a.name);
    }
    return out;
}

QList<ActionCatalog::Problem> ActionCatalog::validate(const QJsonObject& object,
                                                      const QStringList& extraKeys) {
    QList<Problem> problems;
    const QJsonValue name = object.value(QLatin1StringView("action"));
    if (!name.isString()) {
        problems.append(
            {QStringLiteral("action"), QStringLiteral("needs a string 'action', one of: %1")
                                           .arg(names().join(QStringLiteral(", ")))});
        return problems;
    }
    const Action* action = find(name.toString());
    if (!action) {
        problems.append({QStringLiteral("action"),
                         QStringLiteral("unknown action '%1', expected one of: %2")
                             .arg(name.toString(), names().join(QStringLiteral(", ")))});
        return problems;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1StringView("action") || extraKeys.contains(key)) {
            continue;
        }
        const Param* param = nullptr;
        for (const auto& p : action->params) {
            if (key == QLatin1StringView(p.name)) {
                param = &p;
            }
        }
        if (!param) {
            problems.append(
                {key,
                 QStringLiteral("unknown parameter of '%1'").arg(QLatin1StringView(action->name))});
            continue;
        }
        const QJsonValue v = it.value();
        bool ok = true;
        switch (param->type) {
        case Type::String:
            ok = v.isString();
            break;
        case Type::Boolean:
            ok = v.isBool();
            break;
        case Type::Integer:
            ok = isIntegerIn(v, param->min, param->max);
            break;
        case Type::Any:
            ok = !v.isUndefined();
            break;
        }
        if (!ok) {
            QString expected = typeName(param->type);
            if (param->type == Type::Integer) {
                expected += QStringLiteral(" in %1..%2").arg(param->min).arg(param->max);
            }
            problems.append({key, QStringLiteral("expected %1").arg(expected)});
        }
    }
    for (const auto& p : action->params) {
        if (p.required && !object.contains(QLatin1StringView(p.name))) {
            problems.append(
                {QString::fromLatin1(p.name),
                 QStringLiteral("required by '%1'").arg(QLatin1StringView(action->name))});
        }
    }
    if (QLatin1StringView(action->name) == QLatin1StringView("streamFail") &&
        !object.contains(QLatin1StringView("mediaSessionId")) &&
        !object.contains(QLatin1StringView("name"))) {
        problems.append(
            {QString(), QStringLiteral("'streamFail' needs 'mediaSessionId' or 'name'")});
    }
    if (QLatin1StringView(action->name) == QLatin1StringView("streamStatus")) {
        const QJsonValue status = object.value(QLatin1StringView("status"));
        QStringList allowed;
        for (const char* s : kLiveStreamStatuses) {
            allowed << QString::fromLatin1(s);
        }
        if (status.isString() && !allowed.contains(status.toString())) {
            problems.append(
                {QStringLiteral("status"),
                 QStringLiteral("expected one of: %1").arg(allowed.join(QStringLiteral(", ")))});
        }
    }
    return problems;
}

} // namespace emulator
