// Read side of services::History: calls() and journal().
#include "services/History.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace services {

namespace {

/// WHERE clause under construction, with its positional values.
struct Where {
    QStringList terms;
    QVariantList values;

    void add(const QString& term, const QVariant& value) {
        terms << term;
        values << value;
    }
    void addIf(bool condition, const QString& term, const QVariant& value) {
        if (condition) {
            add(term, value);
        }
    }
    QString sql() const {
        return terms.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + terms.join(QLatin1StringView(" AND "));
    }
};

/// `%text%` for LIKE ... ESCAPE '\', with the wildcards of `text` escaped.
QString likePattern(QString text) {
    text.replace(QLatin1Char('\\'), QLatin1StringView("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1StringView("\\%"));
    text.replace(QLatin1Char('_'), QLatin1StringView("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

QString limitSql(int limit, int offset) {
    return QStringLiteral(" LIMIT %1 OFFSET %2").arg(limit > 0 ? limit : -1).arg(qMax(0, offset));
}

} // namespace

QList<CallHistoryEntry> History::calls(const CallQuery& query) {
    if (!requireOpen("calls")) {
        return {};
    }
    return runCallQuery(query);
}

QList<CallHistoryEntry> History::runCallQuery(const CallQuery& query) {
    Where w;
    if (!query.peer.isEmpty()) {
        const QString pattern = likePattern(query.peer);
        w.add(QStringLiteral("(peer LIKE ? ESCAPE '\\' OR peer_name LIKE ? ESCAPE '\\')"), pattern);
        w.values << pattern;
    }
    w.addIf(!query.accountId.isEmpty(), QStringLiteral("account_id = ?"), query.accountId);
    if (query.outcome) {
        w.add(QStringLiteral("outcome = ?"), CallHistoryEntry::toText(*query.outcome));
    }
    w.addIf(query.fromMs > 0, QStringLiteral("started_at >= ?"), query.fromMs);
    w.addIf(query.toMs > 0, QStringLiteral("started_at < ?"), query.toMs);

    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT account_id, call_id, direction, peer, peer_name, outcome,"
                             " started_at, answered_at, ended_at, end_status, end_reason,"
                             " sip_status, quality_samples, rtt_avg_ms, jitter_max_ms,"
                             " loss_percent, send_kbps, receive_kbps, mos FROM calls") +
              w.sql() + QStringLiteral(" ORDER BY started_at DESC, id DESC") +
              limitSql(query.limit, query.offset));
    for (const QVariant& v : std::as_const(w.values)) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        report(QStringLiteral("calls: %1").arg(q.lastError().text()));
        return {};
    }
    QList<CallHistoryEntry> out;
    while (q.next()) {
        CallHistoryEntry e;
        e.accountId = q.value(0).toString();
        e.callId = q.value(1).toString();
        e.direction = CallHistoryEntry::directionFromText(q.value(2).toString())
                          .value_or(CallHistoryEntry::Direction::Outgoing);
        e.peer = q.value(3).toString();
        e.peerName = q.value(4).toString();
        e.outcome = CallHistoryEntry::outcomeFromText(q.value(5).toString())
                        .value_or(CallHistoryEntry::Outcome::Failed);
        e.startedAtMs = q.value(6).toLongLong();
        e.answeredAtMs = q.value(7).toLongLong();
        e.endedAtMs = q.value(8).toLongLong();
        e.endStatus = q.value(9).toString();
        e.endReason = q.value(10).toString();
        e.sipStatus = q.value(11).toInt();
        const auto figure = [&q](int column) {
            const QVariant v = q.value(column);
            return v.isNull() ? -1.0 : v.toDouble();
        };
        e.quality.samples = q.value(12).toInt();
        e.quality.averageRttMs = figure(13);
        e.quality.maxJitterMs = figure(14);
        e.quality.lossPercent = figure(15);
        e.quality.averageSendKbps = figure(16);
        e.quality.averageReceiveKbps = figure(17);
        e.quality.mos = figure(18);
        out.append(std::move(e));
    }
    return out;
}

QList<JournalEntry> History::journal(const JournalQuery& query) {
    if (!requireOpen("journal")) {
        return {};
    }
    flush(); // a failed flush is reported; the query still shows what is committed
    return runJournalQuery(query);
}

QList<JournalEntry> History::runJournalQuery(const JournalQuery& query) {
    Where w;
    w.addIf(!query.type.isEmpty(), QStringLiteral("type = ?"), query.type);
    w.addIf(!query.accountId.isEmpty(), QStringLiteral("account_id = ?"), query.accountId);
    w.addIf(!query.objectId.isEmpty(), QStringLiteral("object_id = ?"), query.objectId);
    w.addIf(!query.streamName.isEmpty(), QStringLiteral("stream_name = ?"), query.streamName);
    w.addIf(!query.status.isEmpty(), QStringLiteral("status = ?"), query.status);
    w.addIf(query.fromMs > 0, QStringLiteral("ts >= ?"), query.fromMs);
    w.addIf(query.toMs > 0, QStringLiteral("ts < ?"), query.toMs);

    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ts, type, account_id, object_id, status, json FROM journal") +
              w.sql() + QStringLiteral(" ORDER BY ts DESC, id DESC") +
              limitSql(query.limit, query.offset));
    for (const QVariant& v : std::as_const(w.values)) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        report(QStringLiteral("journal: %1").arg(q.lastError().text()));
        return {};
    }
    QList<JournalEntry> out;
    while (q.next()) {
        JournalEntry e;
        e.timestampMs = q.value(0).toLongLong();
        e.type = q.value(1).toString();
        e.accountId = q.value(2).toString();
        e.objectId = q.value(3).toString();
        e.status = q.value(4).toString();
        e.json = q.value(5).toByteArray();
        out.append(std::move(e));
    }
    return out;
}

} // namespace services
