#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <span>

namespace emulator {

/// The vocabulary of emulator actions, shared by the control endpoint (one JSON object per
/// request) and the scenario timeline (SCENARIO.md): every action name, its parameters and
/// their types and ranges. Validation only; ActionExecutor runs them.
class ActionCatalog {
public:
    enum class Type { String, Integer, Boolean, Any };

    struct Param {
        const char* name;
        Type type;
        bool required;
        qint64 min; ///< Integer only
        qint64 max; ///< Integer only
    };

    struct Action {
        const char* name;
        std::span<const Param> params;
        bool perSession; ///< applies to every session unless `sessionId` is given
        bool inTimeline; ///< may appear in a scenario timeline
    };

    /// One problem: `key` is the offending parameter ("" for the whole object).
    struct Problem {
        QString key;
        QString message;
    };

    /// The action named `name`, nullptr when unknown.
    static const Action* find(QStringView name);
    /// All action names, in catalog order.
    static QStringList names();
    /// Checks `object` (which holds `"action":<name>` and the parameters). Keys listed in
    /// `extraKeys` are skipped (the timeline's atMs, everyMs...). Empty list: valid.
    static QList<Problem> validate(const QJsonObject& object, const QStringList& extraKeys = {});
};

} // namespace emulator
