#include "hooks/RestClientConfig.h"

using namespace Qt::Literals::StringLiterals;

namespace hooks {

QJsonObject RestClientConfig::toJson() const {
    QJsonObject out;
    for (auto it = m_methods.cbegin(); it != m_methods.cend(); ++it) {
        const RestMethodConfig& c = it.value();
        QString policy = u"NOTIFY"_s;
        if (c.restPolicy == RestMethodConfig::Policy::Overwrite) {
            policy = u"OVERWRITE"_s;
        } else if (c.restPolicy == RestMethodConfig::Policy::Disable) {
            policy = u"DISABLE"_s;
        }
        out.insert(
            it.key(),
            QJsonObject{{u"clientExclude"_s, c.clientExclude},
                        {u"restExclude"_s, c.restExclude},
                        {u"restOnError"_s,
                         c.restOnError == RestMethodConfig::OnError::Fail ? u"FAIL"_s : u"LOG"_s},
                        {u"restPolicy"_s, policy},
                        {u"restOverwrite"_s, c.restOverwrite}});
    }
    return out;
}

RestClientConfig RestClientConfig::fromJson(const QJsonObject& object) {
    RestClientConfig out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        RestMethodConfig c;
        c.clientExclude = o.value(u"clientExclude").toString();
        c.restExclude = o.value(u"restExclude").toString();
        c.restOverwrite = o.value(u"restOverwrite").toString();
        if (o.value(u"restOnError").toString().compare(u"FAIL", Qt::CaseInsensitive) == 0) {
            c.restOnError = RestMethodConfig::OnError::Fail;
        }
        const QString policy = o.value(u"restPolicy").toString();
        if (policy.compare(u"OVERWRITE", Qt::CaseInsensitive) == 0) {
            c.restPolicy = RestMethodConfig::Policy::Overwrite;
        } else if (policy.compare(u"DISABLE", Qt::CaseInsensitive) == 0) {
            c.restPolicy = RestMethodConfig::Policy::Disable;
        }
        out.m_methods.insert(it.key(), c);
    }
    return out;
}

QStringList RestClientConfig::fieldList(const QString& commaSeparated) {
    QStringList out;
    for (const QString& part : commaSeparated.split(u',', Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty()) {
            out.append(t);
        }
    }
    return out;
}

} // namespace hooks
