#include "ToolLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace syscope::gui {

namespace {

QString findTool(const QString& name, const char* envVar, const QString& buildFolder) {
    const QString fromEnv = qEnvironmentVariable(envVar);
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable()) {
        return QFileInfo(fromEnv).absoluteFilePath();
    }
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        appDir + u'/' + name, appDir + QStringLiteral("/../") + buildFolder + u'/' + name,
        appDir + QStringLiteral("/../../app/") + buildFolder + u'/' + name};
    for (const QString& candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable()) {
            return QDir::cleanPath(info.absoluteFilePath());
        }
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace

QString findSyscopeCli() {
    return findTool(QStringLiteral("syscope-cli"), "SYSCOPE_CLI", QStringLiteral("cli"));
}

QString findSyscopeDemo() {
    return findTool(QStringLiteral("syscope-demo"), "SYSCOPE_DEMO", QStringLiteral("demo"));
}

} // namespace syscope::gui
