#include "media/Gst.h"

#include "media/Logging.h"

#include <gst/gst.h>

#include <mutex>

namespace media {

namespace {
struct InitResult {
    bool ok = false;
    QString error;
};

const InitResult& initResult() {
    static InitResult result;
    static std::once_flag once;
    std::call_once(once, [] {
        GError* error = nullptr;
        result.ok = gst_init_check(nullptr, nullptr, &error);
        if (error) {
            result.error = QString::fromUtf8(error->message);
            g_error_free(error);
        }
        if (result.ok)
            qCInfo(lcMedia) << "initialised" << Gst::versionString();
        else
            qCWarning(lcMedia) << "gst_init_check failed:" << result.error;
    });
    return result;
}
} // namespace

bool Gst::ensureInitialized(QString* error) {
    const InitResult& r = initResult();
    if (!r.ok && error)
        *error = r.error.isEmpty() ? QStringLiteral("gst_init_check failed") : r.error;
    return r.ok;
}

QStringList Gst::missingElements(const QStringList& factories) {
    if (!ensureInitialized())
        return factories;
    QStringList missing;
    for (const QString& name : factories) {
        GstElementFactory* factory = gst_element_factory_find(name.toUtf8().constData());
        if (!factory)
            missing << name;
        else
            gst_object_unref(factory);
    }
    return missing;
}

QString Gst::versionString() {
    gchar* text = gst_version_string();
    const QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

} // namespace media
