#pragma once

#include "emulator/SdpOffer.h"

#include <QRandomGenerator>
#include <QString>

namespace emulator {

/// Writes the emulator's SDP (spec §15): answers to client offers (`setRemoteSDP` after
/// publishStream / playStream / call) and offers for incoming calls (`setRemoteSDP` before
/// notifyIncomingCall). The SDP is what headless Chromium's setRemoteDescription() accepts:
/// ICE-lite, one transport for every bundled section (ice-ufrag/ice-pwd, a sha-256 fingerprint
/// of 32 random bytes, rtcp-mux) and a host candidate on 127.0.0.1. No media ever flows.
///
/// An answer mirrors every m-line of the offer in order (same media, proto and mid, the BUNDLE
/// group of the accepted mids), reverses the direction, accepts the first real codec offered
/// with its rtpmap/fmtp/rtcp-fb and answers `a=setup:passive`. Rejected sections (port 0) stay
/// rejected. An offer without any m-line gets a default audio answer.
class SdpAnswerer {
public:
    /// Random ICE credentials, fingerprints and ids from the global generator.
    SdpAnswerer();
    /// Same, from a generator seeded with `seed` (reproducible SDP for tests).
    explicit SdpAnswerer(quint32 seed);

    /// The answer to `offer` (any text, never fails).
    QString answer(const QString& offer);
    /// An offer (`a=setup:actpass`, sendrecv) for an incoming call: Opus, PCMU, PCMA and
    /// telephone-event audio, plus VP8 and H.264 video when `hasVideo`.
    QString offer(bool hasVideo);

    /// Reversed direction for the answer (spec §15): sendonly <-> recvonly; null -> sendrecv.
    static QString reverseDirection(const QString& offerDirection);
    /// Index in `m.formats` of the codec an answer accepts: the first that is not rtx, red,
    /// ulpfec, flexfec, CN or telephone-event; 0 when all are; -1 when there are none.
    static qsizetype chooseFormat(const SdpOffer::Media& m);

    /// Host candidate port announced in the SDP (nothing listens there).
    static constexpr int kCandidatePort = 9;

private:
    struct Transport {
        QString ufrag;
        QString pwd;
        QString fingerprint;
    };

    Transport newTransport();
    QString randomToken(int length, bool iceChars = false);
    QString sessionLines(const QStringList& bundleMids);
    QString transportLines(const Transport& t, QLatin1StringView setup) const;
    QString answerMedia(const SdpOffer::Media& m, const QString& direction, const Transport& t);
    QString streamLines(const QString& mediaKind);

    QRandomGenerator m_random;
    QString m_streamId;
};

} // namespace emulator
