#pragma once

#include <QLatin1StringView>

namespace emulator {

/// Base64 of a real 16 x 9 pixel RGB PNG (330 bytes, a colour gradient): the `snapshot` payload
/// of `notifyStreamEvent {type:"snapshotCompleted"}` (spec §6.3). Decodes to a valid PNG
/// (signature, IHDR, IDAT, IEND with correct CRCs) so a client can render it.
inline constexpr QLatin1StringView kSnapshotPngBase64{
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAABEUlEQVR42g3LIbEFIQBA0R/nFcChCMBQAIFFI7YA"
    "g8fhCADuKgwWzQwFSLAR/h5//n4SIVESI7ESL3kkUZIlVdIlQ7IkR3Ilr+TvpxEapTEaq/GaRxM1WVM1XTM0S3M0"
    "V/PqLziEQzmMwzq843FER3ZUR3cMx3Icx3W87gsBEVABE7ABH3gCMZADNdADI7ACJ3ADb/hCQiRUwiRswieeREzk"
    "RE30xEisxEncxJu+UBAFVTAFW/CFpxALuVALvTAKq3AKt/CWLzREQzVMwzZ842nERm7URm+Mxmqcxm287QsTMVET"
    "M7ETP3kmcZInddInY7ImZ3In7/zCRmzUxmzsxm+eTdzkTd30zdiszdnczbv5B8K0/5QAMvs/AAAAAElFTkSuQmCC"};

} // namespace emulator
