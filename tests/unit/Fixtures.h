#pragma once

// Test helper: the frames captured from the official Web SDK 2.0.276
// (shared/fixtures/wcs-official-sdk/*.jsonl, one {t, dir, conn, raw} object per line).
// "C>S" frames are what the real client sent (authoritative); "S>C" frames came from a simple
// test server.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace testutil {

struct FixtureFrame {
    QString file;     ///< base name of the .jsonl file
    int line = 0;     ///< 1-based line in that file
    QString dir;      ///< "C>S" or "S>C"
    int conn = 0;     ///< connection number within the capture
    QByteArray raw;   ///< the frame text exactly as sent
    QString message;  ///< its `message` name (empty if the frame is not a JSON object)
    QJsonObject arg0; ///< its data[0] when that is an object
};

/// shared/ beside the repository: $CALLBOARD_SHARED_DIR, else <source>/../shared.
inline QString sharedDir() {
    const QByteArray env = qgetenv("CALLBOARD_SHARED_DIR");
    if (!env.isEmpty()) {
        return QString::fromLocal8Bit(env);
    }
    const QByteArray source = qgetenv("CALLBOARD_SOURCE_DIR");
    if (!source.isEmpty()) {
        return QString::fromLocal8Bit(source) + QStringLiteral("/../shared");
    }
#ifdef QT_TESTCASE_SOURCEDIR
    // run by hand outside ctest: <repo>/tests/<kind>/ -> <repo>/../shared
    return QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../../shared");
#else
    return QStringLiteral("../shared");
#endif
}

inline QString fixtureDir() {
    return sharedDir() + QStringLiteral("/fixtures/wcs-official-sdk");
}

/// Every C>S and S>C frame of every capture, in file and line order.
inline QList<FixtureFrame> fixtureFrames() {
    QList<FixtureFrame> frames;
    const QDir dir(fixtureDir());
    const QStringList files = dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            ++lineNo;
            if (line.isEmpty()) {
                continue;
            }
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString d = o.value(QStringLiteral("dir")).toString();
            if (d != QStringLiteral("C>S") && d != QStringLiteral("S>C")) {
                continue;
            }
            FixtureFrame fr;
            fr.file = QFileInfo(name).completeBaseName();
            fr.line = lineNo;
            fr.dir = d;
            fr.conn = o.value(QStringLiteral("conn")).toInt();
            fr.raw = o.value(QStringLiteral("raw")).toString().toUtf8();
            const QJsonObject frame = QJsonDocument::fromJson(fr.raw).object();
            fr.message = frame.value(QStringLiteral("message")).toString();
            fr.arg0 = frame.value(QStringLiteral("data")).toArray().at(0).toObject();
            frames.append(fr);
        }
    }
    return frames;
}

} // namespace testutil
