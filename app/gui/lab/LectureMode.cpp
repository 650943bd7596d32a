#include "lab/LectureMode.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

// GCC 12 reports a "potential null pointer dereference" inside QWidget::isVisible() when it is
// inlined here (a false positive in Qt's header: the widget's data pointer is never null).
#pragma GCC diagnostic ignored "-Wnull-dereference"

namespace syscope::gui::lab {

namespace {
double g_lineScale = 1.0;
}

LectureMode::LectureMode(QMainWindow* window, double scale)
    : QObject(window)
    , m_window(window)
    , m_scale(scale) {
    m_action = new QAction(tr("&Lecture Mode"), this);
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_action->setToolTip(tr("Large fonts and lines, high contrast, no bars: for a projector"));
    m_action->setShortcutContext(Qt::ApplicationShortcut);
    window->addAction(m_action); // works while the menu bar is hidden
    connect(m_action, &QAction::toggled, this, &LectureMode::setOn);
}

LectureMode::~LectureMode() {
    if (m_on) {
        g_lineScale = 1.0;
        QApplication::setPalette(m_savedPalette);
        QApplication::setFont(m_savedFont);
    }
}

double LectureMode::lineScale() {
    return g_lineScale;
}

QPalette LectureMode::highContrastPalette() {
    QPalette p;
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, white);
        p.setColor(group, QPalette::WindowText, black);
        p.setColor(group, QPalette::Base, white);
        p.setColor(group, QPalette::AlternateBase, QColor(0xee, 0xee, 0xee));
        p.setColor(group, QPalette::Text, black);
        p.setColor(group, QPalette::Button, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(group, QPalette::ButtonText, black);
        p.setColor(group, QPalette::Highlight, QColor(0x00, 0x3c, 0xb4));
        p.setColor(group, QPalette::HighlightedText, white);
        p.setColor(group, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdd));
        p.setColor(group, QPalette::ToolTipText, black);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x44, 0x44, 0x44));
        p.setColor(group, QPalette::Link, QColor(0x00, 0x3c, 0xb4));
        p.setColor(group, QPalette::Mid, QColor(0x55, 0x55, 0x55));
    }
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x66, 0x66, 0x66));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x66, 0x66, 0x66));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x66, 0x66, 0x66));
    return p;
}

void LectureMode::setOn(bool on) {
    if (on == m_on || !m_window) {
        return;
    }
    m_on = on;
    if (on) {
        m_savedFont = QApplication::font();
        m_savedPalette = QApplication::palette();
        QFont big = m_savedFont;
        if (big.pointSizeF() > 0) {
            big.setPointSizeF(big.pointSizeF() * m_scale);
        } else {
            big.setPixelSize(int(big.pixelSize() * m_scale));
        }
        g_lineScale = m_scale;
        QApplication::setPalette(highContrastPalette());
        QApplication::setFont(big);
        m_menuWasVisible = m_window->menuBar()->isVisible() || !m_window->isVisible();
        m_statusWasVisible = m_window->statusBar()->isVisible() || !m_window->isVisible();
        m_window->menuBar()->hide();
        m_window->statusBar()->hide();
        m_hidden.clear();
        for (QWidget* w : m_window->findChildren<QToolBar*>()) {
            if (!w->isHidden()) {
                m_hidden << w;
                w->hide();
            }
        }
        for (QWidget* w : m_window->findChildren<QDockWidget*>()) {
            if (!w->isHidden()) {
                m_hidden << w;
                w->hide();
            }
        }
    } else {
        g_lineScale = 1.0;
        QApplication::setPalette(m_savedPalette);
        QApplication::setFont(m_savedFont);
        m_window->menuBar()->setVisible(m_menuWasVisible);
        m_window->statusBar()->setVisible(m_statusWasVisible);
        for (const auto& w : m_hidden) {
            if (w) {
                w->show();
            }
        }
        m_hidden.clear();
    }
    m_action->setChecked(on);
    emit toggled(on);
}

} // namespace syscope::gui::lab
