#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QStringView>
#include <QtGlobal>

namespace core {

/// Writes one flat JSON object as compact UTF-8 text, byte for byte what
/// `QJsonDocument(object).toJson(QJsonDocument::Compact)` gives for the same QJsonObject, without
/// building the QJsonObject: strings escaped as Qt escapes them (`"`, `\`, controls as
/// `\b \f \n \r \t` or `\u00xx`, other characters as UTF-8, a lone surrogate as `\uxxxx`),
/// integers in decimal, embedded JSON text as Qt re-serializes it after parsing.
///
/// The caller writes the keys in QJsonObject's order (ascending UTF-16 code units, i.e. ASCII
/// order for the plain ASCII keys this class takes) and each key once; debug builds assert it.
/// Used for the event journal (core::EventJsonText).
class JsonTextWriter {
public:
    /// Starts the object (`{`); `reserveBytes` is the expected size of the text.
    explicit JsonTextWriter(qsizetype reserveBytes = 256);

    /// `"key":"value"`; a null string is written as "" (as QJsonValue does).
    void string(QLatin1StringView key, QStringView value);
    /// `"key":<decimal>`.
    void integer(QLatin1StringView key, qint64 value);
    /// `"key":true` / `"key":false`.
    void boolean(QLatin1StringView key, bool value);
    /// `"key":<value>` for the JSON text `json` (UTF-8; any JSON value), written as
    /// core::JsonText::serialize(core::JsonText::parse(json)) would write it; text that does not
    /// parse as exactly one value is written as a JSON string of itself (QString::fromUtf8).
    /// Text already in Qt's compact form (no whitespace, object keys unique and in order, ASCII
    /// strings without escapes, integers of at most 15 digits) is copied without parsing.
    void json(QLatin1StringView key, QByteArrayView json);
    /// As above for JSON text held in a QString (converted with toUtf8() when it must be parsed).
    void json(QLatin1StringView key, QStringView json);

    /// Closes the object (`}`) and returns the text; the writer is empty afterwards.
    QByteArray take();

private:
    void key(QLatin1StringView key);
    /// Makes room for `bytes` more bytes at the end; returns where they start.
    char* grow(qsizetype bytes);
    void appendEscaped(QStringView s);
    void appendParsed(QByteArrayView json);

    QByteArray m_out;
    bool m_first = true;
#ifndef QT_NO_DEBUG
    QLatin1StringView m_lastKey;
#endif
};

} // namespace core
