#include "StartPage.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace syscope::gui {

StartPage::StartPage(QWidget* parent)
    : QWidget(parent) {
    auto* title = new QLabel(tr("syscope"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* subtitle = new QLabel(tr("Watch a program talk to the Linux kernel: every syscall on a "
                                   "live timeline, with statistics and details."),
                                this);
    subtitle->setWordWrap(true);

    const auto button = [this](const QString& text, const QString& help) {
        auto* b = new QPushButton(text, this);
        b->setToolTip(help);
        b->setMinimumHeight(b->sizeHint().height() * 2);
        QFont f = b->font();
        f.setPointSizeF(f.pointSizeF() * 1.15);
        b->setFont(f);
        return b;
    };
    auto* record = button(tr("&Record a Program…"), tr("Start a command under the tracer"));
    auto* attach = button(tr("&Attach to a Process…"), tr("Trace a program that is running"));
    auto* open = button(tr("&Open a Trace…"), tr("Open a .syscope trace or an strace log"));
    auto* demo = button(tr("Run the &Demo"),
                        tr("Record syscope-demo: files, memory, threads, fork+exec, pipes, "
                           "signals, sleeps"));
    connect(record, &QPushButton::clicked, this, &StartPage::recordRequested);
    connect(attach, &QPushButton::clicked, this, &StartPage::attachRequested);
    connect(open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(demo, &QPushButton::clicked, this, &StartPage::demoRequested);

    auto* buttons = new QGridLayout;
    buttons->addWidget(record, 0, 0);
    buttons->addWidget(attach, 0, 1);
    buttons->addWidget(open, 1, 0);
    buttons->addWidget(demo, 1, 1);

    auto* recentLabel = new QLabel(tr("Recent traces"), this);
    QFont bold = recentLabel->font();
    bold.setBold(true);
    recentLabel->setFont(bold);
    m_recent = new QListWidget(this);
    m_recent->setAlternatingRowColors(true);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });
    auto* hint = new QLabel(tr("Tip: drop a trace file anywhere on this window to open it."), this);
    hint->setEnabled(false);

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(16);
    column->addLayout(buttons);
    column->addSpacing(16);
    column->addWidget(recentLabel);
    column->addWidget(m_recent, 1);
    column->addWidget(hint);

    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void StartPage::setRecentFiles(const QStringList& files) {
    m_recent->clear();
    for (const QString& f : files) {
        auto* item = new QListWidgetItem(QFileInfo(f).fileName() + QStringLiteral("  —  ") +
                                         QFileInfo(f).absolutePath());
        item->setData(Qt::UserRole, f);
        item->setToolTip(f);
        m_recent->addItem(item);
    }
    if (files.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No traces opened yet."));
        item->setFlags(Qt::NoItemFlags);
        m_recent->addItem(item);
    }
}

} // namespace syscope::gui
