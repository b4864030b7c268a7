#include "services/LogControlSink.h"

#include "services/Redactor.h"

#include <QMetaObject>
#include <QSaveFile>

#include <cstdio>

namespace services {

namespace {

// The installed sink and the handler it replaced; guarded by installMutex().
LogControlSink* g_active = nullptr;
std::atomic<QtMessageHandler> g_previous{nullptr}; // also read without the mutex

QMutex& installMutex() {
    static QMutex mutex;
    return mutex;
}

void chain(QtMessageHandler previous, QtMsgType type, const QMessageLogContext& context,
           const QString& message) {
    if (previous) {
        previous(type, context, message);
    } else {
        std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
    }
}

} // namespace

LogControlSink::LogControlSink(int capacity, int maxLineChars, QObject* parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
    , m_maxLineChars(qMax(64, maxLineChars)) {
    m_ring.resize(m_capacity);
    QMutexLocker lock(&installMutex());
    if (g_active == nullptr) {
        g_active = this;
        g_previous = qInstallMessageHandler(&LogControlSink::messageHandler);
        m_installed = true;
    }
}

LogControlSink::~LogControlSink() {
    QMutexLocker lock(&installMutex());
    if (g_active == this) {
        qInstallMessageHandler(g_previous);
        g_active = nullptr;
        g_previous = nullptr;
    }
}

void LogControlSink::messageHandler(QtMsgType type, const QMessageLogContext& context,
                                    const QString& message) {
    // A message logged while handling one (e.g. by Qt while posting lineAdded) is only chained.
    thread_local bool inside = false;
    const QString redacted = Redactor::redact(message);
    if (inside) {
        chain(g_previous.load(), type, context, redacted);
        return;
    }
    inside = true;
    QMutexLocker lock(&installMutex());
    const QtMessageHandler previous = g_previous.load();
    if (g_active) {
        const QString category =
            context.category ? QString::fromUtf8(context.category) : QStringLiteral("default");
        g_active->store(formatLine(QDateTime::currentDateTime(), type, category, redacted));
    }
    lock.unlock();
    inside = false;
    chain(previous, type, context, redacted);
}

void LogControlSink::addMessage(QtMsgType type, const QString& category, const QString& message) {
    store(formatLine(QDateTime::currentDateTime(), type, category, Redactor::redact(message)));
}

QString LogControlSink::levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("unknown");
}

QString LogControlSink::formatLine(const QDateTime& time, QtMsgType type, const QString& category,
                                   const QString& message) {
    return time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + levelName(type) +
           QLatin1Char(' ') + category + QLatin1StringView(": ") + message;
}

void LogControlSink::store(QString line) {
    if (line.size() > m_maxLineChars) {
        line.truncate(m_maxLineChars - 1);
        line.append(QChar(0x2026)); // …
    }
    {
        QMutexLocker lock(&m_mutex);
        m_ring[static_cast<qsizetype>(m_total % m_capacity)] = std::move(line);
        ++m_total;
    }
    // One queued delivery at a time carries every line stored until it runs.
    if (!m_deliveryPending.exchange(true)) {
        QMetaObject::invokeMethod(this, &LogControlSink::deliver, Qt::QueuedConnection);
    }
}

void LogControlSink::deliver() {
    m_deliveryPending = false;
    QStringList fresh;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 first = qMax(m_delivered, m_total - m_capacity);
        for (qint64 seq = first; seq < m_total; ++seq) {
            fresh << m_ring.at(static_cast<qsizetype>(seq % m_capacity));
        }
        m_delivered = m_total;
    }
    for (const QString& line : std::as_const(fresh)) {
        Q_EMIT lineAdded(line);
    }
}

QStringList LogControlSink::lines() const {
    QMutexLocker lock(&m_mutex);
    QStringList out;
    const qint64 first = qMax<qint64>(0, m_total - m_capacity);
    out.reserve(static_cast<qsizetype>(m_total - first));
    for (qint64 seq = first; seq < m_total; ++seq) {
        out << m_ring.at(static_cast<qsizetype>(seq % m_capacity));
    }
    return out;
}

qint64 LogControlSink::totalLines() const {
    QMutexLocker lock(&m_mutex);
    return m_total;
}

void LogControlSink::clear() {
    QMutexLocker lock(&m_mutex);
    for (QString& slot : m_ring) {
        slot.clear();
    }
    m_total = 0;
    m_delivered = 0;
}

bool LogControlSink::exportTo(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    const QStringList all = lines();
    for (const QString& line : all) {
        // Stored lines are already redacted; redacting again costs little and guards export.
        file.write(Redactor::redact(line).toUtf8());
        file.write("\n", 1);
    }
    if (!file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

} // namespace services
