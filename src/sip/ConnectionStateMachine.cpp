#include "sip/ConnectionStateMachine.h"

#include "sip/Logging.h"

using namespace Qt::Literals::StringLiterals;

namespace sip {

using S = ConnectionStateMachine::State;
using I = ConnectionStateMachine::Input;

ConnectionStateMachine::ConnectionStateMachine(QObject* parent)
    : QObject(parent) {}

QString ConnectionStateMachine::stateId(State state) {
    switch (state) {
    case S::Idle:
        return u"connection:idle"_s;
    case S::Preparing:
        return u"connection:preparing"_s;
    case S::Connecting:
        return u"connection:connecting"_s;
    case S::Connected:
        return u"connection:connected"_s;
    case S::Registered:
        return u"connection:registered"_s;
    case S::Established:
        return u"connection:established"_s;
    case S::Disconnecting:
        return u"connection:disconnecting"_s;
    case S::Disconnected:
        return u"connection:disconnected"_s;
    }
    return {};
}

bool ConnectionStateMachine::send(Input input, bool registerRequested) {
    const S from = m_state;
    S to = from;
    switch (from) {
    case S::Idle:
        if (input == I::StartConnect) {
            to = S::Preparing;
        }
        break;
    case S::Preparing:
        if (input == I::StartUa) {
            to = S::Connecting;
        } else if (input == I::UaDisconnected) {
            to = S::Disconnected;
        }
        break;
    case S::Connecting:
        if (input == I::UaConnected) {
            to = registerRequested ? S::Connected : S::Established;
        } else if (input == I::UaRegistered) {
            to = S::Established;
        } else if (input == I::StartDisconnect) {
            to = S::Disconnecting;
        } else if (input == I::UaDisconnected) {
            to = S::Disconnected;
        }
        break;
    case S::Connected:
        if (input == I::UaRegistered) {
            to = S::Established; // via the transient `registered`
        } else if (input == I::StartDisconnect) {
            to = S::Disconnecting;
        } else if (input == I::UaDisconnected) {
            to = S::Disconnected;
        }
        break;
    case S::Registered: // transient; kept for completeness of the §6.2 table
        if (input == I::UaUnregistered) {
            to = S::Connected;
        } else {
            to = S::Established;
        }
        break;
    case S::Established:
        if (input == I::StartDisconnect) {
            to = S::Disconnecting;
        } else if (input == I::UaDisconnected) {
            to = S::Disconnected;
        } else if (input == I::Reset) {
            to = S::Idle;
        }
        break;
    case S::Disconnecting:
        if (input == I::UaDisconnected) {
            to = S::Disconnected;
        }
        break;
    case S::Disconnected:
        if (input == I::Reset) {
            to = S::Idle;
        } else if (input == I::StartConnect) {
            to = S::Preparing;
        } else if (input == I::UaConnecting) {
            to = S::Connecting;
        }
        break;
    }
    if (to == from) {
        qCDebug(lcUa) << "state" << stateId(from) << "ignores" << input;
        return false;
    }
    m_state = to;
    qCDebug(lcUa) << "state" << stateId(from) << "->" << stateId(to) << "on" << input;
    Q_EMIT stateChanged(to);
    return true;
}

} // namespace sip
