#pragma once

#include "CallStatus.h"
#include "DataStatus.h"
#include "RegistrationStatus.h"
#include "SessionDebugStatus.h"
#include "SessionStatus.h"
#include "StreamKeepAliveStatus.h"
#include "StreamStatus.h"
#include "TransferStatus.h"
#include "Transition.h"

#include <algorithm>
#include <array>
#include <span>
#include <utility>

namespace core {

/// Lifecycle table of one status family: its initial status, terminal statuses, statuses that
/// never change state, and the legal edges between non-terminal statuses. Any non-terminal
/// status may move to any terminal one (spec §6.2, §7.3: "any non-terminal --> terminal").
/// Specialised below for every family of spec §12.
template <typename E> struct LifecycleTable;

/// The lifecycle rules of family E (spec §3.4 session, §6.2 stream, §7.3 call, §7.5 transfer,
/// §9.1 debug, §8 data). Pure functions over the constexpr tables; no state.
template <typename E> struct Lifecycle {
    using Table = LifecycleTable<E>;

    static constexpr E initial() { return Table::initial; }

    static constexpr bool isTerminal(E s) {
        return std::ranges::find(Table::terminal, s) != Table::terminal.end();
    }

    /// True for statuses that arrive as status values but never change state (spec §6.2).
    static constexpr bool isStateless(E s) {
        return std::ranges::find(Table::stateless, s) != Table::stateless.end();
    }

    static constexpr Transition check(E from, E to) {
        if (to == E::Unknown || isStateless(to) || isTerminal(from)) {
            return Transition::Ignore;
        }
        if (from == to) {
            return Transition::Update;
        }
        if (isTerminal(to)) {
            return Transition::Apply;
        }
        const auto edge = std::pair{from, to};
        return std::ranges::find(Table::edges, edge) != Table::edges.end() ? Transition::Apply
                                                                           : Transition::Illegal;
    }
};

template <> struct LifecycleTable<SessionStatus> {
    using S = SessionStatus;
    static constexpr S initial = S::Pending;
    static constexpr std::array terminal{S::Disconnected, S::Failed};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array edges{
        std::pair{S::Pending, S::Connected},       std::pair{S::Connected, S::Established},
        std::pair{S::Established, S::Registered},  std::pair{S::Established, S::Unregistered},
        std::pair{S::Registered, S::Unregistered}, std::pair{S::Unregistered, S::Registered},
    };
};

/// No terminal status: every REGISTER attempt may end in any of the four results (spec §3.3).
template <> struct LifecycleTable<RegistrationStatus> {
    using S = RegistrationStatus;
    static constexpr S initial = S::Unregistered;
    static constexpr std::array<S, 0> terminal{};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array edges{
        std::pair{S::Unregistered, S::Registered},
        std::pair{S::Unregistered, S::Failed},
        std::pair{S::Unregistered, S::AuthenticationFail},
        std::pair{S::Registered, S::Unregistered},
        std::pair{S::Registered, S::Failed},
        std::pair{S::Registered, S::AuthenticationFail},
        std::pair{S::AuthenticationFail, S::Registered},
        std::pair{S::AuthenticationFail, S::Unregistered},
        std::pair{S::Failed, S::Registered},
        std::pair{S::Failed, S::Unregistered},
        // a retried REGISTER may fail differently (401 loop, then a network error)
        std::pair{S::AuthenticationFail, S::Failed},
        std::pair{S::Failed, S::AuthenticationFail},
    };
};

template <> struct LifecycleTable<CallStatus> {
    using S = CallStatus;
    static constexpr S initial = S::New;
    static constexpr std::array terminal{S::Finish, S::Busy, S::Failed};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array edges{
        // outgoing: NEW -> PENDING -> TRYING -> RING | RING_MEDIA | SESSION_PROGRESS -> ESTABLISHED
        std::pair{S::New, S::Pending},
        std::pair{S::New, S::Trying},
        std::pair{S::Pending, S::Trying},
        std::pair{S::Pending, S::Ring},
        std::pair{S::Pending, S::RingMedia},
        std::pair{S::Pending, S::SessionProgress},
        std::pair{S::Pending, S::Established},
        std::pair{S::Trying, S::Ring},
        std::pair{S::Trying, S::RingMedia},
        std::pair{S::Trying, S::SessionProgress},
        std::pair{S::Trying, S::Established},
        std::pair{S::Ring, S::RingMedia},
        std::pair{S::Ring, S::SessionProgress},
        std::pair{S::Ring, S::Established},
        std::pair{S::RingMedia, S::Ring},
        std::pair{S::RingMedia, S::SessionProgress},
        std::pair{S::RingMedia, S::Established},
        std::pair{S::SessionProgress, S::Ring},
        std::pair{S::SessionProgress, S::RingMedia},
        std::pair{S::SessionProgress, S::Established},
        // incoming: NEW -> RING -> (answer) PENDING -> ESTABLISHED
        std::pair{S::New, S::Ring},
        std::pair{S::Ring, S::Pending},
        // hold / unhold
        std::pair{S::Established, S::Hold},
        std::pair{S::Hold, S::Established},
    };
};

template <> struct LifecycleTable<TransferStatus> {
    using S = TransferStatus;
    static constexpr S initial = S::Pending;
    static constexpr std::array terminal{S::Completed, S::Failed};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array edges{
        std::pair{S::Pending, S::Accepted},
        std::pair{S::Pending, S::Trying},
        std::pair{S::Accepted, S::Trying},
    };
};

template <> struct LifecycleTable<StreamStatus> {
    using S = StreamStatus;
    static constexpr S initial = S::New;
    static constexpr std::array terminal{S::Unpublished, S::Stopped, S::Failed};
    static constexpr std::array stateless{S::Resize, S::SnapshotComplete, S::NotEnoughBandwidth};
    static constexpr std::array edges{
        std::pair{S::New, S::Pending},
        std::pair{S::New, S::Publishing},
        std::pair{S::New, S::Playing},
        std::pair{S::Pending, S::Publishing},
        std::pair{S::Pending, S::Playing},
        std::pair{S::Publishing, S::Paused},
        std::pair{S::Paused, S::Publishing},
        std::pair{S::Playing, S::Paused},
        std::pair{S::Paused, S::Playing},
        std::pair{S::Playing, S::PlaybackProblem},
        std::pair{S::PlaybackProblem, S::Playing},
    };
};

template <> struct LifecycleTable<StreamKeepAliveStatus> {
    using S = StreamKeepAliveStatus;
    static constexpr S initial = S::Unknown;
    static constexpr std::array<S, 0> terminal{};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array edges{std::pair{S::Unknown, S::Publishing},
                                      std::pair{S::Unknown, S::Playing}};
};

template <> struct LifecycleTable<SessionDebugStatus> {
    using S = SessionDebugStatus;
    static constexpr S initial = S::Stopped;
    static constexpr std::array<S, 0> terminal{};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array edges{std::pair{S::Stopped, S::Started},
                                      std::pair{S::Started, S::Stopped}};
};

/// A sendData operation is pending (Unknown) until its one DataStatusEvent.
template <> struct LifecycleTable<DataStatus> {
    using S = DataStatus;
    static constexpr S initial = S::Unknown;
    static constexpr std::array terminal{S::Accepted, S::Failed};
    static constexpr std::array<S, 0> stateless{};
    static constexpr std::array<std::pair<S, S>, 0> edges{};
};

} // namespace core
