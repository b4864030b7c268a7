#include "LanguageLoader.h"

#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace app {

QStringList LanguageLoader::searchDirs(const QString& appDir) {
    const QDir dir(appDir);
    return {
        QDir::cleanPath(dir.filePath(QStringLiteral("../share/callboard/translations"))),
        QDir::cleanPath(dir.filePath(QStringLiteral("../../translations"))),
    };
}

LanguageLoader::Result LanguageLoader::install(QCoreApplication& app, const QString& language) {
    return install(app, language, searchDirs(QCoreApplication::applicationDirPath()));
}

LanguageLoader::Result LanguageLoader::install(QCoreApplication& app, const QString& language,
                                               const QStringList& dirs) {
    Result result;
    const bool chosen = !language.trimmed().isEmpty();
    result.locale = chosen ? QLocale(language.trimmed()) : QLocale::system();
    if (chosen) {
        if (result.locale == QLocale::c() && language.trimmed() != u"C") {
            result.warning = tr("Unknown language \"%1\"; using English.").arg(language);
            return result;
        }
        QLocale::setDefault(result.locale);
    }
    if (result.locale.language() == QLocale::English) {
        return result; // the source strings are English
    }
    auto* own = new QTranslator(&app);
    bool found = false;
    for (const QString& dir : dirs) {
        if (own->load(result.locale, QStringLiteral("callboard"), QStringLiteral("_"), dir)) {
            found = true;
            break;
        }
    }
    if (!found) {
        delete own;
        // Only an explicit choice is worth a warning: a system locale without a translation
        // is the normal case for most languages.
        if (chosen) {
            result.warning =
                tr("No translation for \"%1\" was found; using English.").arg(result.locale.name());
        }
        return result;
    }
    QCoreApplication::installTranslator(own);
    result.loaded << own->filePath();

    auto* qt = new QTranslator(&app);
    QStringList qtDirs = dirs;
    qtDirs << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString& dir : qtDirs) {
        if (qt->load(result.locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(qt);
            result.loaded << qt->filePath();
            return result;
        }
    }
    delete qt;
    return result;
}

} // namespace app
