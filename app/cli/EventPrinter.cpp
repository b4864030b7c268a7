#include "EventPrinter.h"

#include "core/EventJson.h"
#include "core/JsonText.h"
#include "wcs/Session.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

namespace cli {

EventPrinter::EventPrinter(bool verbose, QObject* parent)
    : QObject(parent)
    , m_verbose(verbose) {}

void EventPrinter::print(QJsonObject object) {
    object.insert(QLatin1StringView("ts"),
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void EventPrinter::attach(wcs::Session& s) {
    using core::EventJson;
    connect(&s, &wcs::Session::connectionStatusChanged, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::registrationStatusChanged, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::callStatusChanged, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::transferStatusChanged, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::streamStatusChanged, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::sessionDebugStatusChanged, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::dataStatusReceived, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::dataReceived, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::errorReceived, this,
            [this](const auto& e) { print(EventJson::toJson(e)); });
    connect(&s, &wcs::Session::streamEventReceived, this, [this](const wcs::StreamEvent& e) {
        QJsonObject o{{QStringLiteral("type"), QStringLiteral("StreamEvent")},
                      {QStringLiteral("mediaSessionId"), e.mediaSessionId},
                      {QStringLiteral("event"), e.type.text()}};
        o.insert(QStringLiteral("payload"),
                 core::JsonText::parse(e.payload).value_or(QJsonValue(QJsonValue::Null)));
        print(o);
    });
    connect(&s, &wcs::Session::streamAvailabilityReceived, this,
            [this](const wcs::StreamAvailability& a) {
                print({{QStringLiteral("type"), QStringLiteral("StreamAvailability")},
                       {QStringLiteral("id"), a.id},
                       {QStringLiteral("available"), a.available},
                       {QStringLiteral("info"), a.info}});
            });
    connect(&s, &wcs::Session::reconnectScheduled, this, [this](int attempt, int delayMs) {
        print({{QStringLiteral("type"), QStringLiteral("ReconnectScheduled")},
               {QStringLiteral("attempt"), attempt},
               {QStringLiteral("delayMs"), delayMs}});
    });
    connect(&s, &wcs::Session::protocolWarning, this,
            [this](const QString& reason, const QByteArray& frame) {
                print({{QStringLiteral("type"), QStringLiteral("ProtocolWarning")},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("frame"), QString::fromUtf8(frame)}});
            });
    connect(&s, &wcs::Session::commandRefused, this,
            [this](const QString& command, const QString& reason) {
                print({{QStringLiteral("type"), QStringLiteral("CommandRefused")},
                       {QStringLiteral("command"), command},
                       {QStringLiteral("reason"), reason}});
            });
    if (m_verbose) {
        connect(&s, &wcs::Session::frameLogged, this,
                [this](bool outgoing, const QByteArray& frame) {
                    print({{QStringLiteral("type"), QStringLiteral("Frame")},
                           {QStringLiteral("dir"),
                            outgoing ? QStringLiteral("C>S") : QStringLiteral("S>C")},
                           {QStringLiteral("raw"), QString::fromUtf8(frame)}});
                });
    }
}

} // namespace cli
