#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <array>
#include <string_view>
#include <utility>

namespace core {

namespace detail {

/// UTF-8 to QString, exactly. QString::fromUtf8 drops a leading U+FEFF as a byte order mark;
/// inside a JSON string it is text and must survive, or ids and names would not round-trip.
inline QString fromUtf8Exact(std::string_view utf8) {
    QString s = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    if (utf8.starts_with("\xEF\xBB\xBF")) {
        s.prepend(QChar(u'\uFEFF'));
    }
    return s;
}

} // namespace detail

/// Wire-name table of one status enum. Each enum header specialises it with
/// `static constexpr std::array<std::pair<E, std::string_view>, N> entries`, listing every
/// value except `E::Unknown` with its exact wire text (shared/spec/wcs-protocol.md §12).
template <typename E> struct WireTable;

/// A status as it arrived on the wire: the enum value and, when the text was not in the
/// table, the raw text (`value == E::Unknown`, `raw` holds what the server sent).
/// Known values keep `raw` null so that decoding a known status allocates nothing.
template <typename E> struct WireValue {
    E value = E::Unknown;
    QString raw;

    constexpr WireValue() = default;
    constexpr WireValue(E v)
        : value(v) {} // NOLINT(google-explicit-constructor): E is a value
    WireValue(E v, QString text)
        : value(v)
        , raw(std::move(text)) {}

    bool isUnknown() const { return value == E::Unknown; }
    /// The wire text: the table's name for known values, the received text otherwise.
    QString text() const;
    friend bool operator==(const WireValue& a, const WireValue& b) {
        return a.value == b.value && (a.value != E::Unknown || a.raw == b.raw);
    }
    friend bool operator==(const WireValue& a, E b) { return a.value == b; }
};

/// Wire text of `value`; an empty view for `E::Unknown`.
template <typename E> constexpr QLatin1StringView toWire(E value) {
    for (const auto& [v, name] : WireTable<E>::entries) {
        if (v == value) {
            return QLatin1StringView(name.data(), static_cast<qsizetype>(name.size()));
        }
    }
    return {};
}

/// Looks `text` up in the table (case-sensitive, as the SDK compares). Unknown text gives
/// `E::Unknown` with the text kept in `raw`.
template <typename E> WireValue<E> fromWire(std::string_view utf8) {
    for (const auto& [v, name] : WireTable<E>::entries) {
        if (name == utf8) {
            return WireValue<E>(v);
        }
    }
    return WireValue<E>(E::Unknown, detail::fromUtf8Exact(utf8));
}

/// As above, for UTF-16 text (Qt JSON, settings, the UI).
template <typename E> WireValue<E> fromWire(QStringView text) {
    for (const auto& [v, name] : WireTable<E>::entries) {
        if (QLatin1StringView(name.data(), static_cast<qsizetype>(name.size())) == text) {
            return WireValue<E>(v);
        }
    }
    return WireValue<E>(E::Unknown, text.toString());
}

template <typename E> QString WireValue<E>::text() const {
    return value == E::Unknown ? raw : QString(toWire(value));
}

} // namespace core
