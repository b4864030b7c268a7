#include "services/CallHistoryEntry.h"

#include <array>
#include <utility>

namespace services {

namespace {

constexpr std::array kDirections{
    std::pair{CallHistoryEntry::Direction::Incoming, QLatin1StringView("incoming")},
    std::pair{CallHistoryEntry::Direction::Outgoing, QLatin1StringView("outgoing")},
};

constexpr std::array kOutcomes{
    std::pair{CallHistoryEntry::Outcome::Answered, QLatin1StringView("answered")},
    std::pair{CallHistoryEntry::Outcome::Missed, QLatin1StringView("missed")},
    std::pair{CallHistoryEntry::Outcome::Rejected, QLatin1StringView("rejected")},
    std::pair{CallHistoryEntry::Outcome::Failed, QLatin1StringView("failed")},
    std::pair{CallHistoryEntry::Outcome::Busy, QLatin1StringView("busy")},
    std::pair{CallHistoryEntry::Outcome::Cancelled, QLatin1StringView("cancelled")},
    std::pair{CallHistoryEntry::Outcome::NoAnswer, QLatin1StringView("no-answer")},
};

template <typename Table, typename E> QString textOf(const Table& table, E value) {
    for (const auto& [e, text] : table) {
        if (e == value) {
            return QString(text);
        }
    }
    return {};
}

template <typename E, typename Table>
std::optional<E> valueOf(const Table& table, QStringView text) {
    for (const auto& [e, t] : table) {
        if (text == t) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace

QString CallHistoryEntry::toText(Direction d) {
    return textOf(kDirections, d);
}

QString CallHistoryEntry::toText(Outcome o) {
    return textOf(kOutcomes, o);
}

std::optional<CallHistoryEntry::Direction> CallHistoryEntry::directionFromText(QStringView text) {
    return valueOf<Direction>(kDirections, text);
}

std::optional<CallHistoryEntry::Outcome> CallHistoryEntry::outcomeFromText(QStringView text) {
    return valueOf<Outcome>(kOutcomes, text);
}

} // namespace services
