#pragma once

#include <QByteArray>
#include <QString>

namespace emulator {

/// Something that delivers server -> client text frames to one client session (spec §2.1).
/// Implemented by EmulatedSession; used by StreamRegistry and the engines so they never hold a
/// socket. Sending to a closed or detached session must be safe (the frame is queued or
/// dropped, never an error), and sending never runs a client frame or ends the session before
/// it returns: callers may send in the middle of a loop or a call step.
class FrameSink {
public:
    virtual ~FrameSink() = default;
    /// Sends one complete frame `{"message":...,"data":[...]}` (UTF-8 JSON text).
    virtual void sendFrame(const QByteArray& frame) = 0;
    /// The server-side session key `/<clientIP>:<port>/<serverIP>:<port>` (spec §3.2, §10).
    virtual QString sinkSessionId() const = 0;

protected:
    FrameSink() = default;
    FrameSink(const FrameSink&) = default;
    FrameSink& operator=(const FrameSink&) = default;
};

} // namespace emulator
