#include "services/MessageService.h"

#include "services/LogControlCategories.h"
#include "sip/ConnectionEvent.h"
#include "sip/ConnectionManager.h"

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace services {

namespace {

bool isConversationText(const QString& contentType) {
    const QString type = contentType.trimmed().toLower();
    return type.isEmpty() || type.startsWith(u"text/"_s);
}

QString failureText(const QJsonObject& payload) {
    const QString cause = payload.value(u"cause"_s).toString();
    const QJsonObject response = payload.value(u"response"_s).toObject();
    const int code = response.value(u"statusCode"_s).toInt(-1);
    if (code <= 0) {
        return cause;
    }
    const QString status =
        u"%1 %2"_s.arg(code).arg(response.value(u"reasonPhrase"_s).toString()).trimmed();
    return cause.isEmpty() ? status : u"%1 (%2)"_s.arg(cause, status);
}

} // namespace

MessageService::MessageService(std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {}

MessageService::~MessageService() = default;

void MessageService::attach(const QString& accountId, sip::ConnectionManager& manager) {
    if (m_managers.value(accountId) == &manager) {
        return;
    }
    m_managers.insert(accountId, &manager);
    connect(&manager, &sip::ConnectionManager::eventOccurred, this,
            [this, accountId](sip::ConnectionEvent event, const QJsonObject& payload) {
                applyEvent(accountId, event, payload);
            });
    connect(&manager, &sip::ConnectionManager::messageFinished, this,
            [this, accountId](const QString& id, bool succeeded, const QJsonObject& payload) {
                applyFinished(accountId, id, succeeded, payload);
            });
}

void MessageService::detach(const QString& accountId) {
    m_managers.remove(accountId);
}

bool MessageService::isAttached(const QString& accountId) const {
    return !m_managers.value(accountId).isNull();
}

QString MessageService::domainOf(const QString& accountId) const {
    const sip::ConnectionManager* manager = m_managers.value(accountId).data();
    if (!manager) {
        return {};
    }
    const auto config = manager->connectionConfiguration();
    return config ? config->sipServerIp : QString();
}

QString MessageService::send(const QString& accountId, const QString& peer, const QString& text,
                             QString* error) {
    const auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return QString();
    };
    if (text.trimmed().isEmpty()) {
        return fail(tr("Write a message first."));
    }
    sip::ConnectionManager* manager = m_managers.value(accountId).data();
    if (!manager || !manager->isTransportConnected()) {
        return fail(tr("The account is not connected to its SIP server."));
    }
    const QString target = peerKey(peer, domainOf(accountId));
    if (target.isEmpty() || target.endsWith(u':')) {
        return fail(tr("Enter who the message is for (a SIP user or address)."));
    }
    const QString id = manager->sendMessage(target, text);
    if (id.isEmpty()) {
        return fail(tr("The account is not connected to its SIP server."));
    }
    if (!find(accountId, id)) { // normally added by the local newMessage event already
        MessageRecord r;
        r.accountId = accountId;
        r.id = id;
        r.peer = target;
        r.direction = MessageRecord::Direction::Outgoing;
        r.body = text;
        r.contentType = u"text/plain"_s;
        r.timeMs = m_clock->nowMs();
        r.delivery = MessageRecord::Delivery::Sending;
        add(std::move(r));
    }
    return id;
}

void MessageService::applyEvent(const QString& accountId, sip::ConnectionEvent event,
                                const QJsonObject& payload) {
    if (event != sip::ConnectionEvent::NewMessage) {
        return;
    }
    const QJsonObject request = payload.value(u"request"_s).toObject();
    const QString id = payload.value(u"id"_s).toString();
    const bool local = payload.value(u"originator"_s).toString() == u"local"_s;
    const QString contentType = request.value(u"contentType"_s).toString();
    if (!isConversationText(contentType)) {
        qCDebug(lcServices) << "MESSAGE" << id << "of type" << contentType
                            << "is not shown as a conversation";
        return;
    }
    if (id.isEmpty() || find(accountId, id)) {
        return;
    }
    MessageRecord r;
    r.accountId = accountId;
    r.id = id;
    r.peer = peerKey(request.value(local ? u"to"_s : u"from"_s).toString(), domainOf(accountId));
    r.peerName = local ? QString() : request.value(u"fromDisplayName"_s).toString();
    r.direction = local ? MessageRecord::Direction::Outgoing : MessageRecord::Direction::Incoming;
    r.body = request.value(u"body"_s).toString();
    r.contentType = contentType.isEmpty() ? u"text/plain"_s : contentType;
    r.timeMs = m_clock->nowMs();
    r.delivery = local ? MessageRecord::Delivery::Sending : MessageRecord::Delivery::Received;
    if (r.peer.isEmpty()) {
        qCWarning(lcServices) << "MESSAGE" << id << "without a usable peer ignored";
        return;
    }
    add(std::move(r));
}

void MessageService::applyFinished(const QString& accountId, const QString& id, bool succeeded,
                                   const QJsonObject& payload) {
    const auto where = m_byId.constFind({accountId, id});
    if (where == m_byId.cend()) {
        return;
    }
    const QString peer = where->first;
    const int row = where->second;
    MessageRecord& r = m_conversations[{accountId, peer}][row];
    r.sipStatus = payload.value(u"response"_s).toObject().value(u"statusCode"_s).toInt(-1);
    r.delivery = succeeded ? MessageRecord::Delivery::Delivered : MessageRecord::Delivery::Failed;
    r.error = succeeded ? QString() : failureText(payload);
    Q_EMIT messageChanged(accountId, peer, row);
}

void MessageService::add(MessageRecord record) {
    const QString accountId = record.accountId;
    const QString peer = record.peer;
    QList<MessageRecord>& list = m_conversations[{accountId, peer}];
    const int row = static_cast<int>(list.size());
    m_byId.insert({accountId, record.id}, {peer, row});
    list.append(std::move(record));
    Q_EMIT messageAdded(accountId, peer, row);
}

QList<MessageConversation> MessageService::conversations() const {
    QList<MessageConversation> out;
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
        if (it->isEmpty()) {
            continue;
        }
        MessageConversation c;
        c.accountId = it.key().first;
        c.peer = it.key().second;
        c.count = static_cast<int>(it->size());
        c.lastMs = it->last().timeMs;
        c.lastBody = it->last().body;
        for (auto m = it->crbegin(); m != it->crend(); ++m) {
            if (!m->peerName.isEmpty()) {
                c.peerName = m->peerName;
                break;
            }
        }
        out.append(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.lastMs != b.lastMs ? a.lastMs > b.lastMs
                                    : std::tie(a.accountId, a.peer) < std::tie(b.accountId, b.peer);
    });
    return out;
}

QList<MessageRecord> MessageService::messages(const QString& accountId, const QString& peer) const {
    return m_conversations.value({accountId, peer});
}

const MessageRecord* MessageService::find(const QString& accountId, const QString& id) const {
    const auto where = m_byId.constFind({accountId, id});
    if (where == m_byId.cend()) {
        return nullptr;
    }
    const auto list = m_conversations.constFind({accountId, where->first});
    return list == m_conversations.cend() ? nullptr : &list->at(where->second);
}

QString MessageService::peerKey(const QString& target, const QString& domain) {
    QString t = target.trimmed();
    if (const qsizetype open = t.indexOf(u'<'); open >= 0) {
        const qsizetype close = t.indexOf(u'>', open + 1);
        t = t.mid(open + 1, close < 0 ? -1 : close - open - 1).trimmed();
    }
    for (const QChar cut : {u';', u'?'}) {
        if (const qsizetype at = t.indexOf(cut); at >= 0) {
            t.truncate(at);
        }
    }
    if (t.isEmpty()) {
        return {};
    }
    QString scheme = u"sip"_s;
    for (const QString& s : {u"sips"_s, u"sip"_s, u"tel"_s}) {
        if (t.startsWith(s + u':', Qt::CaseInsensitive)) {
            scheme = s;
            t = t.mid(s.size() + 1);
            break;
        }
    }
    if (scheme == u"tel"_s) {
        return scheme + u':' + t;
    }
    const qsizetype at = t.lastIndexOf(u'@');
    if (at < 0) {
        const QString host = domain.trimmed().toLower();
        return host.isEmpty() ? scheme + u':' + t : scheme + u':' + t + u'@' + host;
    }
    return scheme + u':' + t.left(at) + u'@' + t.mid(at + 1).toLower();
}

} // namespace services
