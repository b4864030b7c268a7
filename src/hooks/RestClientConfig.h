#pragma once

#include "hooks/RestMethodConfig.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace hooks {

/// `restClientConfig` (spec §13.3): per REST method name, what WCS does with the backend's
/// answers for one session. The hook server puts it into its `connect` replies; the emulator
/// reads it from them. Methods without an entry use the defaults (LOG, NOTIFY, nothing
/// excluded).
class RestClientConfig {
public:
    void set(const QString& method, const RestMethodConfig& config) { m_methods[method] = config; }
    void remove(const QString& method) { m_methods.remove(method); }
    /// The entry for `method`, or the defaults.
    RestMethodConfig method(const QString& method) const { return m_methods.value(method); }
    bool contains(const QString& method) const { return m_methods.contains(method); }
    bool isEmpty() const { return m_methods.isEmpty(); }
    QStringList methods() const { return m_methods.keys(); }

    /// `{"<method>":{"clientExclude":"","restExclude":"","restOnError":"LOG|FAIL",
    /// "restPolicy":"NOTIFY|OVERWRITE|DISABLE","restOverwrite":""}, ...}`.
    QJsonObject toJson() const;
    /// Reads the object above. Tolerant: unknown `restOnError`/`restPolicy` values and
    /// non-object entries fall back to the defaults (LOG, NOTIFY), case is ignored.
    static RestClientConfig fromJson(const QJsonObject& object);

    /// Field names of a comma-separated list ("sdp, sipPassword" -> ["sdp","sipPassword"]).
    static QStringList fieldList(const QString& commaSeparated);

    friend bool operator==(const RestClientConfig&, const RestClientConfig&) = default;

private:
    QMap<QString, RestMethodConfig> m_methods;
};

} // namespace hooks
