// The lifecycle tables of every status family (core::Lifecycle<E>): legal moves, updates,
// ignored events (after a terminal status, deprecated pseudo-statuses, unknown text) and
// illegal moves, plus the terminal sets of spec §3.4, §6.2, §7.3, §7.5.

#include "StatusFamilies.h"

#include "core/Lifecycle.h"

#include <QTest>

#include <set>
#include <vector>

Q_DECLARE_METATYPE(core::Transition)

using core::Transition;

namespace {

constexpr const char* kUnknown = "?"; // stands for E::Unknown in the rows below

template <typename E> E statusOf(const QByteArray& text) {
    if (text == kUnknown) {
        return E::Unknown;
    }
    const auto w = core::fromWire<E>(std::string_view(text.constData(), size_t(text.size())));
    if (w.isUnknown()) {
        qFatal("test row names a status not in the table: %s", text.constData());
    }
    return w.value;
}

Transition checkOf(const QString& family, const QByteArray& from, const QByteArray& to) {
    Transition t = Transition::Illegal;
    testutil::visitLifecycleFamily(family, [&]<typename E>(std::type_identity<E>) {
        t = core::Lifecycle<E>::check(statusOf<E>(from), statusOf<E>(to));
    });
    return t;
}

/// All statuses of a family's table, plus Unknown.
template <typename E> std::vector<E> allStatuses() {
    std::vector<E> out{E::Unknown};
    for (const auto& [e, name] : core::WireTable<E>::entries) {
        out.push_back(e);
    }
    return out;
}

template <typename E> QByteArray nameOf(E e) {
    return e == E::Unknown ? QByteArray(kUnknown) : QByteArray(core::toWire(e).data());
}

struct Edge {
    const char16_t* family;
    const char* from;
    const char* to;
};

/// Legal moves between NON-terminal statuses, from the spec's diagrams. Moves into a terminal
/// status are legal from every non-terminal status ("any non-terminal --> terminal").
const std::vector<Edge>& legalEdges() {
    static const std::vector<Edge> edges{
        // §3.4 PENDING --ws open--> CONNECTED --getUserData--> ESTABLISHED --registered-->
        // REGISTERED; UNREGISTERED is declared (never set by 2.0.276) and pairs with REGISTERED.
        {u"session", "PENDING", "CONNECTED"},
        {u"session", "CONNECTED", "ESTABLISHED"},
        {u"session", "ESTABLISHED", "REGISTERED"},
        {u"session", "ESTABLISHED", "UNREGISTERED"},
        {u"session", "REGISTERED", "UNREGISTERED"},
        {u"session", "UNREGISTERED", "REGISTERED"},
        // §3.3, §11: every REGISTER attempt may end in any of the four results.
        {u"registration", "UNREGISTERED", "REGISTERED"},
        {u"registration", "UNREGISTERED", "AUTHENTICATION_FAIL"},
        {u"registration", "UNREGISTERED", "FAILED"},
        {u"registration", "REGISTERED", "UNREGISTERED"},
        {u"registration", "REGISTERED", "AUTHENTICATION_FAIL"},
        {u"registration", "REGISTERED", "FAILED"},
        {u"registration", "AUTHENTICATION_FAIL", "REGISTERED"},
        {u"registration", "AUTHENTICATION_FAIL", "UNREGISTERED"},
        {u"registration", "AUTHENTICATION_FAIL", "FAILED"},
        {u"registration", "FAILED", "REGISTERED"},
        {u"registration", "FAILED", "UNREGISTERED"},
        {u"registration", "FAILED", "AUTHENTICATION_FAIL"},
        // §6.2 NEW --> PENDING --> PUBLISHING | PLAYING (the server may report before PENDING
        // was seen); PAUSED and PLAYBACK_PROBLEM are non-terminal detours.
        {u"stream", "NEW", "PENDING"},
        {u"stream", "NEW", "PUBLISHING"},
        {u"stream", "NEW", "PLAYING"},
        {u"stream", "PENDING", "PUBLISHING"},
        {u"stream", "PENDING", "PLAYING"},
        {u"stream", "PUBLISHING", "PAUSED"},
        {u"stream", "PAUSED", "PUBLISHING"},
        {u"stream", "PLAYING", "PAUSED"},
        {u"stream", "PAUSED", "PLAYING"},
        {u"stream", "PLAYING", "PLAYBACK_PROBLEM"},
        {u"stream", "PLAYBACK_PROBLEM", "PLAYING"},
        // §7.3 outgoing: NEW --> PENDING --> TRYING --> RING | RING_MEDIA | SESSION_PROGRESS -->
        // ESTABLISHED <--> HOLD (steps may be skipped; the early-media statuses may alternate)
        {u"call", "NEW", "PENDING"},
        {u"call", "NEW", "TRYING"},
        {u"call", "PENDING", "TRYING"},
        {u"call", "PENDING", "RING"},
        {u"call", "PENDING", "RING_MEDIA"},
        {u"call", "PENDING", "SESSION_PROGRESS"},
        {u"call", "PENDING", "ESTABLISHED"},
        {u"call", "TRYING", "RING"},
        {u"call", "TRYING", "RING_MEDIA"},
        {u"call", "TRYING", "SESSION_PROGRESS"},
        {u"call", "TRYING", "ESTABLISHED"},
        {u"call", "RING", "RING_MEDIA"},
        {u"call", "RING", "SESSION_PROGRESS"},
        {u"call", "RING", "ESTABLISHED"},
        {u"call", "RING_MEDIA", "RING"},
        {u"call", "RING_MEDIA", "SESSION_PROGRESS"},
        {u"call", "RING_MEDIA", "ESTABLISHED"},
        {u"call", "SESSION_PROGRESS", "RING"},
        {u"call", "SESSION_PROGRESS", "RING_MEDIA"},
        {u"call", "SESSION_PROGRESS", "ESTABLISHED"},
        // §7.3 incoming: NEW --RING--> RING --answer()--> PENDING --> ESTABLISHED
        {u"call", "NEW", "RING"},
        {u"call", "RING", "PENDING"},
        // §7.4 hold / unhold
        {u"call", "ESTABLISHED", "HOLD"},
        {u"call", "HOLD", "ESTABLISHED"},
        // §7.5 (PENDING: API v1 incoming offer) ACCEPTED --> TRYING --> COMPLETED | FAILED
        {u"transfer", "PENDING", "ACCEPTED"},
        {u"transfer", "PENDING", "TRYING"},
        {u"transfer", "ACCEPTED", "TRYING"},
        // §11 StreamKeepAliveEvent: the first report says which side the stream is on
        {u"keepAlive", "?", "PUBLISHING"},
        {u"keepAlive", "?", "PLAYING"},
        // §9.1 sessionDebug start / stop
        {u"debug", "STOPPED", "STARTED"},
        {u"debug", "STARTED", "STOPPED"},
        // §8 DataStatusEvent: pending (Unknown) --> ACCEPTED | FAILED, both terminal
    };
    return edges;
}

struct FamilyFacts {
    const char16_t* family;
    const char* initial;
    std::vector<const char*> terminal;
    std::vector<const char*> stateless;
};

const std::vector<FamilyFacts>& familyFacts() {
    static const std::vector<FamilyFacts> facts{
        {u"session", "PENDING", {"DISCONNECTED", "FAILED"}, {}}, // §3.4
        {u"registration", "UNREGISTERED", {}, {}},               // §3.3
        {u"stream",
         "NEW",
         {"UNPUBLISHED", "STOPPED", "FAILED"}, // §6.2
         {"RESIZE", "SNAPSHOT_COMPLETE", "NOT_ENOUGH_BANDWIDTH"}},
        {u"call", "NEW", {"FINISH", "BUSY", "FAILED"}, {}},    // §7.3
        {u"transfer", "PENDING", {"COMPLETED", "FAILED"}, {}}, // §7.5
        {u"keepAlive", "?", {}, {}},                           // §11
        {u"debug", "STOPPED", {}, {}},                         // §9.1
        {u"data", "?", {"ACCEPTED", "FAILED"}, {}},            // §8
    };
    return facts;
}

const FamilyFacts& factsOf(const QString& family) {
    for (const FamilyFacts& f : familyFacts()) {
        if (family == QStringView(f.family)) {
            return f;
        }
    }
    qFatal("no facts for %s", qPrintable(family));
}

bool contains(const std::vector<const char*>& v, const QByteArray& s) {
    for (const char* x : v) {
        if (s == x) {
            return true;
        }
    }
    return false;
}

} // namespace

class tst_Lifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void terminalAndStateless_data();
    void terminalAndStateless();
    void initial_data();
    void initial();
    void everyPair_data();
    void everyPair();
    void everyStateReachable_data() { initial_data(); }
    void everyStateReachable();
    void constexprAndNames();
};

void tst_Lifecycle::check_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<Transition>("expected");

    const auto row = [](const char16_t* family, const char* from, const char* to, Transition t) {
        const QString f = QString::fromUtf16(family);
        QTest::addRow("%s %s -> %s", qPrintable(f), from, to)
            << f << QByteArray(from) << QByteArray(to) << t;
    };
    constexpr auto A = Transition::Apply;
    constexpr auto U = Transition::Update;
    constexpr auto I = Transition::Ignore;
    constexpr auto X = Transition::Illegal;

    // --- session §3.4
    row(u"session", "PENDING", "CONNECTED", A);
    row(u"session", "CONNECTED", "ESTABLISHED", A);
    row(u"session", "ESTABLISHED", "REGISTERED", A);
    row(u"session", "REGISTERED", "UNREGISTERED", A);
    row(u"session", "PENDING", "FAILED", A); // ws error
    row(u"session", "PENDING", "DISCONNECTED", A);
    row(u"session", "CONNECTED", "FAILED", A);   // connect timeout
    row(u"session", "ESTABLISHED", "FAILED", A); // missed pings
    row(u"session", "REGISTERED", "DISCONNECTED", A);
    row(u"session", "ESTABLISHED", "ESTABLISHED", U);
    row(u"session", "REGISTERED", "REGISTERED", U);
    row(u"session", "FAILED", "ESTABLISHED", I); // after terminal
    row(u"session", "DISCONNECTED", "CONNECTED", I);
    row(u"session", "DISCONNECTED", "FAILED", I);
    row(u"session", "FAILED", "FAILED", I);
    row(u"session", "ESTABLISHED", "?", I);       // unknown text
    row(u"session", "PENDING", "ESTABLISHED", X); // getUserData before the socket opened
    row(u"session", "CONNECTED", "REGISTERED", X);
    row(u"session", "ESTABLISHED", "CONNECTED", X);
    row(u"session", "REGISTERED", "PENDING", X);

    // --- registration §3.3: no terminal status, every result may follow every other
    row(u"registration", "UNREGISTERED", "REGISTERED", A);
    row(u"registration", "REGISTERED", "UNREGISTERED", A);
    row(u"registration", "REGISTERED", "AUTHENTICATION_FAIL", A);
    row(u"registration", "AUTHENTICATION_FAIL", "REGISTERED", A);
    row(u"registration", "AUTHENTICATION_FAIL", "FAILED", A);
    row(u"registration", "FAILED", "AUTHENTICATION_FAIL", A);
    row(u"registration", "FAILED", "REGISTERED", A);
    row(u"registration", "REGISTERED", "REGISTERED", U); // re-REGISTER refresh
    row(u"registration", "FAILED", "FAILED", U);
    row(u"registration", "REGISTERED", "?", I);

    // --- stream §6.2
    row(u"stream", "NEW", "PENDING", A);
    row(u"stream", "PENDING", "PUBLISHING", A);
    row(u"stream", "PENDING", "PLAYING", A);
    row(u"stream", "PUBLISHING", "UNPUBLISHED", A);
    row(u"stream", "PLAYING", "STOPPED", A);
    row(u"stream", "PLAYING", "FAILED", A);
    row(u"stream", "NEW", "FAILED", A);     // stop before start (local)
    row(u"stream", "PENDING", "FAILED", A); // "Local error"
    row(u"stream", "PLAYING", "PAUSED", A);
    row(u"stream", "PAUSED", "PLAYING", A);
    row(u"stream", "PAUSED", "FAILED", A);
    row(u"stream", "PLAYING", "PLAYBACK_PROBLEM", A);
    row(u"stream", "PLAYBACK_PROBLEM", "PLAYING", A);
    row(u"stream", "PLAYBACK_PROBLEM", "STOPPED", A);
    row(u"stream", "PLAYING", "PLAYING", U);
    row(u"stream", "PUBLISHING", "PUBLISHING", U);
    row(u"stream", "PLAYING", "RESIZE", I); // deprecated pseudo-statuses never change state
    row(u"stream", "PUBLISHING", "SNAPSHOT_COMPLETE", I);
    row(u"stream", "PLAYING", "NOT_ENOUGH_BANDWIDTH", I);
    row(u"stream", "NEW", "RESIZE", I);
    row(u"stream", "STOPPED", "RESIZE", I);
    row(u"stream", "STOPPED", "PLAYING", I); // after terminal
    row(u"stream", "UNPUBLISHED", "PUBLISHING", I);
    row(u"stream", "FAILED", "STOPPED", I);
    row(u"stream", "FAILED", "FAILED", I);
    row(u"stream", "PLAYING", "?", I);
    row(u"stream", "PUBLISHING", "PLAYING", X); // a stream does not change direction
    row(u"stream", "PLAYING", "PUBLISHING", X);
    row(u"stream", "PLAYING", "PENDING", X);
    row(u"stream", "PUBLISHING", "NEW", X);
    row(u"stream", "PENDING", "PAUSED", X);
    row(u"stream", "PUBLISHING", "PLAYBACK_PROBLEM", X); // raised by a player only

    // --- call §7.3
    row(u"call", "NEW", "PENDING", A);
    row(u"call", "PENDING", "TRYING", A);
    row(u"call", "TRYING", "RING", A);
    row(u"call", "TRYING", "RING_MEDIA", A);
    row(u"call", "TRYING", "SESSION_PROGRESS", A);
    row(u"call", "RING", "ESTABLISHED", A);
    row(u"call", "RING_MEDIA", "ESTABLISHED", A);
    row(u"call", "SESSION_PROGRESS", "ESTABLISHED", A);
    row(u"call", "ESTABLISHED", "HOLD", A);
    row(u"call", "HOLD", "ESTABLISHED", A);
    row(u"call", "NEW", "RING", A);     // incoming
    row(u"call", "RING", "PENDING", A); // answered
    row(u"call", "PENDING", "ESTABLISHED", A);
    row(u"call", "ESTABLISHED", "FINISH", A);
    row(u"call", "HOLD", "FINISH", A);
    row(u"call", "RING", "BUSY", A);
    row(u"call", "TRYING", "FAILED", A);
    row(u"call", "NEW", "FAILED", A);
    row(u"call", "RING", "RING", U); // notifyIncomingCall RING, then ring RING
    row(u"call", "ESTABLISHED", "ESTABLISHED", U);
    row(u"call", "HOLD", "HOLD", U);
    row(u"call", "FINISH", "ESTABLISHED", I);
    row(u"call", "BUSY", "FINISH", I);
    row(u"call", "FINISH", "FINISH", I);
    row(u"call", "FAILED", "RING", I);
    row(u"call", "ESTABLISHED", "?", I);
    row(u"call", "ESTABLISHED", "RING", X);
    row(u"call", "ESTABLISHED", "TRYING", X);
    row(u"call", "HOLD", "RING", X);
    row(u"call", "RING", "NEW", X);
    row(u"call", "TRYING", "PENDING", X);
    row(u"call", "NEW", "HOLD", X);
    row(u"call", "NEW", "ESTABLISHED", X);
    row(u"call", "RING", "HOLD", X);

    // --- transfer §7.5
    row(u"transfer", "PENDING", "ACCEPTED", A);
    row(u"transfer", "ACCEPTED", "TRYING", A);
    row(u"transfer", "TRYING", "COMPLETED", A);
    row(u"transfer", "TRYING", "FAILED", A);
    row(u"transfer", "ACCEPTED", "COMPLETED", A);
    row(u"transfer", "ACCEPTED", "FAILED", A);
    row(u"transfer", "PENDING", "FAILED", A);
    row(u"transfer", "ACCEPTED", "ACCEPTED", U);
    row(u"transfer", "TRYING", "TRYING", U);
    row(u"transfer", "COMPLETED", "FAILED", I);
    row(u"transfer", "FAILED", "TRYING", I);
    row(u"transfer", "COMPLETED", "COMPLETED", I);
    row(u"transfer", "TRYING", "?", I);
    row(u"transfer", "TRYING", "ACCEPTED", X);
    row(u"transfer", "ACCEPTED", "PENDING", X);
    row(u"transfer", "TRYING", "PENDING", X);

    // --- keep-alive §11, debug §9.1, data §8
    row(u"keepAlive", "?", "PUBLISHING", A);
    row(u"keepAlive", "?", "PLAYING", A);
    row(u"keepAlive", "PUBLISHING", "PUBLISHING", U);
    row(u"keepAlive", "PLAYING", "?", I);
    row(u"keepAlive", "PUBLISHING", "PLAYING", X);
    row(u"debug", "STOPPED", "STARTED", A);
    row(u"debug", "STARTED", "STOPPED", A);
    row(u"debug", "STARTED", "STARTED", U);
    row(u"debug", "STOPPED", "?", I);
    row(u"data", "?", "ACCEPTED", A);
    row(u"data", "?", "FAILED", A);
    row(u"data", "ACCEPTED", "FAILED", I);
    row(u"data", "FAILED", "ACCEPTED", I);
    row(u"data", "ACCEPTED", "ACCEPTED", I);
    row(u"data", "?", "?", I);
}

void tst_Lifecycle::check() {
    QFETCH(QString, family);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(Transition, expected);
    const Transition actual = checkOf(family, from, to);
    QVERIFY2(actual == expected,
             qPrintable(QStringLiteral("got %1, expected %2")
                            .arg(core::toString(actual), core::toString(expected))));
}

void tst_Lifecycle::terminalAndStateless_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("stateless");
    for (const FamilyFacts& f : familyFacts()) {
        const QString family = QString::fromUtf16(f.family);
        testutil::visitLifecycleFamily(family, [&]<typename E>(std::type_identity<E>) {
            for (const E e : allStatuses<E>()) {
                const QByteArray name = nameOf(e);
                QTest::addRow("%s %s", qPrintable(family), name.constData())
                    << family << name << contains(f.terminal, name) << contains(f.stateless, name);
            }
        });
    }
}

void tst_Lifecycle::terminalAndStateless() {
    QFETCH(QString, family);
    QFETCH(QByteArray, status);
    QFETCH(bool, terminal);
    QFETCH(bool, stateless);
    testutil::visitLifecycleFamily(family, [&]<typename E>(std::type_identity<E>) {
        const E e = statusOf<E>(status);
        QCOMPARE(core::Lifecycle<E>::isTerminal(e), terminal);
        QCOMPARE(core::Lifecycle<E>::isStateless(e), stateless);
    });
}

void tst_Lifecycle::initial_data() {
    QTest::addColumn<QString>("family");
    for (const FamilyFacts& f : familyFacts()) {
        const QString family = QString::fromUtf16(f.family);
        QTest::newRow(qPrintable(family)) << family;
    }
}

void tst_Lifecycle::initial() {
    QFETCH(QString, family);
    const FamilyFacts& f = factsOf(family);
    testutil::visitLifecycleFamily(family, [&]<typename E>(std::type_identity<E>) {
        QCOMPARE(core::Lifecycle<E>::initial(), statusOf<E>(f.initial));
        QVERIFY(!core::Lifecycle<E>::isTerminal(core::Lifecycle<E>::initial()));
    });
}

void tst_Lifecycle::everyPair_data() {
    initial_data();
}

/// Every (from, to) pair of a family, Unknown included, against the rules and the spec edges.
void tst_Lifecycle::everyPair() {
    QFETCH(QString, family);
    const FamilyFacts& f = factsOf(family);
    std::set<std::pair<QByteArray, QByteArray>> legal;
    for (const Edge& e : legalEdges()) {
        if (family == QStringView(e.family)) {
            legal.emplace(e.from, e.to);
        }
    }
    int checked = 0;
    testutil::visitLifecycleFamily(family, [&]<typename E>(std::type_identity<E>) {
        for (const E from : allStatuses<E>()) {
            for (const E to : allStatuses<E>()) {
                const QByteArray a = nameOf(from);
                const QByteArray b = nameOf(to);
                Transition expected;
                if (to == E::Unknown || contains(f.stateless, b) || contains(f.terminal, a)) {
                    expected = Transition::Ignore;
                } else if (from == to) {
                    expected = Transition::Update;
                } else if (contains(f.terminal, b)) {
                    expected = Transition::Apply;
                } else {
                    expected = legal.count({a, b}) ? Transition::Apply : Transition::Illegal;
                }
                const Transition actual = core::Lifecycle<E>::check(from, to);
                QVERIFY2(actual == expected,
                         qPrintable(QStringLiteral("%1 -> %2: got %3, expected %4")
                                        .arg(QString::fromLatin1(a), QString::fromLatin1(b),
                                             core::toString(actual), core::toString(expected))));
                ++checked;
            }
        }
    });
    QVERIFY(checked > 0);
}

/// Every status that is a state (not stateless, not Unknown) can be reached from the initial
/// one through Apply moves: no dead rows in a table.
void tst_Lifecycle::everyStateReachable() {
    QFETCH(QString, family);
    testutil::visitLifecycleFamily(family, [&]<typename E>(std::type_identity<E>) {
        using L = core::Lifecycle<E>;
        std::set<E> seen{L::initial()};
        std::vector<E> todo{L::initial()};
        while (!todo.empty()) {
            const E from = todo.back();
            todo.pop_back();
            for (const E to : allStatuses<E>()) {
                if (L::check(from, to) == Transition::Apply && seen.insert(to).second) {
                    todo.push_back(to);
                }
            }
        }
        for (const E e : allStatuses<E>()) {
            if (e != E::Unknown && !L::isStateless(e)) {
                QVERIFY2(seen.count(e), nameOf(e).constData());
            }
        }
    });
}

void tst_Lifecycle::constexprAndNames() {
    using core::CallStatus;
    using core::Lifecycle;
    static_assert(Lifecycle<CallStatus>::check(CallStatus::New, CallStatus::Pending) ==
                  Transition::Apply);
    static_assert(Lifecycle<CallStatus>::isTerminal(CallStatus::Busy));
    static_assert(Lifecycle<core::StreamStatus>::isStateless(core::StreamStatus::Resize));
    QCOMPARE(core::toString(Transition::Apply), QLatin1StringView("apply"));
    QCOMPARE(core::toString(Transition::Update), QLatin1StringView("update"));
    QCOMPARE(core::toString(Transition::Ignore), QLatin1StringView("ignore"));
    QCOMPARE(core::toString(Transition::Illegal), QLatin1StringView("illegal"));
}

QTEST_APPLESS_MAIN(tst_Lifecycle)
#include "tst_Lifecycle.moc"
