#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace emulator {

class FrameSink;
struct Scenario;

/// SIP registration of one session's account (spec §3.3), as the Scenario says: after the
/// account's delay (ms), `registered {status:"REGISTERED", sipLogin}`, or `fail` with
/// apiMethod "RegistrationStatusEvent" and status AUTHENTICATION_FAIL ("SIP 401 Unauthorized",
/// also for a wrong password) or FAILED ("SIP 503 Service Unavailable", also for an empty
/// login), or nothing at all for a silent account.
class SipRegistrar : public QObject {
    Q_OBJECT

public:
    SipRegistrar(FrameSink& sink, const Scenario& scenario, QObject* parent = nullptr);

    /// Starts REGISTER for `login` with `password`; the result is sent later. Calling it again
    /// cancels a result not yet sent.
    void start(const QString& login, const QString& password);
    /// Forgets the registration and any pending result (the session ended).
    void cancel();
    bool isRegistered() const { return m_registered; }
    /// The `registered` frame, sent again when a kept-alive session is re-attached.
    QByteArray registeredFrame() const;

private:
    FrameSink& m_sink;
    const Scenario& m_scenario;
    QString m_login;
    bool m_registered = false;
    quint64 m_generation = 0;
};

} // namespace emulator
