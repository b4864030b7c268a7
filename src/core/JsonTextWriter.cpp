#include "core/JsonTextWriter.h"

#include "core/JsonText.h"

#include <QString>

#include <algorithm>
#include <charconv>
#include <utility>

namespace core {

namespace {

/// Accepts JSON text that Qt's parser + compact writer would give back unchanged (a
/// conservative subset: anything else is parsed and re-serialized). Works on UTF-8 bytes and on
/// UTF-16 alike; only ASCII passes.
template <typename View> class CanonicalCheck {
public:
    explicit CanonicalCheck(View text)
        : m_s(text) {}

    bool run() { return value(0) && m_i == m_s.size(); }

private:
    static constexpr int MaxDepth = 32;
    static constexpr int MaxDigits = 15; ///< well inside qint64 and exact as a double too

    static int code(char c) { return static_cast<unsigned char>(c); }
    static int code(QChar c) { return c.unicode(); }
    /// The character at `i` (byte or UTF-16 unit), -1 past the end.
    int at(qsizetype i) const { return i < m_s.size() ? code(m_s[i]) : -1; }

    bool value(int depth) {
        switch (at(m_i)) {
        case '{':
            return depth < MaxDepth && object(depth + 1);
        case '[':
            return depth < MaxDepth && array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth) {
        ++m_i; // {
        if (at(m_i) == '}') {
            ++m_i;
            return true;
        }
        qsizetype prevBegin = -1;
        qsizetype prevEnd = -1;
        for (;;) {
            const qsizetype keyBegin = m_i + 1;
            if (at(m_i) != '"' || !string()) {
                return false;
            }
            const qsizetype keyEnd = m_i - 1;
            // Keys strictly ascending (ASCII order = QJsonObject's order); a duplicate fails.
            if (prevBegin >= 0 &&
                !std::lexicographical_compare(m_s.begin() + prevBegin, m_s.begin() + prevEnd,
                                              m_s.begin() + keyBegin, m_s.begin() + keyEnd)) {
                return false;
            }
            prevBegin = keyBegin;
            prevEnd = keyEnd;
            if (at(m_i) != ':') {
                return false;
            }
            ++m_i;
            if (!value(depth)) {
                return false;
            }
            if (at(m_i) == '}') {
                ++m_i;
                return true;
            }
            if (at(m_i) != ',') {
                return false;
            }
            ++m_i;
        }
    }

    bool array(int depth) {
        ++m_i; // [
        if (at(m_i) == ']') {
            ++m_i;
            return true;
        }
        for (;;) {
            if (!value(depth)) {
                return false;
            }
            if (at(m_i) == ']') {
                ++m_i;
                return true;
            }
            if (at(m_i) != ',') {
                return false;
            }
            ++m_i;
        }
    }

    /// Printable ASCII without escapes.
    bool string() {
        ++m_i; // "
        for (;;) {
            const int c = at(m_i++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return false;
            }
        }
    }

    bool literal(const char* word) {
        for (; *word; ++word, ++m_i) {
            if (at(m_i) != *word) {
                return false;
            }
        }
        return true;
    }

    /// `-?(0|[1-9][0-9]*)`, at most MaxDigits digits, not "-0".
    bool number() {
        const bool negative = at(m_i) == '-';
        if (negative) {
            ++m_i;
        }
        if (at(m_i) == '0') {
            ++m_i;
            return !negative && !isDigitOrFraction(at(m_i));
        }
        int digits = 0;
        while (at(m_i) >= '0' && at(m_i) <= '9') {
            ++m_i;
            ++digits;
        }
        return digits > 0 && digits <= MaxDigits && !isDigitOrFraction(at(m_i));
    }

    static bool isDigitOrFraction(int c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';
    }

    View m_s;
    qsizetype m_i = 0;
};

char hexDigit(uint v) {
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

} // namespace

JsonTextWriter::JsonTextWriter(qsizetype reserveBytes) {
    m_out.reserve(reserveBytes);
    m_out.append('{');
}

void JsonTextWriter::key(QLatin1StringView key) {
#ifndef QT_NO_DEBUG
    Q_ASSERT_X(m_first || m_lastKey < key, "JsonTextWriter", "keys out of QJsonObject order");
    m_lastKey = key;
#endif
    // [,]"key":  written in place (QByteArray::append goes through the generic insert()).
    char* p = grow(key.size() + (m_first ? 3 : 4));
    if (!m_first) {
        *p++ = ',';
    }
    m_first = false;
    *p++ = '"';
    p = std::copy_n(key.data(), key.size(), p);
    *p++ = '"';
    *p = ':';
}

char* JsonTextWriter::grow(qsizetype bytes) {
    const qsizetype pos = m_out.size();
    m_out.resize(pos + bytes);
    return m_out.data() + pos;
}

void JsonTextWriter::string(QLatin1StringView key, QStringView value) {
    this->key(key);
    appendEscaped(value);
}

void JsonTextWriter::integer(QLatin1StringView key, qint64 value) {
    this->key(key);
    constexpr qsizetype MaxChars = 20; // "-9223372036854775808"
    char* p = grow(MaxChars);
    const auto [end, ec] = std::to_chars(p, p + MaxChars, value);
    Q_UNUSED(ec) // always fits
    m_out.truncate(end - m_out.constData());
}

void JsonTextWriter::boolean(QLatin1StringView key, bool value) {
    this->key(key);
    if (value) {
        std::copy_n("true", 4, grow(4));
    } else {
        std::copy_n("false", 5, grow(5));
    }
}

void JsonTextWriter::json(QLatin1StringView key, QByteArrayView json) {
    this->key(key);
    if (CanonicalCheck<QByteArrayView>(json).run()) {
        m_out.append(json);
    } else {
        appendParsed(json);
    }
}

void JsonTextWriter::json(QLatin1StringView key, QStringView json) {
    this->key(key);
    if (CanonicalCheck<QStringView>(json).run()) {
        std::transform(json.begin(), json.end(), grow(json.size()),
                       [](QChar c) { return char(c.unicode()); }); // checked: ASCII only
    } else {
        appendParsed(json.toUtf8());
    }
}

QByteArray JsonTextWriter::take() {
    m_out.append('}');
    m_first = true;
    return std::exchange(m_out, QByteArray());
}

void JsonTextWriter::appendParsed(QByteArrayView json) {
    if (const std::optional<QJsonValue> v = JsonText::parse(json)) {
        m_out.append(JsonText::serialize(*v));
    } else {
        appendEscaped(QString::fromUtf8(json));
    }
}

// The escaping of Qt's JSON writer (qjsonwriter.cpp, escapedString), in one pass.
void JsonTextWriter::appendEscaped(QStringView s) {
    char* p = grow(2 + 6 * s.size()); // worst case: every UTF-16 unit as \uxxxx
    *p++ = '"';
    const char16_t* src = s.utf16();
    const char16_t* const end = src + s.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                *p++ = char(u);
                continue;
            }
            *p++ = '\\';
            switch (u) {
            case u'"':
                *p++ = '"';
                break;
            case u'\\':
                *p++ = '\\';
                break;
            case u'\b':
                *p++ = 'b';
                break;
            case u'\f':
                *p++ = 'f';
                break;
            case u'\n':
                *p++ = 'n';
                break;
            case u'\r':
                *p++ = 'r';
                break;
            case u'\t':
                *p++ = 't';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hexDigit(u >> 4);
                *p++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *p++ = char(0xc0 | (u >> 6));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *p++ = char(0xe0 | (u >> 12));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t c = QChar::surrogateToUcs4(u, *src++);
            *p++ = char(0xf0 | (c >> 18));
            *p++ = char(0x80 | ((c >> 12) & 0x3f));
            *p++ = char(0x80 | ((c >> 6) & 0x3f));
            *p++ = char(0x80 | (c & 0x3f));
        } else { // a lone surrogate is not UTF-8: Qt writes it as an escape
            *p++ = '\\';
            *p++ = 'u';
            *p++ = hexDigit((u >> 12) & 0xf);
            *p++ = hexDigit((u >> 8) & 0xf);
            *p++ = hexDigit((u >> 4) & 0xf);
            *p++ = hexDigit(u & 0xf);
        }
    }
    *p++ = '"';
    m_out.truncate(p - m_out.constData());
}

} // namespace core
