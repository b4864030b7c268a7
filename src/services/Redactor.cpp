#include "services/Redactor.h"

#include <QRegularExpression>

#include <array>

namespace services {

namespace {

struct Rule {
    QRegularExpression re;
    int group;      ///< the capture group replaced by the mask
    bool quoteMask; ///< mask written as "***" (keeps JSON valid)
};

/// `pattern` with every `KEY` replaced by the secret-key expression.
QRegularExpression rule(QString pattern) {
    // Key names whose values are secret; the leading \w* also covers sipPassword, newPassword.
    // `credential` is the TURN password of a WebRTC iceServers entry.
    pattern.replace(QLatin1StringView("KEY"),
                    QLatin1StringView(R"(\b\w*(?:password|passwd|authtoken|credential)\b)"));
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

const std::array<Rule, 6>& rules() {
    static const std::array<Rule, 6> kRules{{
        // "key" : "value"   (the value may be cut off: no closing quote)
        {rule(QStringLiteral(R"("KEY"\s*:\s*"((?:[^"\\]|\\.)*))")), 1, false},
        // "key" : 12345 / true   (not null, not an object or array)
        {rule(QStringLiteral(R"("KEY"\s*:\s*(?!null\b)([^\s"{\[,}\]][^\s,}\]]*))")), 1, true},
        // \"key\" : \"value\"   (JSON text escaped inside a JSON string)
        {rule(QStringLiteral(R"(\\"KEY\\"\s*:\s*\\"((?:[^"\\]|\\[^"])*))")), 1, false},
        // key=value, key = "quoted value", key='quoted'
        {rule(QStringLiteral(R"(KEY\s*=\s*("[^"]*"?|'[^']*'?|[^\s&;,"'}\]]+))")), 1, false},
        // scheme://user:secret@host
        {rule(QStringLiteral(R"(\b[a-z][a-z0-9+.\-]*://[^\s/?#@:]*:([^\s/?#@]*)@)")), 1, false},
        // sip:user:secret@host, sips:...
        {rule(QStringLiteral(R"(\bsips?:[^\s/?#@:;]+:([^\s/?#@;]*)@)")), 1, false},
    }};
    return kRules;
}

/// Quick test: can `text` contain anything a rule matches?
bool mayContainSecret(const QString& text) {
    return text.contains(QLatin1StringView("pass"), Qt::CaseInsensitive) ||
           text.contains(QLatin1StringView("credential"), Qt::CaseInsensitive) ||
           text.contains(QLatin1StringView("token"), Qt::CaseInsensitive) ||
           text.contains(QLatin1Char('@'));
}

QString apply(const Rule& rule, const QString& text) {
    QRegularExpressionMatchIterator it = rule.re.globalMatch(text);
    if (!it.hasNext()) {
        return text;
    }
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype start = m.capturedStart(rule.group);
        if (start < 0) {
            continue;
        }
        out += QStringView(text).mid(pos, start - pos);
        if (rule.quoteMask) {
            out += QLatin1Char('"') + Redactor::mask() + QLatin1Char('"');
        } else {
            out += Redactor::mask();
        }
        pos = m.capturedEnd(rule.group);
    }
    out += QStringView(text).mid(pos);
    return out;
}

} // namespace

QString Redactor::redact(const QString& text) {
    if (!mayContainSecret(text)) {
        return text;
    }
    QString out = text;
    for (const Rule& rule : rules()) {
        out = apply(rule, out);
    }
    return out;
}

QByteArray Redactor::redact(QByteArrayView utf8) {
    return redact(QString::fromUtf8(utf8)).toUtf8();
}

} // namespace services
