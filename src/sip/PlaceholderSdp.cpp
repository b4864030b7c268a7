#include "sip/PlaceholderSdp.h"

#include <QList>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {

bool sends(const QString& d) {
    return d == u"sendrecv"_s || d == u"sendonly"_s;
}

bool receives(const QString& d) {
    return d == u"sendrecv"_s || d == u"recvonly"_s;
}

QString fromFlags(bool send, bool receive) {
    if (send && receive) {
        return u"sendrecv"_s;
    }
    if (send) {
        return u"sendonly"_s;
    }
    return receive ? u"recvonly"_s : u"inactive"_s;
}

bool isDirection(const QString& line) {
    return line == u"a=sendrecv"_s || line == u"a=sendonly"_s || line == u"a=recvonly"_s ||
           line == u"a=inactive"_s;
}

QStringList linesOf(const QByteArray& sdp) {
    QStringList lines = QString::fromUtf8(sdp).split(u'\n');
    for (QString& l : lines) {
        if (l.endsWith(u'\r')) {
            l.chop(1);
        }
    }
    lines.removeAll(QString());
    return lines;
}

QByteArray session(quint64 sessionId, quint64 version) {
    return "v=0\r\no=- " + QByteArray::number(sessionId) + ' ' + QByteArray::number(version) +
           " IN IP4 127.0.0.1\r\ns=Callboard\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";
}

QByteArray rtpmap(int pt) {
    switch (pt) {
    case 0:
        return "a=rtpmap:0 PCMU/8000\r\n";
    case 8:
        return "a=rtpmap:8 PCMA/8000\r\n";
    default:
        return "a=rtpmap:9 G722/8000\r\n";
    }
}

} // namespace

QByteArray PlaceholderSdp::offer(quint64 sessionId, quint64 version, const QString& direction) {
    return session(sessionId, version) + "m=audio 9 RTP/AVP 0 8 9\r\n" + rtpmap(0) + rtpmap(8) +
           rtpmap(9) + "a=" + direction.toUtf8() + "\r\n";
}

std::optional<QByteArray> PlaceholderSdp::answer(const QByteArray& offer, quint64 sessionId,
                                                 quint64 version, const QString& localDirection,
                                                 QString* whyNot) {
    auto fail = [whyNot](const QString& why) -> std::optional<QByteArray> {
        if (whyNot) {
            *whyNot = why;
        }
        return std::nullopt;
    };
    QByteArray media;
    bool audioTaken = false;
    QString lastWhy = u"the offer has no audio stream"_s;
    for (const QString& line : linesOf(offer)) {
        if (!line.startsWith(u"m="_s)) {
            continue;
        }
        const QStringList f = line.mid(2).split(u' ', Qt::SkipEmptyParts);
        if (f.size() < 4) {
            return fail(u"malformed m= line in the offer"_s);
        }
        const QString proto = f.at(2);
        bool usable = !audioTaken && f.at(0) == u"audio"_s && f.at(1) != u"0"_s;
        if (usable && proto.contains(u"SAVP"_s)) {
            lastWhy = u"the offer needs encrypted media (%1, DTLS-SRTP): no media engine yet"_s.arg(
                proto);
            usable = false;
        }
        int chosen = -1;
        if (usable) {
            for (qsizetype i = 3; i < f.size() && chosen < 0; ++i) {
                const int pt = f.at(i).toInt();
                if (pt == 0 || pt == 8 || pt == 9) {
                    chosen = pt;
                }
            }
            if (chosen < 0) {
                lastWhy = u"no common audio codec (Callboard offers PCMU, PCMA, G722)"_s;
                usable = false;
            }
        }
        if (!usable) {
            media +=
                "m=" + f.at(0).toUtf8() + " 0 " + proto.toUtf8() + ' ' + f.at(3).toUtf8() + "\r\n";
            continue;
        }
        audioTaken = true;
        media += "m=audio 9 " + proto.toUtf8() + ' ' + QByteArray::number(chosen) + "\r\n" +
                 rtpmap(chosen) +
                 "a=" + answerDirection(direction(offer), localDirection).toUtf8() + "\r\n";
    }
    if (!audioTaken) {
        return fail(lastWhy);
    }
    return session(sessionId, version) + media;
}

QString PlaceholderSdp::direction(const QByteArray& sdp) {
    QString sessionLevel = u"sendrecv"_s;
    bool inAudio = false;
    bool seenAudio = false;
    bool nullAddress = false;
    QString audioLevel;
    for (const QString& line : linesOf(sdp)) {
        if (line.startsWith(u"m="_s)) {
            if (seenAudio) {
                break; // only the first audio stream counts
            }
            inAudio = line.startsWith(u"m=audio "_s);
            seenAudio = inAudio;
            continue;
        }
        if (line == u"c=IN IP4 0.0.0.0"_s) {
            nullAddress = nullAddress || inAudio || !seenAudio;
        }
        if (isDirection(line)) {
            if (inAudio) {
                audioLevel = line.mid(2);
            } else if (!seenAudio) {
                sessionLevel = line.mid(2);
            }
        }
    }
    if (!seenAudio) {
        return {};
    }
    const QString d = audioLevel.isEmpty() ? sessionLevel : audioLevel;
    if (nullAddress && d == u"sendrecv"_s) {
        return u"sendonly"_s;
    }
    return d;
}

QString PlaceholderSdp::holdDirection(const QString& current) {
    return current == u"sendrecv"_s ? u"sendonly"_s : u"inactive"_s;
}

bool PlaceholderSdp::isHold(const QString& remoteDirection) {
    return remoteDirection == u"sendonly"_s || remoteDirection == u"inactive"_s;
}

QString PlaceholderSdp::answerDirection(const QString& offered, const QString& wanted) {
    // The answerer sends only what the offerer receives, and receives only what it sends.
    return fromFlags(receives(offered) && sends(wanted), sends(offered) && receives(wanted));
}

std::optional<std::pair<quint64, quint64>> PlaceholderSdp::origin(const QByteArray& sdp) {
    for (const QString& line : linesOf(sdp)) {
        if (!line.startsWith(u"o="_s)) {
            continue;
        }
        const QStringList f = line.mid(2).split(u' ', Qt::SkipEmptyParts);
        bool idOk = false;
        bool versionOk = false;
        const quint64 id = f.value(1).toULongLong(&idOk);
        const quint64 version = f.value(2).toULongLong(&versionOk);
        if (f.size() < 6 || !idOk || !versionOk) {
            return std::nullopt;
        }
        return std::make_pair(id, version);
    }
    return std::nullopt;
}

} // namespace sip
