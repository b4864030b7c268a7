#include "emulator/ScenarioReader.h"

#include <cmath>

namespace emulator {

ScenarioReader::ScenarioReader(QJsonObject object, QString path, QList<Error>& errors)
    : m_obj(std::move(object))
    , m_path(std::move(path))
    , m_errors(errors) {}

QString ScenarioReader::childPath(const QString& parent, const QString& key) {
    bool identifier = !key.isEmpty() && !key.front().isDigit();
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_') {
            identifier = false;
        }
    }
    if (identifier) {
        return parent + u'.' + key;
    }
    QString escaped = key;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return parent + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString ScenarioReader::indexPath(const QString& parent, qsizetype index) {
    return parent + u'[' + QString::number(index) + u']';
}

bool ScenarioReader::has(QLatin1StringView key) {
    m_known.insert(QString(key));
    return m_obj.contains(key);
}

void ScenarioReader::error(const QString& key, const QString& message) {
    m_errors.append({key.isEmpty() ? m_path : pathOf(key), message});
}

qint64 ScenarioReader::integer(QLatin1StringView key, qint64 def, qint64 lo, qint64 hi) {
    if (!has(key)) {
        return def;
    }
    const QJsonValue v = m_obj.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(lo) ||
        d > double(hi)) {
        error(QString(key), QStringLiteral("expected an integer in %1..%2").arg(lo).arg(hi));
        return def;
    }
    return static_cast<qint64>(d);
}

int ScenarioReader::ms(QLatin1StringView key, int def, int lo) {
    return static_cast<int>(integer(key, def, lo, ScenarioParser::kMaxMs));
}

bool ScenarioReader::boolean(QLatin1StringView key, bool def) {
    if (!has(key)) {
        return def;
    }
    const QJsonValue v = m_obj.value(key);
    if (!v.isBool()) {
        error(QString(key), QStringLiteral("expected a boolean"));
        return def;
    }
    return v.toBool();
}

QString ScenarioReader::string(QLatin1StringView key, const QString& def, bool nonEmpty) {
    if (!has(key)) {
        return def;
    }
    const QJsonValue v = m_obj.value(key);
    if (!v.isString() || (nonEmpty && v.toString().isEmpty())) {
        error(QString(key), nonEmpty ? QStringLiteral("expected a non-empty string")
                                     : QStringLiteral("expected a string"));
        return def;
    }
    return v.toString();
}

std::optional<QJsonObject> ScenarioReader::object(QLatin1StringView key) {
    if (!has(key)) {
        return std::nullopt;
    }
    if (!m_obj.value(key).isObject()) {
        error(QString(key), QStringLiteral("expected an object"));
        return std::nullopt;
    }
    return m_obj.value(key).toObject();
}

std::optional<QJsonArray> ScenarioReader::array(QLatin1StringView key) {
    if (!has(key)) {
        return std::nullopt;
    }
    if (!m_obj.value(key).isArray()) {
        error(QString(key), QStringLiteral("expected an array"));
        return std::nullopt;
    }
    return m_obj.value(key).toArray();
}

void ScenarioReader::finish() {
    for (auto it = m_obj.begin(); it != m_obj.end(); ++it) {
        if (!m_known.contains(it.key())) {
            error(it.key(), QStringLiteral("unknown key"));
        }
    }
}

} // namespace emulator
