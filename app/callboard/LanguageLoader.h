#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace app {

/// Loads the UI language at start: `callboard_<code>.qm` (Callboard's strings) and Qt's own
/// `qtbase_<code>.qm` (standard dialogs, context menus) through QTranslator, installed on the
/// application before any window is built.
///
/// Search order for the .qm files: `<app dir>/../share/callboard/translations` (installed),
/// `<app dir>/../../translations` (build tree: build/app/callboard/callboard ->
/// build/translations), and for qtbase also Qt's translations directory
/// (QLibraryInfo::TranslationsPath).
class LanguageLoader {
    Q_DECLARE_TR_FUNCTIONS(app::LanguageLoader)

public:
    struct Result {
        QLocale locale;     ///< the language asked for (system locale when none)
        QStringList loaded; ///< absolute paths of the .qm files installed
        QString warning;    ///< why the language could not be loaded; empty when fine
    };

    /// Callboard's translation directories for an executable in `appDir`, existing or not.
    static QStringList searchDirs(const QString& appDir);

    /// Installs the translators for `language` ("ru", "de_AT"; empty = the system locale) on
    /// `app` (the translators are children of it) and makes it QLocale's default when given.
    /// English needs no file. A language without a `callboard_<code>.qm` keeps English and sets
    /// Result::warning (shown to the user by the caller).
    static Result install(QCoreApplication& app, const QString& language);
    /// The same, looking for the .qm files in `dirs` (first match wins; tests).
    static Result install(QCoreApplication& app, const QString& language, const QStringList& dirs);
};

} // namespace app
