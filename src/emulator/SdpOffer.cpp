#include "emulator/SdpOffer.h"

namespace emulator {

namespace {

bool isDirection(QStringView a) {
    return a == u"sendrecv" || a == u"sendonly" || a == u"recvonly" || a == u"inactive";
}

/// Splits "a=rtpmap:111 opus/48000/2" value "111 opus/48000/2" into ("111", "opus/48000/2").
std::pair<QString, QString> ptAndRest(QStringView value) {
    const qsizetype sp = value.indexOf(u' ');
    if (sp <= 0) {
        return {value.toString(), QString()};
    }
    return {value.left(sp).toString(), value.mid(sp + 1).trimmed().toString()};
}

} // namespace

SdpOffer SdpOffer::parse(const QString& sdp) {
    SdpOffer offer;
    Media* current = nullptr;
    bool skipping = false;
    const auto lines = QStringView(sdp).split(u'\n');
    for (QStringView line : lines) {
        line = line.trimmed();
        if (line.size() < 2 || line.at(1) != u'=') {
            continue;
        }
        const QChar type = line.at(0);
        const QStringView value = line.mid(2);
        if (type == u'm') {
            if (offer.media.size() >= kMaxMedia) {
                current = nullptr;
                skipping = true;
                continue;
            }
            const auto tokens = value.split(u' ', Qt::SkipEmptyParts);
            Media m;
            m.media = tokens.value(0).toString();
            m.port = tokens.value(1).split(u'/').value(0).toString();
            m.proto = tokens.value(2).toString();
            for (qsizetype i = 3; i < tokens.size(); ++i) {
                m.formats << tokens.at(i).toString();
            }
            offer.media.append(std::move(m));
            current = &offer.media.last();
            continue;
        }
        if (type != u'a' || skipping) {
            continue;
        }
        const qsizetype colon = value.indexOf(u':');
        const QStringView name = colon < 0 ? value : value.left(colon);
        const QStringView arg = colon < 0 ? QStringView() : value.mid(colon + 1);
        if (!current) {
            if (name == u"group" && arg.startsWith(u"BUNDLE")) {
                for (const auto mid : arg.mid(6).split(u' ', Qt::SkipEmptyParts)) {
                    offer.bundleMids << mid.toString();
                }
            } else if (isDirection(name)) {
                offer.sessionDirection = name.toString();
            }
            continue;
        }
        if (name == u"mid") {
            current->mid = arg.trimmed().toString();
        } else if (isDirection(name)) {
            current->direction = name.toString();
        } else if (name == u"rtpmap") {
            const auto [pt, rest] = ptAndRest(arg);
            current->rtpmap.insert(pt, rest);
        } else if (name == u"fmtp") {
            const auto [pt, rest] = ptAndRest(arg);
            current->fmtp.insert(pt, rest);
        } else if (name == u"rtcp-fb") {
            const auto [pt, rest] = ptAndRest(arg);
            current->rtcpFb[pt].append(rest);
        } else if (name == u"extmap") {
            current->extmaps << arg.trimmed().toString();
        } else if (name == u"rtcp-rsize") {
            current->rtcpRsize = true;
        }
    }
    return offer;
}

} // namespace emulator
