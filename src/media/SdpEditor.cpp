#include "media/SdpEditor.h"

#include "media/SdpInspector.h"

#include <functional>

namespace media {

namespace {

QString lineEnd(const QString& sdp) {
    return sdp.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

QStringList splitLines(const QString& sdp, const QString& eol) {
    QStringList lines = sdp.split(eol);
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

/// Calls `section(first, last)` with the line range [first, last) of every m-section.
void forEachSection(const QStringList& lines,
                    const std::function<void(qsizetype, qsizetype)>& section) {
    qsizetype start = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(QLatin1String("m=")))
            continue;
        if (start >= 0)
            section(start, i);
        start = i;
    }
    if (start >= 0)
        section(start, lines.size());
}

} // namespace

QString SdpEditor::withAudioDirection(const QString& sdp, MediaDirection direction) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    qsizetype audioStart = -1;
    qsizetype audioEnd = -1;
    forEachSection(lines, [&](qsizetype first, qsizetype last) {
        if (audioStart < 0 && lines[first].startsWith(QLatin1String("m=audio "))) {
            audioStart = first;
            audioEnd = last;
        }
    });
    if (audioStart < 0)
        return lines.join(eol) + eol;
    const QString attribute = QStringLiteral("a=") + toSdpAttribute(direction);
    bool replaced = false;
    for (qsizetype i = audioEnd - 1; i > audioStart; --i) {
        if (!lines[i].startsWith(QLatin1String("a=")) ||
            !directionFromSdpAttribute(lines[i].mid(2)))
            continue;
        if (replaced) {
            lines.removeAt(i);
        } else {
            lines[i] = attribute;
            replaced = true;
        }
    }
    if (!replaced)
        lines.insert(audioEnd, attribute);
    return lines.join(eol) + eol;
}

QString SdpEditor::withEndOfCandidates(const QString& sdp) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    QList<qsizetype> insertAt;
    forEachSection(lines, [&](qsizetype first, qsizetype last) {
        bool candidates = false;
        bool end = false;
        for (qsizetype i = first; i < last; ++i) {
            candidates |= lines[i].startsWith(QLatin1String("a=candidate:"));
            end |= lines[i] == QLatin1String("a=end-of-candidates");
        }
        if (candidates && !end)
            insertAt.prepend(last);
    });
    for (const qsizetype at : insertAt) // back to front, so indexes stay valid
        lines.insert(at, QStringLiteral("a=end-of-candidates"));
    return lines.join(eol) + eol;
}

QString SdpEditor::withCandidates(const QString& sdp, const QStringList& candidates) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    qsizetype firstEnd = -1;
    forEachSection(lines, [&](qsizetype, qsizetype last) {
        if (firstEnd < 0)
            firstEnd = last;
    });
    if (firstEnd < 0)
        return lines.join(eol) + eol;
    QStringList added;
    for (const QString& c : candidates)
        added << QStringLiteral("a=") + c;
    for (qsizetype i = added.size() - 1; i >= 0; --i)
        lines.insert(firstEnd, added[i]);
    return lines.join(eol) + eol;
}

QString SdpEditor::withTelephoneEvents(const QString& sdp,
                                       const QList<std::pair<int, int>>& events) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    qsizetype audioStart = -1;
    qsizetype audioEnd = -1;
    forEachSection(lines, [&](qsizetype first, qsizetype last) {
        if (audioStart < 0 && lines[first].startsWith(QLatin1String("m=audio "))) {
            audioStart = first;
            audioEnd = last;
        }
    });
    if (audioStart < 0)
        return lines.join(eol) + eol;
    QList<int> usedTypes;
    QList<int> voiceRates;
    QList<int> eventRates;
    for (const SdpInspector::RtpMap& map : SdpInspector(sdp).audioRtpMaps()) {
        usedTypes << map.payloadType;
        const QString name = map.encodingName.toLower();
        if (name == QLatin1String("telephone-event"))
            eventRates << map.clockRate;
        else if (name != QLatin1String("cn") && name != QLatin1String("rtx") &&
                 name != QLatin1String("red") && name != QLatin1String("ulpfec"))
            voiceRates << map.clockRate;
    }
    qsizetype insertAt = audioEnd;
    for (qsizetype i = audioStart + 1; i < audioEnd; ++i) {
        if (lines[i].startsWith(QLatin1String("a=rtpmap:")) ||
            lines[i].startsWith(QLatin1String("a=fmtp:")))
            insertAt = i + 1;
    }
    QStringList added;
    for (const auto& [payloadType, clockRate] : events) {
        if (!voiceRates.contains(clockRate) || eventRates.contains(clockRate) ||
            usedTypes.contains(payloadType) || payloadType < 0 || payloadType > 127)
            continue;
        lines[audioStart] += QLatin1Char(' ') + QString::number(payloadType);
        added << QStringLiteral("a=rtpmap:%1 telephone-event/%2").arg(payloadType).arg(clockRate)
              << QStringLiteral("a=fmtp:%1 0-15").arg(payloadType);
        usedTypes << payloadType;
        eventRates << clockRate;
    }
    for (qsizetype i = added.size() - 1; i >= 0; --i)
        lines.insert(insertAt, added[i]);
    return lines.join(eol) + eol;
}

QString SdpEditor::withDefaultCandidateAddress(const QString& sdp) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    // Back to front, so that an inserted c= line does not move the sections still to visit.
    QList<std::pair<qsizetype, qsizetype>> sections;
    forEachSection(lines, [&](qsizetype first, qsizetype last) {
        sections.prepend({first, last});
    });
    for (const auto& [first, last] : sections) {
        // candidate-attribute: foundation component transport priority address port typ type
        QString bestAddress;
        QString bestPort;
        qint64 bestScore = -1;
        qsizetype connection = -1;
        for (qsizetype i = first + 1; i < last; ++i) {
            if (lines[i].startsWith(QLatin1String("c=")))
                connection = i;
            if (!lines[i].startsWith(QLatin1String("a=candidate:")))
                continue;
            const QStringList f = lines[i].mid(12).split(u' ', Qt::SkipEmptyParts);
            if (f.size() < 8 || f[1] != u"1" || f[2].compare(u"udp", Qt::CaseInsensitive) != 0)
                continue;
            const bool v4 = !f[4].contains(u':');
            const qint64 score = (v4 ? (qint64(1) << 32) : 0) + f[3].toLongLong();
            if (score > bestScore) {
                bestScore = score;
                bestAddress = f[4];
                bestPort = f[5];
            }
        }
        if (bestScore < 0)
            continue;
        QStringList m = lines[first].split(u' ');
        if (m.size() < 2 || m[1] == u"0")
            continue; // a refused stream keeps port 0
        m[1] = bestPort;
        lines[first] = m.join(u' ');
        const QString c = QStringLiteral("c=IN %1 %2")
                              .arg(bestAddress.contains(u':') ? u"IP6"_qs : u"IP4"_qs, bestAddress);
        if (connection >= 0)
            lines[connection] = c;
        else
            lines.insert(first + 1, c);
    }
    return lines.join(eol) + eol;
}

QString SdpEditor::withMid(const QString& sdp, const QString& mid) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    const bool hasMid = std::any_of(lines.cbegin(), lines.cend(), [](const QString& l) {
        return l.startsWith(QLatin1String("a=mid:"));
    });
    qsizetype first = -1;
    forEachSection(lines, [&](qsizetype start, qsizetype) {
        if (first < 0)
            first = start;
    });
    if (!hasMid && first >= 0)
        lines.insert(first + 1, QStringLiteral("a=mid:") + mid);
    return lines.join(eol) + eol;
}

QString SdpEditor::withoutMids(const QString& sdp) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    lines.removeIf([](const QString& l) {
        return l.startsWith(QLatin1String("a=mid:")) || l.startsWith(QLatin1String("a=group:"));
    });
    return lines.join(eol) + eol;
}

QString SdpEditor::withMediaLevelTransport(const QString& sdp) {
    const QString eol = lineEnd(sdp);
    QStringList lines = splitLines(sdp, eol);
    QList<std::pair<qsizetype, qsizetype>> sections;
    forEachSection(lines, [&](qsizetype first, qsizetype last) {
        sections.prepend({first, last});
    });
    if (sections.isEmpty())
        return lines.join(eol) + eol;
    const qsizetype firstMedia = sections.last().first;
    QStringList inherited;
    for (qsizetype i = 0; i < firstMedia; ++i) {
        for (const char* name : {"a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:", "a=setup:"}) {
            if (lines[i].startsWith(QLatin1String(name)))
                inherited << lines[i];
        }
    }
    for (const auto& [first, last] : sections) { // back to front: insertions keep indexes valid
        QStringList missing;
        for (const QString& line : std::as_const(inherited)) {
            const QString name = line.left(line.indexOf(u':') + 1);
            const bool present = std::any_of(lines.cbegin() + first + 1, lines.cbegin() + last,
                                             [&](const QString& l) { return l.startsWith(name); });
            if (!present)
                missing << line;
        }
        for (qsizetype i = missing.size() - 1; i >= 0; --i)
            lines.insert(first + 1, missing[i]);
    }
    return lines.join(eol) + eol;
}

} // namespace media
