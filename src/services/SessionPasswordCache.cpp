#include "services/SessionPasswordCache.h"

namespace services {

namespace {

/// Best effort: overwrite the characters of a string we own before it is released.
void wipe(QString& secret) {
    secret.fill(QChar(u'\0'));
    secret.clear();
}

} // namespace

SessionPasswordCache::~SessionPasswordCache() {
    clearAll();
}

void SessionPasswordCache::set(const QString& profileId, const QString& password) {
    if (profileId.isEmpty()) {
        return;
    }
    auto it = m_passwords.find(profileId);
    if (it != m_passwords.end()) {
        wipe(it.value());
        it.value() = password;
        return;
    }
    m_passwords.insert(profileId, password);
}

std::optional<QString> SessionPasswordCache::password(const QString& profileId) const {
    const auto it = m_passwords.constFind(profileId);
    if (it == m_passwords.constEnd()) {
        return std::nullopt;
    }
    return it.value();
}

bool SessionPasswordCache::contains(const QString& profileId) const {
    return m_passwords.contains(profileId);
}

void SessionPasswordCache::clear(const QString& profileId) {
    auto it = m_passwords.find(profileId);
    if (it == m_passwords.end()) {
        return;
    }
    wipe(it.value());
    m_passwords.erase(it);
}

void SessionPasswordCache::clearAll() {
    for (auto it = m_passwords.begin(); it != m_passwords.end(); ++it) {
        wipe(it.value());
    }
    m_passwords.clear();
}

} // namespace services
