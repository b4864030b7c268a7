#include "emulator/SipRegistrar.h"

#include "emulator/EmulatorLog.h"
#include "emulator/FrameSink.h"
#include "emulator/Scenario.h"
#include "emulator/ServerFrames.h"

#include <QJsonObject>
#include <QTimer>

namespace emulator {

namespace {

using RO = Scenario::RegistrationOutcome;

} // namespace

SipRegistrar::SipRegistrar(FrameSink& sink, const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_sink(sink)
    , m_scenario(scenario) {}

QByteArray SipRegistrar::registeredFrame() const {
    return ServerFrames::frame(QLatin1StringView("registered"),
                               QJsonObject{{QStringLiteral("status"), QStringLiteral("REGISTERED")},
                                           {QStringLiteral("sipLogin"), m_login}});
}

void SipRegistrar::cancel() {
    ++m_generation;
    m_registered = false;
}

void SipRegistrar::start(const QString& login, const QString& password) {
    cancel();
    m_login = login;
    const auto account = m_scenario.accounts.constFind(login);
    RO outcome = m_scenario.acceptUnknownAccounts ? RO::Registered : RO::AuthFail;
    int delay = m_scenario.registerDelayMs;
    if (login.isEmpty()) {
        outcome = RO::Failed;
    } else if (account != m_scenario.accounts.cend()) {
        outcome = account->outcome;
        if (outcome == RO::Registered && !account->password.isNull() &&
            account->password != password) {
            outcome = RO::AuthFail;
        }
        delay = account->delayMs >= 0 ? account->delayMs : delay;
    }
    QTimer::singleShot(delay, this, [this, outcome, generation = m_generation] {
        if (generation != m_generation) {
            return;
        }
        const QString method = QStringLiteral("RegistrationStatusEvent");
        switch (outcome) {
        case RO::Registered:
            m_registered = true;
            qCInfo(lcEmulator).noquote() << "REGISTERED" << m_login;
            m_sink.sendFrame(registeredFrame());
            break;
        case RO::AuthFail:
            qCInfo(lcEmulator).noquote() << "AUTHENTICATION_FAIL" << m_login;
            m_sink.sendFrame(ServerFrames::fail(method, {}, QStringLiteral("SIP 401 Unauthorized"),
                                                QStringLiteral("AUTHENTICATION_FAIL")));
            break;
        case RO::Failed:
            qCInfo(lcEmulator).noquote() << "registration FAILED" << m_login;
            m_sink.sendFrame(ServerFrames::fail(method, {},
                                                QStringLiteral("SIP 503 Service Unavailable"),
                                                QStringLiteral("FAILED")));
            break;
        case RO::Silent:
            qCInfo(lcEmulator).noquote()
                << "registration of" << m_login << "left unanswered (scenario)";
            break;
        }
    });
}

} // namespace emulator
