#include "CommandLine.h"

#include <QJsonArray>

namespace app {

CommandLine::CommandLine()
    : m_demo(QStringLiteral("demo"), tr("Start the built-in demo server and connect to it."))
    , m_profile(QStringLiteral("profile"), tr("Connect only the account profile NAME at start."),
                QStringLiteral("NAME"))
    , m_minimized(QStringLiteral("minimized"),
                  tr("Start hidden in the tray (minimised without a tray)."))
    , m_lang(QStringLiteral("lang"), tr("User interface language, e.g. en or ru."),
             QStringLiteral("CODE"))
    , m_tab(QStringLiteral("tab"),
            tr("Tab shown at start: phone, streams, servers, events, history."),
            QStringLiteral("NAME"))
    , m_dial(QStringLiteral("dial"), tr("Dial NUMBER once registered."), QStringLiteral("NUMBER"))
    , m_help(m_parser.addHelpOption())
    , m_version(m_parser.addVersionOption()) {
    m_parser.setApplicationDescription(
        tr("Desktop softphone and live stream monitor for Flashphoner WCS."));
    m_dial.setFlags(QCommandLineOption::HiddenFromHelp);
    for (const QCommandLineOption* o :
         {&m_demo, &m_profile, &m_minimized, &m_lang, &m_tab, &m_dial}) {
        m_parser.addOption(*o);
    }
    m_parser.addPositionalArgument(
        QStringLiteral("uri"),
        tr("A sip: or tel: address, or a number, to put into the phone's number field."),
        QStringLiteral("[uri]"));
}

bool CommandLine::parse(const QStringList& arguments) {
    m_error.clear();
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return false;
    }
    if (m_parser.positionalArguments().size() > 1) {
        m_error = tr("Only one address to dial can be given, not %1.")
                      .arg(m_parser.positionalArguments().size());
        return false;
    }
    return true;
}

void CommandLine::printAndExit() {
    if (versionRequested() && !helpRequested()) {
        m_parser.showVersion();
    }
    m_parser.showHelp(0);
}

bool CommandLine::helpRequested() const {
    return m_parser.isSet(m_help);
}
bool CommandLine::versionRequested() const {
    return m_parser.isSet(m_version);
}
bool CommandLine::demo() const {
    return m_parser.isSet(m_demo);
}
bool CommandLine::minimized() const {
    return m_parser.isSet(m_minimized);
}
QString CommandLine::profile() const {
    return m_parser.value(m_profile);
}
QString CommandLine::language() const {
    return m_parser.value(m_lang);
}
QString CommandLine::tab() const {
    return m_parser.value(m_tab);
}
QString CommandLine::autoDial() const {
    return m_parser.value(m_dial);
}
QString CommandLine::uri() const {
    const QStringList positional = m_parser.positionalArguments();
    return positional.isEmpty() ? QString() : positional.first();
}

QJsonObject CommandLine::handOffMessage(const QStringList& arguments) {
    return {{QStringLiteral("arguments"), QJsonArray::fromStringList(arguments.mid(1))}};
}

std::optional<QStringList> CommandLine::argumentsFromHandOff(const QJsonObject& message) {
    const QJsonValue value = message.value(QStringLiteral("arguments"));
    if (!value.isArray()) {
        return std::nullopt;
    }
    QStringList out{QStringLiteral("callboard")};
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isString()) {
            return std::nullopt;
        }
        out << v.toString();
    }
    return out;
}

} // namespace app
