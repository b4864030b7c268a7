#pragma once

// Internal to Codec.cpp: tolerant field access on a simdjson DOM object (spec §2.1).
// Not installed, not part of the API.

#include "core/WireValue.h"

#include <QByteArray>
#include <QLocale>
#include <QString>

#include <simdjson.h>

#include <optional>
#include <string_view>

namespace wcs::detail {

/// Reads the fields of one JSON object. Absent and null are alike; booleans also from
/// "true"/"false"; numbers also from numeric strings; strings also from numbers. A key field
/// of the wrong type records the first error in `error`.
class JsonReader {
public:
    explicit JsonReader(simdjson::dom::object o)
        : m_obj(o) {}

    QString error;

    std::optional<simdjson::dom::element> get(std::string_view key) const {
        simdjson::dom::element e;
        if (m_obj.at_key(key).get(e) != simdjson::SUCCESS || e.is_null()) {
            return std::nullopt;
        }
        return e;
    }

    QString string(std::string_view key) const {
        const auto e = get(key);
        return e ? toText(*e) : QString();
    }

    /// A string the message cannot do without: absent or non-string sets `error`.
    QString requiredString(std::string_view key, std::string_view message) {
        const auto e = get(key);
        std::string_view sv;
        if (e && e->get_string().get(sv) == simdjson::SUCCESS && !sv.empty()) {
            return fromUtf8(sv);
        }
        if (error.isEmpty()) {
            error = QStringLiteral("'%1' needs a non-empty string '%2', got %3")
                        .arg(fromUtf8(message), fromUtf8(key),
                             e ? typeName(*e) : QStringLiteral("nothing"));
        }
        return {};
    }

    std::optional<bool> boolean(std::string_view key) const {
        const auto e = get(key);
        if (!e) {
            return std::nullopt;
        }
        bool b = false;
        if (e->get_bool().get(b) == simdjson::SUCCESS) {
            return b;
        }
        std::string_view sv;
        if (e->get_string().get(sv) == simdjson::SUCCESS) {
            if (sv == "true") {
                return true;
            }
            if (sv == "false") {
                return false;
            }
        }
        return std::nullopt;
    }

    std::optional<qint64> integer(std::string_view key) const {
        const auto e = get(key);
        return e ? toInteger(*e) : std::nullopt;
    }

    std::optional<int> int32(std::string_view key) const {
        const auto v = integer(key);
        if (!v || *v < INT32_MIN || *v > INT32_MAX) {
            return std::nullopt;
        }
        return static_cast<int>(*v);
    }

    /// The value of `key` as compact JSON text; empty when absent or null.
    QByteArray json(std::string_view key) const {
        const auto e = get(key);
        return e ? minify(*e) : QByteArray();
    }

    /// A status field: text looked up in E's table; absent gives `fallback`; a non-string
    /// sets `error`.
    template <typename E>
    core::WireValue<E> status(std::string_view key, std::string_view message, E fallback) {
        const auto e = get(key);
        if (!e) {
            return core::WireValue<E>(fallback);
        }
        std::string_view sv;
        if (e->get_string().get(sv) == simdjson::SUCCESS) {
            return core::fromWire<E>(sv);
        }
        if (error.isEmpty()) {
            error = QStringLiteral("'%1' field '%2' is %3, expected string")
                        .arg(fromUtf8(message), fromUtf8(key), typeName(*e));
        }
        return core::WireValue<E>(fallback);
    }

    /// Exact UTF-8 to UTF-16: a leading U+FEFF in a string value is kept (QString::fromUtf8
    /// would drop it as a byte order mark; found by fuzz_codec_decode).
    static QString fromUtf8(std::string_view sv) { return core::detail::fromUtf8Exact(sv); }

    /// A string, or the text of a number (`12345`, `2.5`); null for any other type.
    static QString toText(simdjson::dom::element e) {
        switch (e.type()) {
        case simdjson::dom::element_type::STRING: {
            const std::string_view sv = e.get_string().value_unsafe();
            return sv.empty() ? QStringLiteral("") : fromUtf8(sv);
        }
        case simdjson::dom::element_type::INT64:
            return QString::number(static_cast<qint64>(e.get_int64().value_unsafe()));
        case simdjson::dom::element_type::UINT64:
            return QString::number(static_cast<quint64>(e.get_uint64().value_unsafe()));
        case simdjson::dom::element_type::DOUBLE:
            return QString::number(e.get_double().value_unsafe(), 'g',
                                   QLocale::FloatingPointShortest);
        default:
            return {};
        }
    }

    static std::optional<qint64> toInteger(simdjson::dom::element e) {
        int64_t i = 0;
        if (e.get_int64().get(i) == simdjson::SUCCESS) {
            return i;
        }
        double d = 0;
        if (e.get_double().get(d) == simdjson::SUCCESS && d > -9.2e18 && d < 9.2e18) {
            return static_cast<qint64>(d);
        }
        std::string_view sv;
        if (e.get_string().get(sv) == simdjson::SUCCESS) {
            bool ok = false;
            const qint64 v = QByteArrayView(sv.data(), static_cast<qsizetype>(sv.size()))
                                 .trimmed()
                                 .toLongLong(&ok);
            if (ok) {
                return v;
            }
        }
        return std::nullopt;
    }

    static QByteArray minify(simdjson::dom::element e) {
        // A reused builder keeps its buffer: no growth or std::string per payload. The builder
        // lives in simdjson::internal but is the one simdjson::minify() itself uses.
        thread_local simdjson::internal::string_builder<> builder;
        builder.clear();
        builder.append(e);
        const std::string_view s = builder.str();
        return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
    }

    static QString typeName(simdjson::dom::element e) {
        switch (e.type()) {
        case simdjson::dom::element_type::ARRAY:
            return QStringLiteral("array");
        case simdjson::dom::element_type::OBJECT:
            return QStringLiteral("object");
        case simdjson::dom::element_type::STRING:
            return QStringLiteral("string");
        case simdjson::dom::element_type::BOOL:
            return QStringLiteral("boolean");
        case simdjson::dom::element_type::NULL_VALUE:
            return QStringLiteral("null");
        case simdjson::dom::element_type::INT64:
        case simdjson::dom::element_type::UINT64:
        case simdjson::dom::element_type::DOUBLE:
            return QStringLiteral("number");
        }
        return QStringLiteral("unknown");
    }

private:
    simdjson::dom::object m_obj;
};

} // namespace wcs::detail
