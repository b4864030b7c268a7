#include "sip/ClientTransaction.h"

#include "sip/RandomToken.h"

namespace sip {

ClientTransaction::ClientTransaction(OutgoingRequest request, Callback callback, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_callback(std::move(callback)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClientTransaction::timedOut);
}

QString ClientTransaction::restart() {
    m_branch = m_branch.isEmpty() && !m_request.branch.isEmpty() ? m_request.branch
                                                                 : RandomToken::branch();
    m_timer.start(m_request.timeoutMs);
    return m_branch;
}

void ClientTransaction::provisionalReceived() {
    if (m_request.method == QLatin1StringView("INVITE")) {
        m_timer.stop();
    }
}

void ClientTransaction::finish(const RequestResult& result) {
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer.stop();
    if (m_callback) {
        auto cb = std::move(m_callback);
        cb(result);
    }
}

} // namespace sip
