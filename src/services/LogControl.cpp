#include "services/LogControl.h"

#include "services/LogControlCategories.h"

#include <QLoggingCategory>

#include <array>
#include <utility>

namespace services {

namespace {

QString settingsKey(const QString& category) {
    return QStringLiteral("logging/levels/") + category;
}

constexpr std::array kLevelTexts{
    std::pair{LogControl::Level::Debug, QLatin1StringView("debug")},
    std::pair{LogControl::Level::Info, QLatin1StringView("info")},
    std::pair{LogControl::Level::Warning, QLatin1StringView("warning")},
    std::pair{LogControl::Level::Critical, QLatin1StringView("critical")},
    std::pair{LogControl::Level::Off, QLatin1StringView("off")},
};

} // namespace

LogControl::LogControl(QSettings& settings, int ringCapacity, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_sink(ringCapacity) {
    for (const QString& category : categories()) {
        const QString stored = m_settings.value(settingsKey(category)).toString();
        m_levels.insert(category, levelFromText(stored).value_or(defaultLevel()));
    }
    apply();
    connect(&m_sink, &LogControlSink::lineAdded, this, &LogControl::lineAdded);
}

QStringList LogControl::categories() {
    return knownLogCategories();
}

bool LogControl::setLevel(const QString& category, Level level) {
    if (!m_levels.contains(category)) {
        qCWarning(lcServices) << "LogControl: unknown logging category" << category;
        return false;
    }
    const bool changed = m_levels.value(category) != level;
    m_levels.insert(category, level);
    m_settings.setValue(settingsKey(category), levelToText(level));
    m_settings.sync();
    apply();
    if (changed) {
        Q_EMIT levelChanged(category, level);
    }
    return true;
}

bool LogControl::setLevel(const QString& category, QtMsgType minimum) {
    return setLevel(category, levelFromMsgType(minimum));
}

LogControl::Level LogControl::level(const QString& category) const {
    return m_levels.value(category, defaultLevel());
}

QString LogControl::levelToText(Level level) {
    for (const auto& [l, text] : kLevelTexts) {
        if (l == level) {
            return QString(text);
        }
    }
    return {};
}

std::optional<LogControl::Level> LogControl::levelFromText(QStringView text) {
    for (const auto& [l, t] : kLevelTexts) {
        if (text.compare(t, Qt::CaseInsensitive) == 0) {
            return l;
        }
    }
    return std::nullopt;
}

LogControl::Level LogControl::levelFromMsgType(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return Level::Debug;
    case QtInfoMsg:
        return Level::Info;
    case QtWarningMsg:
        return Level::Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return Level::Critical;
    }
    return defaultLevel();
}

QString LogControl::buildRules(const QHash<QString, Level>& levels) {
    // Rank of each message type, in Level order (QtMsgType values are not ordered by severity).
    static constexpr std::array kTypes{
        std::pair{QLatin1StringView("debug"), Level::Debug},
        std::pair{QLatin1StringView("info"), Level::Info},
        std::pair{QLatin1StringView("warning"), Level::Warning},
        std::pair{QLatin1StringView("critical"), Level::Critical},
    };
    QStringList categoriesSorted = levels.keys();
    categoriesSorted.sort();
    QStringList rules;
    for (const QString& category : std::as_const(categoriesSorted)) {
        const Level minimum = levels.value(category);
        for (const auto& [type, typeLevel] : kTypes) {
            const bool enabled = minimum != Level::Off && typeLevel >= minimum;
            rules << category + QLatin1Char('.') + type + QLatin1Char('=') +
                         (enabled ? QLatin1StringView("true") : QLatin1StringView("false"));
        }
    }
    return rules.join(QLatin1Char('\n'));
}

void LogControl::apply() {
    m_rules = buildRules(m_levels);
    QLoggingCategory::setFilterRules(m_rules);
}

} // namespace services
