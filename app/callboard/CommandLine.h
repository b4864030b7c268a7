#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace app {

/// The command line of the desktop app:
///
///     callboard [--demo] [--profile NAME] [--minimized] [--lang CODE] [--tab NAME] [URI]
///     callboard --help | --version
///
/// URI is a `sip:`/`sips:`/`tel:` address or a plain number to put into the phone's number
/// field (services::DialTarget parses it; nothing is dialled until the user presses Dial).
/// The hidden `--dial NUMBER` (tests, scripts) dials once an account is registered.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(app::CommandLine)

public:
    CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;

    /// Parses argv-style `arguments` (the first is the program). False with errorText() for an
    /// unknown option, a missing value or more than one URI. --help/--version are only
    /// recognised (helpRequested(), versionRequested()), never acted on.
    bool parse(const QStringList& arguments);
    /// For --help and --version: prints to stdout and exits the process (QCommandLineParser).
    [[noreturn]] void printAndExit();

    QString errorText() const { return m_error; }
    bool helpRequested() const;
    bool versionRequested() const;

    bool demo() const;
    bool minimized() const;
    QString profile() const;
    /// --lang value; empty when not given.
    QString language() const;
    QString tab() const;
    QString autoDial() const;
    /// The positional URI or number; empty when none.
    QString uri() const;

    /// What a second launch hands to the running instance: {"arguments":[...]} with the
    /// program name dropped.
    static QJsonObject handOffMessage(const QStringList& arguments);
    /// The argv-style list back from a hand-off message; nullopt when it is not one.
    static std::optional<QStringList> argumentsFromHandOff(const QJsonObject& message);

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_demo;
    QCommandLineOption m_profile;
    QCommandLineOption m_minimized;
    QCommandLineOption m_lang;
    QCommandLineOption m_tab;
    QCommandLineOption m_dial;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
    QString m_error;
};

} // namespace app
