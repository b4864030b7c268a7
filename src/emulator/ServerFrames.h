#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace emulator {

/// Builds server -> client text frames (spec §2.1, §4): `{"message":<name>,"data":[...]}` with
/// `message` first, as WCS writes them, and compact JSON. Every frame carries a `data` array,
/// because the SDK reads data[0] without checking (§2.1).
class ServerFrames {
public:
    /// `{"message":name,"data":data}`.
    static QByteArray frame(QLatin1StringView name, const QJsonArray& data);
    /// `{"message":name,"data":[arg0]}`.
    static QByteArray frame(QLatin1StringView name, const QJsonObject& arg0);
    /// Keep-alive probe `{"message":"ping","data":[]}` (§2.2).
    static QByteArray ping();
    /// `setRemoteSDP [id, sdp]` (§4): answer to a client offer, or the offer of an incoming call.
    static QByteArray remoteSdp(const QString& id, const QString& sdp);
    /// ErrorEvent `fail {apiMethod, id, info, status}` (§11); null strings are left out.
    static QByteArray fail(const QString& apiMethod, const QString& id, const QString& info,
                           const QString& status = {});
};

} // namespace emulator
