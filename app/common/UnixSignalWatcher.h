#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

/// Turns SIGINT and SIGTERM into a Qt signal (self-pipe: the handler only writes one byte,
/// the event loop does the rest), so the emulator shuts down cleanly from the event loop.
class UnixSignalWatcher : public QObject {
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

    /// False when the handlers could not be installed.
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    /// SIGINT or SIGTERM arrived; `signalNumber` says which.
    void terminationRequested(int signalNumber);

private:
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;
};
