#pragma once

#include <QString>
#include <QStringList>

namespace media {

/// Process-wide GStreamer initialisation. gst_init_check() runs once, with no command-line
/// arguments, the first time ensureInitialized() is called from any thread (std::call_once);
/// later calls return the first result. GStreamer is never deinitialised (gst_deinit() would
/// forbid re-initialisation for the rest of the process).
class Gst {
public:
    /// True when GStreamer is usable. On failure `error` (if given) receives the GError text.
    static bool ensureInitialized(QString* error = nullptr);
    /// The element factory names of `factories` that are not installed (empty: all present).
    /// Calls ensureInitialized(); everything is missing when that fails.
    static QStringList missingElements(const QStringList& factories);
    /// "GStreamer 1.22.0" (gst_version_string()), after ensureInitialized().
    static QString versionString();
};

} // namespace media
