#pragma once

#include <QString>
#include <QStringList>

namespace soak {

/// Which server -> client WCS messages become one row of Callboard's event journal, and which
/// journal rows Callboard makes up itself. The table follows wcs::Codec's routes and
/// services::WcsBinding's journal() calls (spec: shared/spec/wcs-protocol.md):
///
/// | Message (S>C) | Journal `type` |
/// |---|---|
/// | `getUserData` | ConnectionStatusEvent, status ESTABLISHED |
/// | `registered` | RegistrationStatusEvent |
/// | `notifyStreamStatusEvent`, `notifyVideoFormat` | StreamStatusEvent |
/// | `notifyTryingResponse`, `ring`, `talk`, `hold`, `finish`, `sessionProgress`, `busy`,
/// `notifyIncomingCall` | CallStatusEvent | | `notifyTransferEvent` | TransferStatusEvent | |
/// `DataStatusEvent` | DataStatusEvent | | `OnDataEvent` | OnDataEvent | |
/// `notifySessionDebugEvent` | SessionDebugStatusEvent | | `fail` | ErrorEvent |
///
/// Every other message (`ping`, `setRemoteSDP`, `notifyStreamEvent`, `notifyAudioCodec`,
/// `availableStream`, video rates, metrics) is no event and leaves no row.
///
/// Rows Callboard writes without a server frame ("local" rows): ConnectionStatusEvent other
/// than ESTABLISHED (PENDING, CONNECTED, DISCONNECTED, FAILED: wcs::Session's own lifecycle),
/// and the StreamStatusEvent / CallStatusEvent FAILED rows that wcs::Session::failLocalObjects()
/// reports for every live stream and call when the socket is lost; their info starts with
/// localFailurePrefix(). A `fail` frame for a registration or a live stream/call also gives a
/// second, synthesized row (not expected in the soak scenario: such rows show up as a
/// difference in that type).
class EventKinds {
public:
    /// The journal type a server message becomes, or a null QString when it leaves no row.
    static QString journalType(const QString& message);
    /// Every journal type of the table above, in a fixed order (for reports).
    static QStringList journalTypes();
    /// Start of the info text of the FAILED rows wcs::Session makes up when a socket is lost.
    static QString localFailurePrefix() { return QStringLiteral("session ended: "); }
};

} // namespace soak
