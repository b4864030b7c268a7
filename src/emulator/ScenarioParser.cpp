#include "emulator/ScenarioParser.h"

#include "emulator/ActionCatalog.h"
#include "emulator/EmulatorLog.h"
#include "emulator/ScenarioReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QUrl>

#include <array>
#include <utility>

namespace emulator {

namespace {

using Error = ScenarioParser::Error;

QString childPath(const QString& parent, const QString& key) {
    return ScenarioReader::childPath(parent, key);
}

QString indexPath(const QString& parent, qsizetype i) {
    return ScenarioReader::indexPath(parent, i);
}

using Reader = ScenarioReader;
using L = QLatin1StringView;
using RO = Scenario::RegistrationOutcome;
using BE = Scenario::BackgroundStream::End;
using TO = Scenario::TransferOutcome;

constexpr std::array<std::pair<const char*, RO>, 4> kOutcomes{{{"registered", RO::Registered},
                                                               {"authFail", RO::AuthFail},
                                                               {"failed", RO::Failed},
                                                               {"silent", RO::Silent}}};
constexpr std::array<std::pair<const char*, bool>, 2> kUnknownAccounts{
    {{"register", true}, {"authFail", false}}};
constexpr std::array<std::pair<const char*, TO>, 2> kTransfer{
    {{"completed", TO::Completed}, {"failed", TO::Failed}}};
constexpr std::array<std::pair<const char*, bool>, 2> kDataStatus{
    {{"ACCEPTED", true}, {"FAILED", false}}};
constexpr std::array<std::pair<const char*, BE>, 3> kEnds{
    {{"unpublish", BE::Unpublish}, {"fail", BE::Fail}, {"alternate", BE::Alternate}}};
constexpr std::array<std::pair<const char*, bool>, 2> kScopes{
    {{"session", false}, {"server", true}}};

/// Parses the objects of a `{"<name>": {...}}` map, calling `each(reader, name)`.
template <typename F>
void forEachEntry(Reader& parent, L key, const QString& parentPath, QList<Error>& errors, F each) {
    const auto map = parent.object(key);
    if (!map) {
        return;
    }
    const QString mapPath = childPath(parentPath, QString(key));
    for (auto it = map->begin(); it != map->end(); ++it) {
        const QString path = childPath(mapPath, it.key());
        if (it.key().isEmpty()) {
            errors.append({path, QStringLiteral("empty name")});
            continue;
        }
        if (!it.value().isObject()) {
            errors.append({path, QStringLiteral("expected an object")});
            continue;
        }
        Reader r(it.value().toObject(), path, errors);
        each(r, it.key());
        r.finish();
    }
}

Scenario::Callee readCallee(Reader& r, const QString& path, QList<Error>& errors,
                            Scenario::Callee c) {
    using O = Scenario::Callee::Outcome;
    QStringList outcomes;
    if (r.has(L("answerAfterMs"))) {
        c.answerAfterMs = r.ms(L("answerAfterMs"), c.answerAfterMs);
        c.outcome = O::Answer;
        outcomes << QStringLiteral("answerAfterMs");
    }
    if (r.boolean(L("busy"), false)) {
        c.outcome = O::Busy;
        outcomes << QStringLiteral("busy");
    }
    if (r.has(L("rejectCode"))) {
        c.rejectCode = static_cast<int>(r.integer(L("rejectCode"), 0, 400, 699));
        c.outcome = O::Reject;
        outcomes << QStringLiteral("rejectCode");
    }
    if (r.boolean(L("neverAnswer"), false)) {
        c.outcome = O::NeverAnswer;
        outcomes << QStringLiteral("neverAnswer");
    }
    if (outcomes.size() > 1) {
        r.error(QString(), QStringLiteral("conflicting outcomes: %1").arg(outcomes.join(u',')));
    }
    c.rejectInfo = r.string(L("rejectInfo"), c.rejectInfo);
    c.ringAfterMs = r.ms(L("ringAfterMs"), c.ringAfterMs, -1);
    c.hangupAfterMs = r.ms(L("hangupAfterMs"), c.hangupAfterMs);
    c.echo = r.boolean(L("echo"), c.echo);
    if (const auto targets = r.object(L("transferTargets"))) {
        const QString tpath = childPath(path, QStringLiteral("transferTargets"));
        for (auto it = targets->begin(); it != targets->end(); ++it) {
            const QString v = it.value().toString();
            if (v == L("completed") || v == L("failed")) {
                c.transferTargets.insert(it.key(), v == L("failed") ? TO::Failed : TO::Completed);
            } else {
                errors.append({childPath(tpath, it.key()),
                               QStringLiteral("expected \"completed\" or \"failed\"")});
            }
        }
    }
    return c;
}

void readTimeline(Reader& root, QList<Error>& errors, Scenario& s) {
    const auto list = root.array(L("timeline"));
    if (!list) {
        return;
    }
    const QString path = childPath(QStringLiteral("$"), QStringLiteral("timeline"));
    static const QStringList kTimelineKeys{QStringLiteral("atMs"), QStringLiteral("everyMs"),
                                           QStringLiteral("repeat"), QStringLiteral("scope")};
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString ipath = indexPath(path, i);
        if (!list->at(i).isObject()) {
            errors.append({ipath, QStringLiteral("expected an object")});
            continue;
        }
        const QJsonObject o = list->at(i).toObject();
        Reader r(o, ipath, errors);
        Scenario::TimelineEntry e;
        e.atMs = r.ms(L("atMs"), 0);
        e.everyMs = r.ms(L("everyMs"), 0);
        if (e.everyMs != 0 && e.everyMs < 10) {
            r.error(QStringLiteral("everyMs"), QStringLiteral("expected 0 (once) or at least 10"));
        }
        e.repeat = static_cast<int>(r.integer(L("repeat"), 0, 0, 1000000));
        e.serverScope = r.choice(L("scope"), kScopes, false);
        for (const auto& p : ActionCatalog::validate(o, kTimelineKeys)) {
            errors.append({p.key.isEmpty() ? ipath : childPath(ipath, p.key), p.message});
        }
        const auto* action = ActionCatalog::find(o.value(L("action")).toString());
        if (action && !action->inTimeline) {
            errors.append({childPath(ipath, QStringLiteral("action")),
                           QStringLiteral("'%1' is a query, not a timeline action")
                               .arg(QLatin1StringView(action->name))});
        }
        e.action = o;
        for (const QString& k : kTimelineKeys) {
            e.action.remove(k);
        }
        s.timeline.append(e);
    }
}

void readBackground(Reader& root, QList<Error>& errors, Scenario& s) {
    const auto list = root.array(L("backgroundStreams"));
    if (!list) {
        return;
    }
    const QString path = childPath(QStringLiteral("$"), QStringLiteral("backgroundStreams"));
    QSet<QString> names;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString ipath = indexPath(path, i);
        if (!list->at(i).isObject()) {
            errors.append({ipath, QStringLiteral("expected an object")});
            continue;
        }
        Reader r(list->at(i).toObject(), ipath, errors);
        Scenario::BackgroundStream b;
        if (!r.has(L("name"))) {
            r.error(QString(), QStringLiteral("needs 'name'"));
        }
        b.name = r.string(L("name"), b.name, true);
        if (!b.name.isEmpty() && names.contains(b.name)) {
            r.error(QStringLiteral("name"),
                    QStringLiteral("duplicate stream name '%1'").arg(b.name));
        }
        names.insert(b.name);
        b.startAfterMs = r.ms(L("startAfterMs"), b.startAfterMs);
        b.upMs = r.ms(L("upMs"), b.upMs);
        b.downMs = r.ms(L("downMs"), b.downMs);
        b.end = r.choice(L("end"), kEnds, b.end);
        b.failInfo = r.string(L("failInfo"), b.failInfo);
        b.viewers = static_cast<int>(r.integer(L("viewers"), b.viewers, 0, 100));
        b.hasAudio = r.boolean(L("hasAudio"), b.hasAudio);
        b.hasVideo = r.boolean(L("hasVideo"), b.hasVideo);
        b.record = r.boolean(L("record"), b.record);
        b.mediaProvider = r.string(L("mediaProvider"), b.mediaProvider, true);
        b.width = static_cast<int>(r.integer(L("width"), b.width, 1, 7680));
        b.height = static_cast<int>(r.integer(L("height"), b.height, 1, 4320));
        r.finish();
        s.backgroundStreams.append(b);
    }
}

void readDataRules(Reader& root, QList<Error>& errors, Scenario& s) {
    const auto list = root.array(L("dataRules"));
    if (!list) {
        return;
    }
    const QString path = childPath(QStringLiteral("$"), QStringLiteral("dataRules"));
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString ipath = indexPath(path, i);
        if (!list->at(i).isObject()) {
            errors.append({ipath, QStringLiteral("expected an object")});
            continue;
        }
        Reader r(list->at(i).toObject(), ipath, errors);
        Scenario::DataRule d;
        d.key = r.string(L("key"), {}, true);
        d.contains = r.string(L("contains"), {}, true);
        d.accept = r.choice(L("status"), kDataStatus, true);
        d.info = r.string(L("info"), {});
        d.echo = r.boolean(L("echo"), false);
        d.delayMs = r.ms(L("delayMs"), 0);
        r.finish();
        s.dataRules.append(d);
    }
}

void readRestHooks(Reader& root, QList<Error>& errors, Scenario& s) {
    const auto hooks = root.object(L("restHooks"));
    if (!hooks) {
        return;
    }
    const QString hpath = childPath(QStringLiteral("$"), QStringLiteral("restHooks"));
    Reader r(*hooks, hpath, errors);
    if (const auto apps = r.object(L("apps"))) {
        const QString apath = childPath(hpath, QStringLiteral("apps"));
        for (auto it = apps->begin(); it != apps->end(); ++it) {
            const QUrl url(it.value().toString(), QUrl::StrictMode);
            if (!it.value().isString() || !url.isValid() ||
                (url.scheme() != L("http") && url.scheme() != L("https")) || url.host().isEmpty()) {
                errors.append({childPath(apath, it.key()),
                               QStringLiteral("expected an http:// or https:// base URL")});
                continue;
            }
            s.restHooks.apps.insert(it.key(), it.value().toString());
        }
    }
    s.restHooks.secret = r.string(L("secret"), {});
    s.restHooks.keepAliveIntervalMs =
        r.ms(L("keepAliveIntervalMs"), s.restHooks.keepAliveIntervalMs);
    s.restHooks.timeoutMs = r.ms(L("timeoutMs"), s.restHooks.timeoutMs);
    r.finish();
}

} // namespace

QString ScenarioParser::Result::errorString() const {
    QStringList lines;
    for (const auto& e : errors) {
        lines << e.toString();
    }
    return lines.join(u'\n');
}

ScenarioParser::Result ScenarioParser::parse(QByteArrayView json) {
    Result result;
    auto& errors = result.errors;
    const QString rootPath = QStringLiteral("$");
    if (json.size() > kMaxBytes) {
        errors.append({rootPath, QStringLiteral("scenario is %1 bytes, the limit is %2")
                                     .arg(json.size())
                                     .arg(kMaxBytes)});
        return result;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        errors.append({rootPath, QStringLiteral("not valid JSON: %1 at offset %2")
                                     .arg(pe.errorString())
                                     .arg(pe.offset)});
        return result;
    }
    if (!doc.isObject()) {
        errors.append({rootPath, QStringLiteral("expected a JSON object")});
        return result;
    }
    Scenario s;
    Reader root(doc.object(), rootPath, errors);
    s.description = root.string(L("description"), {});
    s.nodeId = root.string(L("nodeId"), {});
    s.keepAliveGraceMs = root.ms(L("keepAliveGraceMs"), s.keepAliveGraceMs);
    if (const auto reg = root.object(L("registration"))) {
        Reader r(*reg, childPath(rootPath, QStringLiteral("registration")), errors);
        s.registerDelayMs = r.ms(L("delayMs"), s.registerDelayMs);
        s.acceptUnknownAccounts = r.choice(L("unknownAccounts"), kUnknownAccounts, true);
        r.finish();
    }
    forEachEntry(root, L("accounts"), rootPath, errors, [&](Reader& r, const QString& login) {
        Scenario::Account a;
        a.password = r.string(L("password"), {});
        a.outcome = r.choice(L("outcome"), kOutcomes, a.outcome);
        a.delayMs = r.ms(L("delayMs"), a.delayMs, -1);
        s.accounts.insert(login, a);
    });
    if (const auto calls = root.object(L("calls"))) {
        const QString cpath = childPath(rootPath, QStringLiteral("calls"));
        Reader r(*calls, cpath, errors);
        s.ringAfterMs = r.ms(L("ringAfterMs"), s.ringAfterMs);
        s.transferStepMs = r.ms(L("transferStepMs"), s.transferStepMs);
        if (const auto def = r.object(L("defaultCallee"))) {
            const QString dpath = childPath(cpath, QStringLiteral("defaultCallee"));
            Reader d(*def, dpath, errors);
            s.defaultCallee = readCallee(d, dpath, errors, s.defaultCallee);
            d.finish();
        }
        r.finish();
    }
    const QString calleesPath = childPath(rootPath, QStringLiteral("callees"));
    forEachEntry(root, L("callees"), rootPath, errors, [&](Reader& r, const QString& number) {
        s.callees.insert(number,
                         readCallee(r, childPath(calleesPath, number), errors, s.defaultCallee));
    });
    if (const auto streams = root.object(L("streams"))) {
        Reader r(*streams, childPath(rootPath, QStringLiteral("streams")), errors);
        s.publishDelayMs = r.ms(L("publishDelayMs"), s.publishDelayMs);
        s.playDelayMs = r.ms(L("playDelayMs"), s.playDelayMs);
        s.resizeOnPlay = r.boolean(L("resizeOnPlay"), s.resizeOnPlay);
        r.finish();
    }
    readDataRules(root, errors, s);
    readRestHooks(root, errors, s);
    readBackground(root, errors, s);
    readTimeline(root, errors, s);
    root.finish();
    if (errors.isEmpty()) {
        result.scenario = std::move(s);
    }
    return result;
}

Scenario ScenarioParser::demo() {
    Result r = parseFile(QString(kDemoResource));
    if (!r.ok()) {
        qCWarning(lcEmulator).noquote() << "demo scenario:" << r.errorString();
        return Scenario{};
    }
    return std::move(*r.scenario);
}

ScenarioParser::Result ScenarioParser::parseFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Result r;
        r.errors.append(
            {QStringLiteral("$"), QStringLiteral("cannot read %1: %2").arg(path, f.errorString())});
        return r;
    }
    return parse(f.read(kMaxBytes + 1));
}

} // namespace emulator
