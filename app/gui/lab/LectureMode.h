// The presentation toggle: the application font scaled (default 1.75×), a high-contrast
// palette (black on white, strong highlight), menu bar, status bar, tool bars and docks out of
// the way. Views that draw their own lines ask lineScale(). Toggling twice restores exactly
// what was there before.
#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>

class QAction;
class QMainWindow;

namespace syscope::gui::lab {

class LectureMode : public QObject {
    Q_OBJECT
public:
    explicit LectureMode(QMainWindow* window, double scale = 1.75);
    // Gives the application its font and palette back (they are global, the window is not).
    ~LectureMode() override;

    bool isOn() const { return m_on; }
    double scale() const { return m_scale; }
    // 1 normally, scale() in lecture mode: pen widths of the lab's plots are multiplied by it.
    static double lineScale();
    // The checkable action (Ctrl+Shift+L), already added to the window.
    QAction* action() const { return m_action; }

    static QPalette highContrastPalette();

public slots:
    void setOn(bool on);

signals:
    void toggled(bool on);

private:
    QPointer<QMainWindow> m_window;
    QAction* m_action;
    double m_scale;
    bool m_on = false;
    QFont m_savedFont;
    QPalette m_savedPalette;
    bool m_menuWasVisible = true;
    bool m_statusWasVisible = true;
    QList<QPointer<QWidget>> m_hidden;
};

} // namespace syscope::gui::lab
