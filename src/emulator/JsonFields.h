#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <optional>

namespace emulator {

/// Tolerant reads of client JSON fields, as spec §2.1 asks of every WCS peer: absent and null are
/// alike, booleans also come as "true"/"false" strings, numbers also as numeric strings, strings
/// also as numbers. Never throws, whatever the input.
class JsonFields {
public:
    /// A string (numbers are given as text); null QString when absent, null or not a scalar.
    static QString string(const QJsonObject& o, QLatin1StringView key) {
        const QJsonValue v = o.value(key);
        if (v.isString()) {
            return v.toString();
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            return d == std::floor(d) && std::abs(d) < 9e15 ? QString::number(qint64(d))
                                                            : QString::number(d);
        }
        return {};
    }

    static std::optional<bool> boolean(const QJsonObject& o, QLatin1StringView key) {
        const QJsonValue v = o.value(key);
        if (v.isBool()) {
            return v.toBool();
        }
        if (v.isString()) {
            if (v.toString() == QLatin1StringView("true")) {
                return true;
            }
            if (v.toString() == QLatin1StringView("false")) {
                return false;
            }
        }
        return std::nullopt;
    }

    /// An integer within [lo, hi]; numeric strings accepted; anything else gives nullopt.
    static std::optional<qint64> integer(const QJsonObject& o, QLatin1StringView key,
                                         qint64 lo = -(qint64(1) << 53),
                                         qint64 hi = qint64(1) << 53) {
        const QJsonValue v = o.value(key);
        double d = 0;
        if (v.isDouble()) {
            d = v.toDouble();
        } else if (v.isString()) {
            bool ok = false;
            d = v.toString().trimmed().toDouble(&ok);
            if (!ok) {
                return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
        if (!std::isfinite(d) || d != std::floor(d) || d < double(lo) || d > double(hi)) {
            return std::nullopt;
        }
        return static_cast<qint64>(d);
    }
};

} // namespace emulator
