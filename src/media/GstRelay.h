#pragma once

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <utility>

namespace media {

/// Hands work from GStreamer's threads (streaming threads, webrtcbin's task thread, bus sync
/// handler) to the thread of one QObject, as a queued call. Shared by every callback of one
/// WebRtcEndpoint through a heap `std::shared_ptr` (newRef()/releaseRef() as GLib user data and
/// destroy notify), so a callback that fires late finds a detached relay instead of a dangling
/// object. detach() runs under the same mutex as post(), so once it returns nothing new is
/// queued; calls already queued for a destroyed target are dropped by Qt with its events.
class GstRelay {
public:
    explicit GstRelay(QObject* target)
        : m_target(target) {}

    /// Queues `work(target)` on the target's thread; `Target` is the target's real class. Any
    /// thread; no-op after detach().
    template <typename Target, typename Work> void post(Work&& work) {
        std::lock_guard lock(m_mutex);
        if (!m_target)
            return;
        auto* target = static_cast<Target*>(m_target);
        QMetaObject::invokeMethod(
            m_target, [target, work = std::forward<Work>(work)]() mutable { work(target); },
            Qt::QueuedConnection);
    }

    /// Stops all later post() calls. Call from the target's thread before it is destroyed.
    void detach() {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

    /// A new heap reference for GLib user data; pair with releaseRef() as its destroy notify.
    static void* newRef(const std::shared_ptr<GstRelay>& relay) {
        return new std::shared_ptr<GstRelay>(relay);
    }
    /// The relay behind user data made by newRef().
    static GstRelay& from(void* ref) { return **static_cast<std::shared_ptr<GstRelay>*>(ref); }
    /// GDestroyNotify for newRef() data.
    static void releaseRef(void* ref) { delete static_cast<std::shared_ptr<GstRelay>*>(ref); }

private:
    std::mutex m_mutex;
    QObject* m_target;
};

} // namespace media
