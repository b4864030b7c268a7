#include "media/AudioCodec.h"

#include "media/Gst.h"

namespace media {

QList<AudioCodec> AudioCodec::all() {
    auto codec = [](const char* name, int pt, int rate, int channels, const char* encoder,
                    const char* payloader, const char* decoder) {
        return AudioCodec{QString::fromLatin1(name),
                          pt,
                          rate,
                          channels,
                          QString::fromLatin1(encoder),
                          QString::fromLatin1(payloader),
                          QString::fromLatin1(decoder)};
    };
    return {
        codec("OPUS", 111, 48000, 2, "opusenc", "rtpopuspay", "opusdec"),
        codec("G722", 9, 8000, 1, "avenc_g722", "rtpg722pay", "avdec_g722"),
        codec("PCMU", 0, 8000, 1, "mulawenc", "rtppcmupay", "mulawdec"),
        codec("PCMA", 8, 8000, 1, "alawenc", "rtppcmapay", "alawdec"),
        codec("TELEPHONE-EVENT", 110, 48000, 1, "", "rtpdtmfsrc", "rtpdtmfdepay"),
        codec("TELEPHONE-EVENT", 126, 8000, 1, "", "rtpdtmfsrc", "rtpdtmfdepay"),
    };
}

QList<AudioCodec> AudioCodec::available() {
    QList<AudioCodec> result;
    if (!Gst::ensureInitialized())
        return result;
    for (const AudioCodec& c : all()) {
        QStringList needed{c.payloader, c.decoder};
        if (c.isVoice())
            needed << c.encoder;
        if (Gst::missingElements(needed).isEmpty())
            result << c;
    }
    return result;
}

std::optional<AudioCodec> AudioCodec::find(const QString& encodingName) {
    for (const AudioCodec& c : all()) {
        if (c.encodingName.compare(encodingName, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

std::optional<AudioCodec> AudioCodec::find(const QString& encodingName, int clockRate) {
    for (const AudioCodec& c : all()) {
        if (c.clockRate == clockRate &&
            c.encodingName.compare(encodingName, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

bool AudioCodec::isTelephoneEvent() const {
    return encodingName.compare(QLatin1String("TELEPHONE-EVENT"), Qt::CaseInsensitive) == 0;
}

QString AudioCodec::rtpCaps() const {
    QString caps = QStringLiteral("application/x-rtp, media=(string)audio, "
                                  "encoding-name=(string)%1, payload=(int)%2, clock-rate=(int)%3")
                       .arg(encodingName)
                       .arg(payloadType)
                       .arg(clockRate);
    if (channels > 1)
        caps += QStringLiteral(", encoding-params=(string)%1").arg(channels);
    return caps;
}

} // namespace media
