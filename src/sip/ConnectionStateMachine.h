#pragma once

#include <QObject>
#include <QString>

namespace sip {

/// The connection state machine of spec §6: states §6.1, transitions §6.2. Inputs not listed
/// for the current state are ignored (logged at debug level in callboard.sip.ua, no error).
/// `registered` and `connected` with register=false are transient: the machine hops on to
/// `established` inside the same send() (§6.2 "always"), and stateChanged() reports only the
/// state it settles in.
class ConnectionStateMachine : public QObject {
    Q_OBJECT

public:
    enum class State {
        Idle,
        Preparing,
        Connecting,
        Connected,
        Registered,
        Established,
        Disconnecting,
        Disconnected
    };
    Q_ENUM(State)

    enum class Input {
        StartConnect,
        StartUa,
        UaConnecting,
        UaConnected,
        UaRegistered,
        UaUnregistered,
        UaDisconnected,
        StartDisconnect,
        Reset
    };
    Q_ENUM(Input)

    explicit ConnectionStateMachine(QObject* parent = nullptr);

    State state() const { return m_state; }
    /// "connection:idle", "connection:established", ... (§6.1 ids)
    static QString stateId(State state);

    /// Applies `input`; `registerRequested` is the stored config's `register` flag, needed for
    /// the connected -> established hop. Returns true when the state changed.
    bool send(Input input, bool registerRequested = false);

Q_SIGNALS:
    void stateChanged(sip::ConnectionStateMachine::State state);

private:
    State m_state = State::Idle;
};

} // namespace sip
