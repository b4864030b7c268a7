#include "media/SdpEditor.h"

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

} // namespace media
