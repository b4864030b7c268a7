#include "SoakScenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace soak {

QByteArray SoakScenario::toJson() const {
    QJsonArray background;
    for (int i = 0; i < streams; ++i) {
        background.append(QJsonObject{{QStringLiteral("name"), name(i)},
                                      {QStringLiteral("startAfterMs"), i * 5},
                                      {QStringLiteral("upMs"), upMs(i)},
                                      {QStringLiteral("downMs"), downMs(i)},
                                      {QStringLiteral("end"), QStringLiteral("alternate")}});
    }
    QJsonArray timeline;
    if (reconnectEveryMs > 0) {
        timeline.append(QJsonObject{{QStringLiteral("atMs"), reconnectEveryMs},
                                    {QStringLiteral("everyMs"), reconnectEveryMs},
                                    {QStringLiteral("scope"), QStringLiteral("server")},
                                    {QStringLiteral("action"), QStringLiteral("drop")}});
    }
    const QJsonObject scenario{
        {QStringLiteral("description"), QStringLiteral("callboard-soak: flapping streams, calls, "
                                                       "periodic connection drops")},
        {QStringLiteral("keepAliveGraceMs"), 60000},
        {QStringLiteral("registration"), QJsonObject{{QStringLiteral("delayMs"), 50}}},
        {QStringLiteral("calls"),
         QJsonObject{{QStringLiteral("ringAfterMs"), 100},
                     {QStringLiteral("defaultCallee"),
                      QJsonObject{{QStringLiteral("answerAfterMs"), 400},
                                  {QStringLiteral("hangupAfterMs"), 60000}}}}},
        {QStringLiteral("backgroundStreams"), background},
        {QStringLiteral("timeline"), timeline}};
    return QJsonDocument(scenario).toJson(QJsonDocument::Indented);
}

} // namespace soak
