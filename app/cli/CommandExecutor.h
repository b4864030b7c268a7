#pragma once

#include <QJsonObject>

namespace wcs {
class Session;
}

namespace cli {

/// Runs one scripted command on a session. Commands are JSON objects with a `cmd` key:
///   {"cmd":"call","callee":"1002","hasVideo":false}   {"cmd":"answer","callId":"..."}
///   {"cmd":"hangup|hold|unhold","callId":"...","holdForTransfer":true}
///   {"cmd":"transfer","callId":"...","target":"1003"}
///   {"cmd":"dtmf","callId":"...","digits":"12#","dtmfType":"INFO"}
///   {"cmd":"publish","name":"cam","record":true} {"cmd":"play","name":"cam"}
///   {"cmd":"unpublish|stop","mediaSessionId":"..."}
///   {"cmd":"send-data","payload":{...}} {"cmd":"debug","on":true}
///   {"cmd":"available","name":"cam"} {"cmd":"snapshot","name":"cam"}
/// Returns `{"type":"CommandResult","cmd":..,"ok":bool,"id":<id used>,"error":<why>}`.
class CommandExecutor {
public:
    static QJsonObject execute(wcs::Session& session, const QJsonObject& command);
};

} // namespace cli
