// callboard: the desktop softphone and stream monitor (composition in AppComposition).
#include "AppComposition.h"
#include "AppServices.h"
#include "CommandLine.h"
#include "LanguageLoader.h"
#include "SingleInstance.h"
#include "TrayController.h"

#include "services/AccountConnector.h"
#include "services/AppSettings.h"
#include "services/DialTarget.h"

#include <QApplication>
#include <QSettings>
#include <QStatusBar>
#include <QStringList>
#include <QTimer>

#include "ui/windows/MainWindow.h"

#include <cstdio>
#include <cstring>

namespace {

void describe() {
    QCoreApplication::setApplicationName(QStringLiteral("callboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Callboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLBOARD_VERSION));
}

/// --help and --version print and exit: they must work without a display.
bool textOnly(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        for (const char* o : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], o) == 0) {
                return true;
            }
        }
    }
    return false;
}

void fail(const QString& text) {
    std::fprintf(stderr, "callboard: %s\n", qPrintable(text));
}

/// The language: --lang, else the saved preference (the user's settings file; the demo's
/// settings are throw-away and empty), else the system locale.
QString chosenLanguage(const app::CommandLine& cli) {
    if (!cli.language().isEmpty() || cli.demo()) {
        return cli.language();
    }
    QSettings settings;
    return services::AppSettings(settings).language();
}

} // namespace

int main(int argc, char* argv[]) {
    // Bad options are reported before anything needs a display.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i) {
        rawArguments << QString::fromLocal8Bit(argv[i]);
    }
    if (app::CommandLine early; !early.parse(rawArguments)) {
        fail(early.errorText());
        fail(QStringLiteral("Try 'callboard --help'."));
        return 1;
    }
    if (textOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        describe();
        app::CommandLine cli;
        if (!cli.parse(QCoreApplication::arguments())) {
            fail(cli.errorText());
            return 1;
        }
        cli.printAndExit();
    }
    QApplication app(argc, argv);
    describe();
    QApplication::setApplicationDisplayName(QStringLiteral("Callboard"));
    app::CommandLine cli;
    if (!cli.parse(QCoreApplication::arguments())) {
        fail(cli.errorText());
        fail(QStringLiteral("Try 'callboard --help'."));
        return 1;
    }

    // One instance per user: a second launch hands its arguments over and ends.
    app::SingleInstance instance(app::SingleInstance::defaultServerName(cli.demo()));
    switch (
        instance.sendToRunning(app::CommandLine::handOffMessage(QCoreApplication::arguments()))) {
    case app::SingleInstance::HandOff::Delivered:
        return 0;
    case app::SingleInstance::HandOff::Unresponsive:
        fail(QStringLiteral("another Callboard instance is running but does not answer."));
        return 1;
    case app::SingleInstance::HandOff::NoInstance:
        break;
    }
    if (!instance.listen()) {
        // Still usable; a later launch just starts a second window.
        fail(QStringLiteral("cannot listen for other launches: %1").arg(instance.errorString()));
    }

    const app::LanguageLoader::Result language =
        app::LanguageLoader::install(app, chosenLanguage(cli));
    if (!language.warning.isEmpty()) {
        fail(language.warning);
    }

    app::AppComposition::Options options;
    options.demo = cli.demo();
    options.dial = cli.autoDial();
    options.tab = cli.tab();
    options.profile = cli.profile();
    options.minimized = cli.minimized();
    app::AppComposition composition(options);
    if (!composition.start()) {
        fail(composition.errorString());
        return 1;
    }
    app::TrayController* tray = composition.trayController();
    QObject::connect(&instance, &app::SingleInstance::messageReceived, tray,
                     &app::TrayController::handOff);
    if (!cli.uri().isEmpty()) {
        tray->applyDialTarget(services::DialTarget::parse(cli.uri()));
    }
    if (!language.warning.isEmpty()) {
        composition.window()->statusBar()->showMessage(language.warning, 10000);
    }
    const int rc = QApplication::exec();
    // SIP over WebSocket accounts un-REGISTER before the process goes (at most 2 s).
    composition.services().connector().disconnectAllAndWait(2000);
    return rc;
}
