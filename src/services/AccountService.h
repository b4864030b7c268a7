#pragma once

#include "services/AccountFieldError.h"
#include "services/AccountProfile.h"
#include "services/AccountSaveResult.h"
#include "services/CredentialStore.h"
#include "wcs/SessionOptions.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

class QSettings;

namespace services {

/// The user's connection profiles (several at once), kept in a QSettings file under the group
/// "accounts/<id>", with their passwords in the keychain (services::CredentialStore, key
/// "account/<id>", and "turn/<id>" for the TURN password of the profile's ICE servers). A
/// password never goes to the settings file, a log or a profile struct.
///
/// Connecting and disconnecting profiles is someone else's job; this service only owns what
/// a profile is, checks it, stores it and turns a WCS profile into wcs::SessionOptions.
///
/// Both references must outlive the service. The settings object is synced after every
/// change; entries written by other QSettings objects are not watched.
class AccountService : public QObject {
    Q_OBJECT

public:
    /// Loads every profile found under "accounts/" in `settings`. Groups that do not hold a
    /// valid profile id are skipped (and logged).
    AccountService(QSettings& settings, CredentialStore& credentials, QObject* parent = nullptr);

    /// Every profile, ordered by name (case-insensitive), then id.
    QList<AccountProfile> profiles() const;
    /// The profile with this id, or nullopt.
    std::optional<AccountProfile> profile(const QString& id) const;

    /// Validates and stores a new profile; an empty id gets a fresh uuid. Errors: validation
    /// errors, or an "id" error when the id is taken. Emits profileAdded(id) on success.
    AccountSaveResult add(AccountProfile profile);
    /// Validates and replaces an existing profile. Errors: validation errors, or an "id"
    /// error when no profile has this id. Emits profileChanged(id) when something changed.
    AccountSaveResult update(const AccountProfile& profile);
    /// Removes the profile from the settings at once (emits profileRemoved(id)) and deletes
    /// its keychain entries (password and TURN password); `done` (optional) gets the keychain's
    /// answer for the password. Returns false (and
    /// does nothing) for an unknown id.
    bool remove(const QString& id, CredentialStore::DoneCallback done = {});

    /// Stores the password of profile `id` in the keychain. An unknown id fails with
    /// KeychainError::Kind::Other without touching the keychain.
    void storePassword(const QString& id, const QString& password,
                       CredentialStore::DoneCallback done);
    /// Reads the password of profile `id` from the keychain (NotFound when none is stored).
    void loadPassword(const QString& id, CredentialStore::ReadCallback done);

    /// Stores the TURN password (RFC 8656 long-term credential of AccountProfile::turnUser) of
    /// profile `id` in the keychain under turnCredentialKey(id); unknown id as storePassword().
    void storeTurnPassword(const QString& id, const QString& password,
                           CredentialStore::DoneCallback done);
    /// Reads the TURN password of profile `id` (NotFound when none is stored).
    void loadTurnPassword(const QString& id, CredentialStore::ReadCallback done);

    /// See AccountValidator::validate().
    static QList<AccountFieldError> validate(const AccountProfile& profile);
    /// The keychain key of a profile's password: "account/<id>".
    static QString credentialKey(const QString& id);
    /// The keychain key of a profile's TURN password: "turn/<id>". SessionPasswordCache keeps
    /// a TURN password typed for the session under the same key.
    static QString turnCredentialKey(const QString& id);
    /// Options for wcs::Session from a WCS profile and its password (sipPassword); nullopt for
    /// a SIP-over-WebSocket profile. The profile is assumed valid (see validate()); customJson
    /// is sent compact, sipPort 0 is left out, sipRegisterRequired is sent only with a
    /// sipLogin, keepAlive only when true.
    static std::optional<wcs::SessionOptions> sessionOptionsFor(const AccountProfile& profile,
                                                                const QString& password);

Q_SIGNALS:
    void profileAdded(const QString& id);
    void profileChanged(const QString& id);
    void profileRemoved(const QString& id);

private:
    void load();
    void write(const AccountProfile& profile);

    QSettings& m_settings;
    CredentialStore& m_credentials;
    QMap<QString, AccountProfile> m_profiles; ///< by id
};

} // namespace services
