#include "FrameTally.h"

#include "EventKinds.h"

#include "core/ConnectionStatusEvent.h"
#include "wcs/Session.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace soak {

FrameTally::FrameTally(QObject* parent)
    : QObject(parent) {}

void FrameTally::attach(wcs::Session& session) {
    connect(&session, &wcs::Session::connectionStatusChanged, this,
            [this](const core::ConnectionStatusEvent& e) {
                if (e.status == core::SessionStatus::Connected) {
                    m_perSocket.append(0); // a new socket is open; frames follow
                }
            });
    connect(&session, &wcs::Session::frameLogged, this, &FrameTally::onFrame);
}

void FrameTally::onFrame(bool outgoing, const QByteArray& frame) {
    if (outgoing) {
        return;
    }
    const QString message =
        QJsonDocument::fromJson(frame).object().value(QLatin1StringView("message")).toString();
    const QString type = EventKinds::journalType(message);
    if (type.isNull()) {
        ++m_other;
        return;
    }
    ++m_events;
    ++m_byType[type];
    if (m_perSocket.isEmpty()) {
        m_perSocket.append(0);
    }
    ++m_perSocket.last();
}

} // namespace soak
