#pragma once

#include "ProcessStats.h"

#include <QString>
#include <QStringList>

namespace soak {

class CallDriver;
class FrameTally;
class JournalCount;
class ReconnectWatch;
class RecordingTally;
class StreamDriver;

/// The end of a soak run: compares what the emulator wrote, what reached Callboard and what
/// its journal holds, prints the summary tables (Markdown) and the verdict.
///
/// Definitions (see tests/bench/README.md, "callboard-soak"):
/// * **written**: event frames (EventKinds) the emulator handed to a client socket (its frame
///   recording, RecordingTally);
/// * **delivered** (= the events *sent* that the check counts): written frames that reached
///   wcs::Session on the client (FrameTally). A frame can be written and not delivered only
///   when the connection it was written on was aborted by the `drop` fault (close code 1006)
///   before the bytes left the emulator: such frames are listed as "destroyed by a drop" with
///   their age at the abort, and anywhere else they fail the run;
/// * **journal rows**: rows of History's SQLite journal that stand for a server frame
///   (JournalCount), compared with the delivered frames type by type. Rows Callboard makes up
///   itself (connection lifecycle, FAILED at socket loss) are shown apart.
class SoakReport {
public:
    struct Inputs {
        double durationS = 0;
        int streams = 0;
        int reconnectEveryS = 0;
        ProcessStats atStart; ///< before connecting
        ProcessStats afterWarmUp;
        ProcessStats atEnd; ///< when the load stopped
        ProcessStats emulatorAtEnd;
        double maxRssGrowthMiB = 0;
        int maxFdGrowth = 0;
        int maxThreadGrowth = 0;
        double reconnectDeadlineS = 0;
        int expectedDrops = 0;
        qint64 queuedAtEnd = 0;     ///< frames the emulator still held for the session
        qint64 historyDropped = 0;  ///< History::droppedCount()
        qint64 journalAppended = 0; ///< entries handed to History::append()
        bool upAtEnd = false;       ///< the account was ESTABLISHED when the load stopped
        int streamTableRows = 0;
        int callTableRows = 0;
    };

    SoakReport(const Inputs& in, const RecordingTally& written, const FrameTally& delivered,
               const JournalCount& journal, const CallDriver& calls, const StreamDriver& streams,
               const ReconnectWatch& reconnects);

    /// Prints everything to stdout and returns the failures (empty = pass).
    QStringList print();

private:
    void printResources();
    void printEvents();
    void printTransport();
    void printActivity();

    const Inputs& m_in;
    const RecordingTally& m_written;
    const FrameTally& m_delivered;
    const JournalCount& m_journal;
    const CallDriver& m_calls;
    const StreamDriver& m_streams;
    const ReconnectWatch& m_reconnects;
    QStringList m_failures;
};

} // namespace soak
