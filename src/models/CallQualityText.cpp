#include "models/CallQualityText.h"

#include <QLocale>
#include <QStringList>

namespace models {

namespace {

const QString kSeparator = QStringLiteral(" · ");

/// Decimals for a small figure (loss in percent, jitter in ms): one below 10, none above.
int smallDecimals(double value) {
    return value < 10 ? 1 : 0;
}

} // namespace

QString CallQualityText::number(double value, int decimals) {
    return QLocale().toString(value, 'f', decimals);
}

QString CallQualityText::compact(const services::CallQuality& q) {
    QStringList parts;
    if (q.rttMs() >= 0) {
        //: Round-trip time of a call's audio, in milliseconds
        parts << tr("RTT %1 ms").arg(number(q.rttMs()));
    }
    if (q.jitterMs() >= 0) {
        //: Interarrival jitter of a call's received audio, in milliseconds
        parts << tr("jitter %1 ms").arg(number(q.jitterMs(), smallDecimals(q.jitterMs())));
    }
    if (q.lossPercent() >= 0) {
        //: Received audio packets lost, in percent
        parts << tr("loss %1 %").arg(number(q.lossPercent(), smallDecimals(q.lossPercent())));
    }
    if (q.sendKbps() >= 0 || q.receiveKbps() >= 0) {
        const auto rate = [](double kbps) {
            return kbps >= 0 ? number(kbps) : QStringLiteral("?");
        };
        //: Sending (up arrow) and receiving (down arrow) bitrates of a call's audio
        parts << tr("↑%1 ↓%2 kbit/s").arg(rate(q.sendKbps()), rate(q.receiveKbps()));
    }
    return parts.join(kSeparator);
}

QString CallQualityText::details(const services::CallQuality& q) {
    if (!q.isKnown()) {
        return {};
    }
    QStringList lines;
    lines << tr("Audio now:");
    if (q.rttMs() >= 0) {
        lines << tr("Round-trip time %1 ms").arg(number(q.rttMs()));
    }
    if (q.jitterMs() >= 0) {
        lines << tr("Jitter %1 ms").arg(number(q.jitterMs(), 1));
    }
    if (q.lossPercent() >= 0) {
        lines << tr("Packets lost %1 %").arg(number(q.lossPercent(), 1));
    }
    if (q.sendKbps() >= 0) {
        lines << tr("Sending %1 kbit/s").arg(number(q.sendKbps()));
    }
    if (q.receiveKbps() >= 0) {
        lines << tr("Receiving %1 kbit/s").arg(number(q.receiveKbps()));
    }
    if (q.mos() >= 0) {
        //: Mean opinion score estimate, 1 (bad) to 4.5 (best)
        lines << tr("Estimated MOS %1 of 4.5").arg(number(q.mos(), 1));
    }
    const QString overall = summaryDetails(q.summary());
    if (!overall.isEmpty()) {
        lines << QString() << tr("Over the call:") << overall;
    }
    return lines.join(QLatin1Char('\n'));
}

QString CallQualityText::summary(const services::CallQualitySummary& s) {
    QStringList parts;
    if (s.mos >= 0) {
        //: Mean opinion score estimate of a call, 1 (bad) to 4.5 (best)
        parts << tr("MOS %1").arg(number(s.mos, 1));
    }
    if (s.averageRttMs >= 0) {
        parts << tr("RTT %1 ms").arg(number(s.averageRttMs));
    }
    if (s.maxJitterMs >= 0) {
        //: The largest jitter seen during a call, in milliseconds
        parts << tr("jitter ≤ %1 ms").arg(number(s.maxJitterMs, smallDecimals(s.maxJitterMs)));
    }
    if (s.lossPercent >= 0) {
        parts << tr("loss %1 %").arg(number(s.lossPercent, smallDecimals(s.lossPercent)));
    }
    return parts.join(kSeparator);
}

QString CallQualityText::summaryDetails(const services::CallQualitySummary& s) {
    QStringList lines;
    if (s.averageRttMs >= 0) {
        lines << tr("Average round-trip time %1 ms").arg(number(s.averageRttMs));
    }
    if (s.maxJitterMs >= 0) {
        lines << tr("Largest jitter %1 ms").arg(number(s.maxJitterMs, 1));
    }
    if (s.lossPercent >= 0) {
        lines << tr("Packets lost %1 %").arg(number(s.lossPercent, 1));
    }
    if (s.averageSendKbps >= 0) {
        lines << tr("Average sending bitrate %1 kbit/s").arg(number(s.averageSendKbps));
    }
    if (s.averageReceiveKbps >= 0) {
        lines << tr("Average receiving bitrate %1 kbit/s").arg(number(s.averageReceiveKbps));
    }
    if (s.mos >= 0) {
        //: MOS: mean opinion score; the E-model is the ITU-T G.107 call quality model
        lines << tr("Estimated MOS %1 of 4.5 (E-model, ITU-T G.107)").arg(number(s.mos, 1));
    }
    return lines.join(QLatin1Char('\n'));
}

QString CallQualityText::mediaProblem(const QString& reason) {
    //: A call whose audio failed; %1 says why
    return reason.isEmpty() ? tr("no audio") : tr("no audio: %1").arg(reason);
}

} // namespace models
