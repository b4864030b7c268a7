#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace services {

/// Passwords the user chose to TYPE EACH TIME instead of keeping them in the keychain
/// (for example because services::CredentialStore reported NoSecretService), kept for the
/// life of this object only: in memory, per profile id (the TURN password of a profile under
/// AccountService::turnCredentialKey(id), "turn/<id>"), never written to a file, a setting
/// or a log. There is no other fallback: nothing in Callboard stores passwords in plaintext.
///
/// Not thread-safe; use it from the thread that owns it (the GUI thread).
class SessionPasswordCache {
public:
    SessionPasswordCache() = default;
    ~SessionPasswordCache();
    SessionPasswordCache(const SessionPasswordCache&) = delete;
    SessionPasswordCache& operator=(const SessionPasswordCache&) = delete;

    /// Remembers `password` for `profileId` until clear()/clearAll()/destruction. An empty
    /// profile id is ignored.
    void set(const QString& profileId, const QString& password);
    /// The remembered password, or nullopt when the user has not typed one this session.
    std::optional<QString> password(const QString& profileId) const;
    bool contains(const QString& profileId) const;
    /// Forgets one profile's password (e.g. after the server rejected it); overwrites the
    /// characters before releasing them.
    void clear(const QString& profileId);
    /// Forgets everything (e.g. on "lock" or quit).
    void clearAll();
    int size() const { return static_cast<int>(m_passwords.size()); }

private:
    QHash<QString, QString> m_passwords;
};

} // namespace services
