#include "views/FilterBar.h"

#include "SelectionState.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace syscope::gui {

FilterBar::FilterBar(SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_selection(selection) {
    m_syscalls = new QLineEdit(this);
    m_syscalls->setPlaceholderText(tr("syscalls: openat,read or %file, !%memory"));
    m_syscalls->setToolTip(tr("Syscall names and classes as strace's -e trace= takes them: "
                              "%file %desc %network %process %signal %ipc %memory %creds %clock "
                              "%stat; a leading ! negates"));
    m_syscalls->setClearButtonEnabled(true);
    m_failed = new QCheckBox(tr("&Failed only"), this);
    m_id = new QLineEdit(this);
    m_id->setPlaceholderText(tr("pid/tid"));
    m_id->setToolTip(tr("Only the events of this process (pid) or thread (tid)"));
    m_id->setClearButtonEnabled(true);
    m_id->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000000000000")));
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("text in arguments (paths)"));
    m_text->setClearButtonEnabled(true);
    m_minDuration = new QLineEdit(this);
    m_minDuration->setPlaceholderText(tr("min duration: 1ms"));
    m_minDuration->setToolTip(tr("Only finished calls at least this long: 800ns, 50us, 1.5ms, 2s "
                                 "(a plain number is milliseconds)"));
    m_minDuration->setClearButtonEnabled(true);
    m_minDuration->setMaximumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("min duration: 1ms0000")));
    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setToolTip(tr("Remove every filter condition"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* label = new QLabel(tr("Filter:"), this);
    label->setBuddy(m_syscalls);
    layout->addWidget(label);
    layout->addWidget(m_syscalls, 3);
    layout->addWidget(m_failed);
    layout->addWidget(m_id, 1);
    layout->addWidget(m_text, 3);
    layout->addWidget(m_minDuration, 1);
    layout->addWidget(clear);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(350);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::apply);
    for (QLineEdit* edit : {m_syscalls, m_id, m_text, m_minDuration}) {
        connect(edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &FilterBar::apply);
        connect(edit, &QLineEdit::textChanged, this, [this](const QString& t) {
            if (t.isEmpty()) {
                m_debounce->start(); // the clear button
            }
        });
    }
    connect(m_failed, &QCheckBox::toggled, this, &FilterBar::apply);
    connect(clear, &QPushButton::clicked, this, &FilterBar::clearAll);
    connect(selection, &SelectionState::filterChanged, this,
            [this] { loadFrom(m_selection->filter()); });
}

void FilterBar::markInvalid(QLineEdit* edit, const QString& problem) {
    if (problem.isEmpty()) {
        edit->setStyleSheet({});
        edit->setProperty("problem", QVariant());
        return;
    }
    edit->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #d62728; }"));
    edit->setProperty("problem", problem);
    edit->setToolTip(problem);
}

bool FilterBar::apply() {
    EventFilter f;
    bool ok = true;
    QString problem;
    if (!f.setSyscalls(m_syscalls->text(), &problem)) {
        ok = false;
    }
    markInvalid(m_syscalls, ok ? QString() : problem);
    f.setFailedOnly(m_failed->isChecked());
    const QString id = m_id->text().trimmed();
    bool idOk = true;
    if (!id.isEmpty()) {
        const int v = id.toInt(&idOk);
        idOk = idOk && v > 0;
        if (idOk) {
            f.setPidOrTid(v);
        }
    }
    markInvalid(m_id, idOk ? QString() : tr("not a pid or tid"));
    f.setText(m_text->text());
    const QString minText = m_minDuration->text().trimmed();
    bool minOk = true;
    if (!minText.isEmpty()) {
        const auto ns = EventFilter::parseDuration(minText);
        minOk = ns.has_value();
        if (ns) {
            f.setMinDuration(*ns);
        }
    }
    markInvalid(m_minDuration, minOk ? QString() : tr("not a duration (e.g. 1ms, 50us, 2s)"));
    if (!ok || !idOk || !minOk) {
        return false;
    }
    m_selection->setFilter(f);
    return true;
}

void FilterBar::clearAll() {
    for (QLineEdit* edit : {m_syscalls, m_id, m_text, m_minDuration}) {
        edit->clear();
        markInvalid(edit, {});
    }
    m_failed->setChecked(false);
    m_selection->setFilter(EventFilter());
}

// Another view changed the filter (e.g. "only this thread" in the timeline): show it.
void FilterBar::loadFrom(const EventFilter& f) {
    const auto setIfDifferent = [](QLineEdit* edit, const QString& text) {
        if (edit->property("problem").isNull() && edit->text().trimmed() != text) {
            edit->setText(text);
        }
    };
    setIfDifferent(m_syscalls, f.syscallsText());
    setIfDifferent(m_id, f.pidOrTid() ? QString::number(f.pidOrTid()) : QString());
    setIfDifferent(m_text, f.text());
    const QSignalBlocker block(m_failed);
    m_failed->setChecked(f.failedOnly());
}

} // namespace syscope::gui
