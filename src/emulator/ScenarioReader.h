#pragma once

#include "emulator/ScenarioParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace emulator {

/// Typed, path-aware reads of one object of a scenario (ScenarioParser's helper). Each read
/// marks its key as known; a missing key gives the default, a wrong type or range appends an
/// error with the key's JSON path and gives the default too. finish() reports the keys nobody
/// read as unknown. Never throws.
class ScenarioReader {
public:
    using Error = ScenarioParser::Error;

    ScenarioReader(QJsonObject object, QString path, QList<Error>& errors);

    /// `$.a.b` for identifier keys, `$.a["48 6"]` (escaped) for the others.
    static QString childPath(const QString& parent, const QString& key);
    /// `$.list[3]`.
    static QString indexPath(const QString& parent, qsizetype index);

    QString pathOf(const QString& key) const { return childPath(m_path, key); }
    /// Marks `key` known; true when it is present.
    bool has(QLatin1StringView key);
    /// Records an error at `key` (the object itself when `key` is empty).
    void error(const QString& key, const QString& message);

    qint64 integer(QLatin1StringView key, qint64 def, qint64 lo, qint64 hi);
    /// A time in ms within [lo, ScenarioParser::kMaxMs].
    int ms(QLatin1StringView key, int def, int lo = 0);
    bool boolean(QLatin1StringView key, bool def);
    QString string(QLatin1StringView key, const QString& def, bool nonEmpty = false);
    std::optional<QJsonObject> object(QLatin1StringView key);
    std::optional<QJsonArray> array(QLatin1StringView key);

    /// One of the wire names in `table`.
    template <typename E, std::size_t N>
    E choice(QLatin1StringView key, const std::array<std::pair<const char*, E>, N>& table, E def) {
        if (!has(key)) {
            return def;
        }
        const QJsonValue v = m_obj.value(key);
        QStringList names;
        for (const auto& [name, value] : table) {
            if (v.isString() && v.toString() == QLatin1StringView(name)) {
                return value;
            }
            names << QLatin1Char('"') + QLatin1StringView(name) + QLatin1Char('"');
        }
        error(QString(key),
              QStringLiteral("expected one of %1").arg(names.join(QStringLiteral(", "))));
        return def;
    }

    /// Reports every key that no read asked for.
    void finish();

private:
    QJsonObject m_obj;
    QString m_path;
    QList<Error>& m_errors;
    QSet<QString> m_known;
};

} // namespace emulator
