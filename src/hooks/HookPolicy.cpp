#include "hooks/HookPolicy.h"

namespace hooks {

int HookPolicy::addRefuseRule(const QString& method, const QString& pattern) {
    if (pattern.isEmpty() || method.isEmpty()) {
        return 0;
    }
    QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
        pattern, QRegularExpression::UnanchoredWildcardConversion));
    re.setPattern(QRegularExpression::anchoredPattern(re.pattern()));
    if (!re.isValid()) {
        return 0;
    }
    re.optimize();
    const int id = m_nextId++;
    m_rules.append(Compiled{RefuseRule{id, method, pattern}, re});
    return id;
}

bool HookPolicy::removeRefuseRule(int id) {
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].rule.id == id) {
            m_rules.removeAt(i);
            return true;
        }
    }
    return false;
}

QList<HookPolicy::RefuseRule> HookPolicy::refuseRules() const {
    QList<RefuseRule> out;
    for (const Compiled& c : m_rules) {
        out.append(c.rule);
    }
    return out;
}

std::optional<HookPolicy::RefuseRule> HookPolicy::refusal(const QString& method,
                                                          const QString& name) const {
    for (const Compiled& c : m_rules) {
        if (c.rule.method == method && c.re.match(name).hasMatch()) {
            return c.rule;
        }
    }
    return std::nullopt;
}

} // namespace hooks
