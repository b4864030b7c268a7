#pragma once

#include "services/LogControlSink.h"

#include <QHash>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace services {

/// Run-time switches for the logging categories of the debug panel, persisted in settings, and
/// the ring-buffer sink (LogControlSink) the panel reads.
///
/// * The categories are knownLogCategories() (`callboard.wcs.transport`, ...,
///   `callboard.services`). Each has a minimum level; messages below it are filtered out.
/// * Levels are applied with QLoggingCategory::setFilterRules(), which LogControl owns: other
///   code must not call it. QT_LOGGING_RULES in the environment still overrides.
/// * Levels are stored in the QSettings given to the constructor under
///   `logging/levels/<category>` as "debug", "info", "warning", "critical" or "off", and are
///   restored (and applied) by the constructor. Unknown stored text falls back to defaultLevel().
class LogControl : public QObject {
    Q_OBJECT
public:
    /// Minimum level of a category; Off drops everything but fatal messages.
    enum class Level { Debug, Info, Warning, Critical, Off };
    Q_ENUM(Level)

    /// Restores the persisted levels, applies them, and installs the sink (`ringCapacity`
    /// lines). `settings` must outlive this object.
    explicit LogControl(QSettings& settings, int ringCapacity = 5000, QObject* parent = nullptr);

    /// The categories that can be switched (knownLogCategories()).
    static QStringList categories();
    /// Level of a category nobody has switched: Info.
    static Level defaultLevel() { return Level::Info; }

    /// Sets the minimum level of `category`, applies the rules and persists. Returns false
    /// (nothing changed) for a category not in categories().
    bool setLevel(const QString& category, Level level);
    /// Same with a Qt message type as the minimum (QtFatalMsg counts as Critical).
    bool setLevel(const QString& category, QtMsgType minimum);
    /// Current minimum level of `category` (defaultLevel() for unknown categories).
    Level level(const QString& category) const;
    /// The rules string last given to QLoggingCategory::setFilterRules().
    QString filterRules() const { return m_rules; }

    /// "debug", "info", "warning", "critical", "off".
    static QString levelToText(Level level);
    /// Inverse of levelToText (case-insensitive); nullopt for other text.
    static std::optional<Level> levelFromText(QStringView text);
    /// The Level whose minimum is `type`.
    static Level levelFromMsgType(QtMsgType type);
    /// The rules string for `levels` (category -> level); every category gets four lines
    /// `<category>.<debug|info|warning|critical>=<true|false>`.
    static QString buildRules(const QHash<QString, Level>& levels);

    /// The ring-buffer sink (lines, lineAdded, export).
    LogControlSink& sink() { return m_sink; }
    const LogControlSink& sink() const { return m_sink; }
    /// Shortcut for sink().lines(): the stored lines, oldest first, redacted.
    QStringList lines() const { return m_sink.lines(); }
    /// "Export logs": writes the stored lines to `path`. False + `error` on failure.
    bool exportLogs(const QString& path, QString* error = nullptr) const {
        return m_sink.exportTo(path, error);
    }

Q_SIGNALS:
    /// The minimum level of `category` was changed by setLevel().
    void levelChanged(const QString& category, services::LogControl::Level level);
    /// Forwarded from the sink: one stored line, delivered queued in this object's thread.
    void lineAdded(const QString& line);

private:
    void apply();

    QSettings& m_settings;
    QHash<QString, Level> m_levels;
    QString m_rules;
    LogControlSink m_sink;
};

} // namespace services
