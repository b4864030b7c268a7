#include "media/SdpInspector.h"

#include <QRegularExpression>

namespace media {

SdpInspector::SdpInspector(const QString& sdp) {
    static const QRegularExpression lineBreak(QStringLiteral("\r?\n"));
    for (const QString& line : sdp.split(lineBreak, Qt::SkipEmptyParts))
        m_lines << line.trimmed();
}

QStringList SdpInspector::candidates() const {
    QStringList result;
    for (const QString& line : m_lines) {
        if (line.startsWith(QLatin1String("a=candidate:")))
            result << line.mid(2);
    }
    return result;
}

bool SdpInspector::hasEndOfCandidates() const {
    return m_lines.contains(QStringLiteral("a=end-of-candidates"));
}

QList<SdpInspector::RtpMap> SdpInspector::audioRtpMaps() const {
    const QStringList lines = audioLines();
    if (lines.isEmpty())
        return {};
    // m=audio <port> <proto> <fmt> ...
    const QStringList mLine = lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<RtpMap> result;
    for (qsizetype i = 3; i < mLine.size(); ++i) {
        bool ok = false;
        const int pt = mLine[i].toInt(&ok);
        if (!ok)
            continue;
        RtpMap map;
        map.payloadType = pt;
        const QString prefix = QStringLiteral("a=rtpmap:%1 ").arg(pt);
        for (const QString& line : lines) {
            if (!line.startsWith(prefix))
                continue;
            const QStringList parts = line.mid(prefix.size()).split(QLatin1Char('/'));
            map.encodingName = parts.value(0);
            map.clockRate = parts.value(1).toInt();
            map.channels = parts.size() > 2 ? parts[2].toInt() : 1;
            break;
        }
        if (map.encodingName.isEmpty()) {
            static const QList<std::pair<int, const char*>> staticTypes{
                {0, "PCMU"}, {8, "PCMA"}, {9, "G722"}, {13, "CN"}};
            for (const auto& [number, name] : staticTypes) {
                if (number == pt) {
                    map.encodingName = QString::fromLatin1(name);
                    map.clockRate = 8000;
                }
            }
        }
        if (!map.encodingName.isEmpty())
            result << map;
    }
    return result;
}

bool SdpInspector::hasRtcpMux() const {
    return findAttribute(audioLines(), QStringLiteral("rtcp-mux")).has_value() ||
           findAttribute(sessionLines(), QStringLiteral("rtcp-mux")).has_value();
}

QStringList SdpInspector::bundleGroup() const {
    for (const QString& line : sessionLines()) {
        const QLatin1String prefix("a=group:BUNDLE");
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return {};
}

std::optional<MediaDirection> SdpInspector::audioDirection() const {
    const QStringList audio = audioLines();
    if (audio.isEmpty())
        return std::nullopt;
    for (const QStringList& lines : {audio, sessionLines()}) {
        for (const QString& line : lines) {
            if (!line.startsWith(QLatin1String("a=")))
                continue;
            if (const auto d = directionFromSdpAttribute(line.mid(2)))
                return d;
        }
    }
    return MediaDirection::SendRecv;
}

std::optional<QString> SdpInspector::attribute(const QString& name) const {
    if (auto value = findAttribute(audioLines(), name))
        return value;
    return findAttribute(sessionLines(), name);
}

int SdpInspector::mediaSectionCount() const {
    int count = 0;
    for (const QString& line : m_lines) {
        if (line.startsWith(QLatin1String("m=")))
            ++count;
    }
    return count;
}

QStringList SdpInspector::sessionLines() const {
    QStringList result;
    for (const QString& line : m_lines) {
        if (line.startsWith(QLatin1String("m=")))
            break;
        result << line;
    }
    return result;
}

QStringList SdpInspector::audioLines() const {
    QStringList result;
    bool inAudio = false;
    for (const QString& line : m_lines) {
        if (line.startsWith(QLatin1String("m="))) {
            if (inAudio)
                break;
            inAudio = line.startsWith(QLatin1String("m=audio "));
        }
        if (inAudio)
            result << line;
    }
    return result;
}

std::optional<QString> SdpInspector::findAttribute(const QStringList& lines, const QString& name) {
    const QString flag = QStringLiteral("a=") + name;
    const QString withValue = flag + QLatin1Char(':');
    for (const QString& line : lines) {
        if (line == flag)
            return QString();
        if (line.startsWith(withValue))
            return line.mid(withValue.size());
    }
    return std::nullopt;
}

} // namespace media
