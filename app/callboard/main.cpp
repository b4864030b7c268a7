// callboard: the desktop softphone and stream monitor (composition in AppComposition).
#include "AppComposition.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

struct Cli {
    QCommandLineParser parser;
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the built-in demo server and connect to it.")};
    QCommandLineOption dial{QStringLiteral("dial"),
                            QCoreApplication::translate("main", "Dial NUMBER once registered."),
                            QStringLiteral("NUMBER")};
    QCommandLineOption tab{
        QStringLiteral("tab"),
        QCoreApplication::translate("main", "Tab shown at start: phone, streams, events, history."),
        QStringLiteral("NAME")};

    Cli() {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Desktop softphone and live stream monitor for Flashphoner WCS."));
        parser.addHelpOption();
        parser.addVersionOption();
        dial.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(demo);
        parser.addOption(dial);
        parser.addOption(tab);
    }
};

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

} // namespace

int main(int argc, char* argv[]) {
    if (textOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        describe();
        Cli cli;
        cli.parser.process(core); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    describe();
    QApplication::setApplicationDisplayName(QStringLiteral("Callboard"));
    Cli cli;
    cli.parser.process(app);

    app::AppComposition::Options options;
    options.demo = cli.parser.isSet(cli.demo);
    options.dial = cli.parser.value(cli.dial);
    options.tab = cli.parser.value(cli.tab);
    app::AppComposition composition(options);
    if (!composition.start()) {
        std::fprintf(stderr, "callboard: %s\n", qPrintable(composition.errorString()));
        return 1;
    }
    return QApplication::exec();
}
