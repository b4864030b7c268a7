#include "hooks/HookPolicy.h"

namespace hooks {

namespace {

/// Whole-name wildcard match: `*` any text (also empty), `?` one character (code point), every
/// other character literal, '/' and line breaks included. Greedy with one backtrack point, so
/// at most pattern length x name length steps, whatever the pattern.
bool wildcardMatch(const QList<uint>& pattern, const QList<uint>& name) {
    qsizetype p = 0;
    qsizetype n = 0;
    qsizetype star = -1;  // position of the last `*` seen in the pattern
    qsizetype resume = 0; // where in the name that `*` stopped matching
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] != '*' &&
            (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

} // namespace

int HookPolicy::addRefuseRule(const QString& method, const QString& pattern) {
    if (pattern.isEmpty() || method.isEmpty()) {
        return 0;
    }
    // Matched by hand, not through QRegularExpression::wildcardToRegularExpression: that
    // globbing is path-aware (`*` and `?` never matched '/', so "room-*" let "room-7/cam"
    // through), reads `[...]` as a class, and a backtracking regex of many `*` gave up on long
    // names (no match, so no refusal).
    const int id = m_nextId++;
    m_rules.append(Compiled{RefuseRule{id, method, pattern}, pattern.toUcs4()});
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
        if (c.rule.method == method && wildcardMatch(c.glob, name.toUcs4())) {
            return c.rule;
        }
    }
    return std::nullopt;
}

} // namespace hooks
