#pragma once

#include <QJsonObject>
#include <QObject>

namespace wcs {
class Session;
}

namespace cli {

/// Prints every event of a wcs::Session on stdout as one JSON line
/// `{"ts": "<ISO-8601 UTC ms>", "type": "<EventType>", ...}` and flushes each line, so that a
/// test or a pipe sees events as they happen.
class EventPrinter : public QObject {
    Q_OBJECT

public:
    explicit EventPrinter(bool verbose, QObject* parent = nullptr);

    void attach(wcs::Session& session);
    /// Prints one object, adding `ts` first.
    void print(QJsonObject object);

private:
    bool m_verbose;
};

} // namespace cli
