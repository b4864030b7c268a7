#include "models/StatusLabels.h"

namespace models {

namespace {

QString unknown(const QString& raw) {
    return raw.isEmpty() ? StatusLabels::tr("Unknown") : raw;
}

} // namespace

QString StatusLabels::stream(core::StreamStatus status, const QString& raw) {
    using S = core::StreamStatus;
    switch (status) {
    case S::Unknown:
        return unknown(raw);
    case S::New:
        return tr("New");
    case S::Pending:
        return tr("Pending");
    case S::Publishing:
        return tr("Publishing");
    case S::Playing:
        return tr("Playing");
    case S::Paused:
        return tr("Paused");
    case S::Unpublished:
        return tr("Unpublished");
    case S::Stopped:
        return tr("Stopped");
    case S::Failed:
        return tr("Failed");
    case S::PlaybackProblem:
        return tr("Playback problem");
    case S::Resize:
        return tr("Resized");
    case S::SnapshotComplete:
        return tr("Snapshot taken");
    case S::NotEnoughBandwidth:
        return tr("Not enough bandwidth");
    }
    return unknown(raw);
}

QString StatusLabels::call(core::CallStatus status, const QString& raw) {
    using S = core::CallStatus;
    switch (status) {
    case S::Unknown:
        return unknown(raw);
    case S::New:
        return tr("New");
    case S::Pending:
        return tr("Pending");
    case S::Trying:
        return tr("Trying");
    case S::Ring:
        return tr("Ringing");
    case S::RingMedia:
        return tr("Ringing (early media)");
    case S::SessionProgress:
        return tr("In progress");
    case S::Busy:
        return tr("Busy");
    case S::Established:
        return tr("Talking");
    case S::Hold:
        return tr("On hold");
    case S::Finish:
        return tr("Finished");
    case S::Failed:
        return tr("Failed");
    }
    return unknown(raw);
}

QString StatusLabels::transfer(core::TransferStatus status, const QString& raw) {
    using S = core::TransferStatus;
    switch (status) {
    case S::Unknown:
        return raw;
    case S::Pending:
        return tr("Transfer pending");
    case S::Accepted:
        return tr("Transfer accepted");
    case S::Trying:
        return tr("Transferring");
    case S::Completed:
        return tr("Transferred");
    case S::Failed:
        return tr("Transfer failed");
    }
    return raw;
}

QString StatusLabels::session(core::SessionStatus status, const QString& raw) {
    using S = core::SessionStatus;
    switch (status) {
    case S::Unknown:
        return unknown(raw);
    case S::Pending:
        return tr("Connecting");
    case S::Connected:
        return tr("Connected");
    case S::Established:
        return tr("Established");
    case S::Registered:
        return tr("Registered");
    case S::Unregistered:
        return tr("Unregistered");
    case S::Disconnected:
        return tr("Disconnected");
    case S::Failed:
        return tr("Failed");
    }
    return unknown(raw);
}

QString StatusLabels::registration(core::RegistrationStatus status, const QString& raw) {
    using S = core::RegistrationStatus;
    switch (status) {
    case S::Unknown:
        return unknown(raw);
    case S::Registered:
        return tr("Registered");
    case S::Unregistered:
        return tr("Not registered");
    case S::AuthenticationFail:
        return tr("Authentication failed");
    case S::Failed:
        return tr("Registration failed");
    }
    return unknown(raw);
}

QString StatusLabels::debug(core::SessionDebugStatus status, const QString& raw) {
    using S = core::SessionDebugStatus;
    switch (status) {
    case S::Unknown:
        return unknown(raw);
    case S::Started:
        return tr("Debug on");
    case S::Stopped:
        return tr("Debug off");
    }
    return unknown(raw);
}

} // namespace models
