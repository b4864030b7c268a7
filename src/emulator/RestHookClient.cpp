#include "emulator/RestHookClient.h"

#include "emulator/EmulatorLog.h"
#include "hooks/HookSignature.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace emulator {

RestHookClient::RestHookClient(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this)) {}

void RestHookClient::setApps(const QHash<QString, QString>& apps) {
    m_apps.clear();
    for (auto it = apps.cbegin(); it != apps.cend(); ++it) {
        QUrl url(it.value());
        QString path = url.path();
        while (path.endsWith(u'/')) {
            path.chop(1);
        }
        url.setPath(path);
        m_apps.insert(it.key(), url);
    }
}

void RestHookClient::post(const QString& appKey, const QString& method, const QJsonObject& body,
                          QObject* context, Callback done) {
    const auto app = m_apps.constFind(appKey);
    if (app == m_apps.cend()) {
        done(Result{0, {}, u"no REST base URL for appKey '%1'"_s.arg(appKey)});
        return;
    }
    QUrl url = *app;
    url.setPath(url.path() + u'/' + method);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_timeoutMs > 0) {
        req.setTransferTimeout(m_timeoutMs);
    }
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!m_secret.isEmpty()) {
        req.setRawHeader("Authorization",
                         hooks::HookSignature::authorizationValue(bytes, m_secret));
    }
    ++m_posted;
    QNetworkReply* reply = m_nam->post(req, bytes);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, method, done] {
        reply->deleteLater();
        Result r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        r.body = QJsonDocument::fromJson(answer).object();
        if (r.status == 0) {
            r.error = u"Backend unreachable: %1"_s.arg(reply->errorString());
        } else if (r.status != 200) {
            r.error = u"Backend returned %1"_s.arg(r.status);
        }
        if (!r.ok()) {
            ++m_failed;
            qCInfo(lcEmulator).noquote() << "REST hook" << method << "->" << r.error;
        } else {
            qCDebug(lcEmulator).noquote() << "REST hook" << method << "-> 200";
        }
        if (guard) {
            done(r);
        }
    });
}

} // namespace emulator
