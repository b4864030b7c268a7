#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace hooks {

/// The operator's backend powers of spec §13.2, as the hook server applies them:
/// * refuse rules: a direct invocation (`publishStream`, `playStream`, ...) whose `name`
///   matches a wildcard pattern (`*` any text, `?` one character, whole name, case-sensitive)
///   is answered 403, so WCS aborts it and the client gets FAILED;
/// * "end at next keep-alive": the next `StreamKeepAliveEvent` of a chosen `mediaSessionId` is
///   answered 403, so WCS terminates that stream (client: FAILED "Terminated by keep-alive").
class HookPolicy {
public:
    struct RefuseRule {
        int id = 0;
        QString method;  ///< hook name, e.g. "publishStream"
        QString pattern; ///< wildcard over the stream `name`
    };

    /// Adds a rule; returns its id (> 0), or 0 when `method` or `pattern` is empty.
    int addRefuseRule(const QString& method, const QString& pattern);
    bool removeRefuseRule(int id);
    QList<RefuseRule> refuseRules() const;
    /// The rule that refuses `method` for stream `name`, if any.
    std::optional<RefuseRule> refusal(const QString& method, const QString& name) const;

    /// Answers 403 to the next keep-alive of `mediaSessionId` (once).
    void endAtNextKeepAlive(const QString& mediaSessionId) {
        m_endAtKeepAlive.insert(mediaSessionId);
    }
    bool cancelEnd(const QString& mediaSessionId) {
        return m_endAtKeepAlive.remove(mediaSessionId);
    }
    bool isEndPending(const QString& mediaSessionId) const {
        return m_endAtKeepAlive.contains(mediaSessionId);
    }
    /// True (and forgets the request) when this keep-alive must get 403.
    bool takeEnd(const QString& mediaSessionId) { return m_endAtKeepAlive.remove(mediaSessionId); }
    QList<QString> pendingEnds() const { return m_endAtKeepAlive.values(); }

private:
    struct Compiled {
        RefuseRule rule;
        QList<uint> glob; ///< `pattern` as code points
    };
    QList<Compiled> m_rules;
    QSet<QString> m_endAtKeepAlive;
    int m_nextId = 1;
};

} // namespace hooks
