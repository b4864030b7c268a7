// callboard-cli: scriptable WCS client (see --help). Composition root only.
#include "CliOptions.h"
#include "CliRunner.h"
#include "UnixSignalWatcher.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callboard-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLBOARD_VERSION));

    cli::CliOptions options;
    QString error;
    bool exitNow = false;
    if (!cli::CliOptionsParser::parse(QCoreApplication::arguments(), options, error, exitNow)) {
        QTextStream(stderr) << "callboard-cli: " << error << '\n';
        return cli::ExitUsage;
    }
    if (exitNow) {
        return cli::ExitOk;
    }
    cli::CliRunner runner(options);
    UnixSignalWatcher signals;
    QObject::connect(&signals, &UnixSignalWatcher::terminationRequested, &runner,
                     &cli::CliRunner::interrupt);
    QObject::connect(&runner, &cli::CliRunner::finished, &app, &QCoreApplication::exit);
    if (!runner.start()) {
        return cli::ExitConnectFailed;
    }
    return QCoreApplication::exec();
}
