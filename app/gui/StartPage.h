// What the window shows with no trace open: record, attach, open, run the demo, recent files.
#pragma once

#include <QWidget>

class QListWidget;

namespace syscope::gui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);
    void setRecentFiles(const QStringList& files);

signals:
    void recordRequested();
    void attachRequested();
    void openRequested();
    void demoRequested();
    void recentRequested(const QString& path);

private:
    QListWidget* m_recent;
};

} // namespace syscope::gui
