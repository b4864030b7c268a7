// services::MessageService (SIP MESSAGE conversations per account and peer, issue #5) and
// models::MessageListModel over it, fed with the payloads of `connection:newMessage` and
// messageFinished (spec sip-connection-manager.md §4, §8.6).
#include "support/FakeClock.h"

#include "models/MessageListModel.h"
#include "services/MessageService.h"
#include "sip/ConnectionEvent.h"
#include "sip/ConnectionManager.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::MessageRecord;
using services::MessageService;

namespace {

QJsonObject newMessage(const QString& originator, const QString& id, const QString& from,
                       const QString& to, const QString& body,
                       const QString& contentType = u"text/plain"_s, const QString& fromName = {}) {
    return {{u"originator"_s, originator},
            {u"id"_s, id},
            {u"request"_s, QJsonObject{{u"method"_s, u"MESSAGE"_s},
                                       {u"from"_s, from},
                                       {u"fromDisplayName"_s, fromName},
                                       {u"to"_s, to},
                                       {u"contentType"_s, contentType},
                                       {u"body"_s, body}}}};
}

QJsonObject response(int code, const QString& reason) {
    return {{u"statusCode"_s, code}, {u"reasonPhrase"_s, reason}};
}

} // namespace

class tst_MessageService : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

private Q_SLOTS:
    void peerKey_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("key");
        QTest::newRow("bare user") << u"bob"_s << u"sip.test"_s << u"sip:bob@sip.test"_s;
        QTest::newRow("bare, no domain") << u"bob"_s << QString() << u"sip:bob"_s;
        QTest::newRow("user@host")
            << u" bob@Example.NET "_s << u"sip.test"_s << u"sip:bob@example.net"_s;
        QTest::newRow("uri") << u"sip:bob@sip.test"_s << QString() << u"sip:bob@sip.test"_s;
        QTest::newRow("scheme case") << u"SIP:Bob@SIP.test"_s << QString() << u"sip:Bob@sip.test"_s;
        QTest::newRow("name-addr") << uR"("Bob B" <sip:bob@sip.test;transport=ws>;tag=12)"_s
                                   << QString() << u"sip:bob@sip.test"_s;
        QTest::newRow("params, headers")
            << u"sip:bob@sip.test;transport=ws?subject=x"_s << QString() << u"sip:bob@sip.test"_s;
        QTest::newRow("sips") << u"sips:bob@secure.test"_s << QString()
                              << u"sips:bob@secure.test"_s;
        QTest::newRow("tel") << u"tel:+15551234"_s << u"sip.test"_s << u"tel:+15551234"_s;
        QTest::newRow("empty") << u"  "_s << u"sip.test"_s << QString();
        QTest::newRow("brackets only") << u"<>"_s << u"sip.test"_s << QString();
    }
    void peerKey() {
        QFETCH(QString, target);
        QFETCH(QString, domain);
        QFETCH(QString, key);
        QCOMPARE(MessageService::peerKey(target, domain), key);
    }

    void conversationsPerAccountAndPeer() {
        MessageService service(clock);
        QSignalSpy added(&service, &MessageService::messageAdded);
        service.applyEvent(u"a1"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"remote"_s, u"m1"_s, u"sip:bob@sip.test"_s,
                                      u"sip:alice@sip.test"_s, u"hi alice"_s, u"text/plain"_s,
                                      u"Bob"_s));
        clock->advance(1000);
        service.applyEvent(u"a1"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"local"_s, u"m2"_s, u"sip:alice@sip.test"_s,
                                      u"sip:BOB@SIP.TEST"_s.toLower(), u"hi bob"_s));
        clock->advance(1000);
        service.applyEvent(u"a2"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"remote"_s, u"m3"_s, u"sip:bob@sip.test"_s,
                                      u"sip:carol@sip.test"_s, u"other account"_s));
        // other events and other content types are no conversation
        service.applyEvent(u"a1"_s, sip::ConnectionEvent::SipEvent,
                           newMessage(u"remote"_s, u"x"_s, u"sip:bob@sip.test"_s, {}, u"no"_s));
        service.applyEvent(u"a1"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"remote"_s, u"m4"_s, u"sip:bob@sip.test"_s,
                                      u"sip:alice@sip.test"_s, u"<isComposing/>"_s,
                                      u"application/im-iscomposing+xml"_s));
        // a repeated id (retransmission reported twice) is one message
        service.applyEvent(u"a1"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"remote"_s, u"m1"_s, u"sip:bob@sip.test"_s,
                                      u"sip:alice@sip.test"_s, u"hi alice"_s));
        QCOMPARE(added.size(), 3);

        const auto bob = service.messages(u"a1"_s, u"sip:bob@sip.test"_s);
        QCOMPARE(bob.size(), 2);
        QCOMPARE(bob.at(0).direction, MessageRecord::Direction::Incoming);
        QCOMPARE(bob.at(0).delivery, MessageRecord::Delivery::Received);
        QCOMPARE(bob.at(0).peerName, u"Bob"_s);
        QCOMPARE(bob.at(0).timeMs, 1'700'000'000'000);
        QCOMPARE(bob.at(1).direction, MessageRecord::Direction::Outgoing);
        QCOMPARE(bob.at(1).delivery, MessageRecord::Delivery::Sending);
        QCOMPARE(bob.at(1).body, u"hi bob"_s);

        const auto convs = service.conversations();
        QCOMPARE(convs.size(), 2);
        QCOMPARE(convs.at(0).accountId, u"a2"_s); // newest first
        QCOMPARE(convs.at(1).accountId, u"a1"_s);
        QCOMPARE(convs.at(1).peer, u"sip:bob@sip.test"_s);
        QCOMPARE(convs.at(1).peerName, u"Bob"_s);
        QCOMPARE(convs.at(1).count, 2);
        QCOMPARE(convs.at(1).lastBody, u"hi bob"_s);
    }

    void deliveryResults() {
        MessageService service(clock);
        QSignalSpy changed(&service, &MessageService::messageChanged);
        for (const QString& id : {u"ok"_s, u"nf"_s, u"to"_s}) {
            service.applyEvent(u"a"_s, sip::ConnectionEvent::NewMessage,
                               newMessage(u"local"_s, id, u"sip:alice@sip.test"_s,
                                          u"sip:dave@sip.test"_s, u"text "_s + id));
        }
        service.applyFinished(u"a"_s, u"ok"_s, true, {{u"response"_s, response(200, u"OK"_s)}});
        service.applyFinished(
            u"a"_s, u"nf"_s, false,
            {{u"response"_s, response(404, u"Not Found"_s)}, {u"cause"_s, u"Not Found"_s}});
        service.applyFinished(u"a"_s, u"to"_s, false, {{u"cause"_s, u"Request Timeout"_s}});
        service.applyFinished(u"a"_s, u"unknown"_s, true, {}); // ignored
        service.applyFinished(u"b"_s, u"ok"_s, false, {});     // other account: ignored
        QCOMPARE(changed.size(), 3);
        QCOMPARE(service.find(u"a"_s, u"ok"_s)->delivery, MessageRecord::Delivery::Delivered);
        QCOMPARE(service.find(u"a"_s, u"ok"_s)->sipStatus, 200);
        QCOMPARE(service.find(u"a"_s, u"nf"_s)->delivery, MessageRecord::Delivery::Failed);
        QCOMPARE(service.find(u"a"_s, u"nf"_s)->sipStatus, 404);
        QCOMPARE(service.find(u"a"_s, u"nf"_s)->error, u"Not Found (404 Not Found)"_s);
        QCOMPARE(service.find(u"a"_s, u"to"_s)->sipStatus, -1);
        QCOMPARE(service.find(u"a"_s, u"to"_s)->error, u"Request Timeout"_s);
        QVERIFY(service.find(u"a"_s, u"unknown"_s) == nullptr);
    }

    void sendWithoutConnectionFails() {
        MessageService service(clock);
        QString error;
        QVERIFY(service.send(u"a"_s, u"bob"_s, u"hello"_s, &error).isEmpty());
        QVERIFY(error.contains(u"not connected"_s));
        sip::ConnectionManager idle; // attached but never connected
        service.attach(u"a"_s, idle);
        QVERIFY(service.isAttached(u"a"_s));
        error.clear();
        QVERIFY(service.send(u"a"_s, u"bob"_s, u"hello"_s, &error).isEmpty());
        QVERIFY(error.contains(u"not connected"_s));
        error.clear();
        QVERIFY(service.send(u"a"_s, u"bob"_s, u"   "_s, &error).isEmpty());
        QVERIFY(error.contains(u"Write a message"_s));
        service.detach(u"a"_s);
        QVERIFY(!service.isAttached(u"a"_s));
        QVERIFY(service.conversations().isEmpty());
    }

    void modelFollowsTheConversation() {
        MessageService service(clock);
        models::MessageListModel model(service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        service.applyEvent(u"a"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"remote"_s, u"m1"_s, u"sip:bob@sip.test"_s,
                                      u"sip:alice@sip.test"_s, u"first"_s, {}, u"Bob"_s));
        QCOMPARE(model.rowCount(), 0); // nothing selected
        model.setConversation(u"a"_s, u"sip:bob@sip.test"_s);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        service.applyEvent(u"a"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"local"_s, u"m2"_s, u"sip:alice@sip.test"_s,
                                      u"sip:bob@sip.test"_s, u"second"_s));
        service.applyEvent(u"a"_s, sip::ConnectionEvent::NewMessage,
                           newMessage(u"remote"_s, u"m3"_s, u"sip:carol@sip.test"_s,
                                      u"sip:alice@sip.test"_s, u"elsewhere"_s));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex sent = model.index(1);
        QCOMPARE(sent.data(models::MessageListModel::OutgoingRole).toBool(), true);
        QCOMPARE(sent.data(models::MessageListModel::DeliveryTextRole).toString(), u"sending…"_s);
        service.applyFinished(u"a"_s, u"m2"_s, false,
                              {{u"response"_s, response(480, u"Temporarily Unavailable"_s)},
                               {u"cause"_s, u"Unavailable"_s}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(sent.data(models::MessageListModel::SipStatusRole).toInt(), 480);
        QCOMPARE(sent.data(models::MessageListModel::DeliveryTextRole).toString(),
                 u"not delivered: Unavailable (480 Temporarily Unavailable)"_s);
        const QString line = sent.data().toString();
        QVERIFY2(line.contains(u"→ second"_s) && line.contains(u"480"_s), qPrintable(line));
        const QModelIndex received = model.index(0);
        QCOMPARE(received.data(models::MessageListModel::DeliveryTextRole).toString(),
                 u"received"_s);
        QCOMPARE(received.data(models::MessageListModel::PeerNameRole).toString(), u"Bob"_s);
        QVERIFY(received.data().toString().contains(u"← first"_s));
        QCOMPARE(received.data(models::MessageListModel::TimeTextRole).toString().size(), 8);
        model.setConversation({}, {});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_MessageService)
#include "tst_MessageService.moc"
