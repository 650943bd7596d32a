#include "AttachDialog.h"

#include "RecorderProcess.h"
#include "proc/ProcStatus.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace syscope::gui {

namespace {

QString yamaNote() {
    QFile f(QStringLiteral("/proc/sys/kernel/yama/ptrace_scope"));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    const int scope = QString::fromLatin1(f.readAll()).trimmed().toInt();
    if (scope == 0) {
        return {};
    }
    return QObject::tr(
               "Yama ptrace_scope is %1: only root or a holder of CAP_SYS_PTRACE may attach to a "
               "process that is not its own child. To allow it until the next reboot: "
               "<code>echo 0 | sudo tee /proc/sys/kernel/yama/ptrace_scope</code>")
        .arg(scope);
}

} // namespace

AttachDialog::AttachDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Attach to a Process"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search by pid, user or command"));
    m_search->setClearButtonEnabled(true);
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("PID"), tr("User"), tr("Command"), tr("Can trace?")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::UserRole);
    m_view = new QTreeView(this);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->sortByColumn(PidColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CommandColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);

    auto* note = new QLabel(yamaNote(), this);
    note->setWordWrap(true);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note->setVisible(!note->text().isEmpty());

    m_elevate = new QCheckBox(tr("Attach with &administrator rights (asks for a password "
                                 "through pkexec)"),
                              this);
    m_elevate->setToolTip(tr("Runs the recorder as root, so that processes of other users (and "
                             "those Yama keeps out) can be traced. syscope itself keeps running "
                             "as you."));
    m_elevate->setVisible(RecorderProcess::canElevate());
    connect(m_elevate, &QCheckBox::toggled, this, &AttachDialog::refresh);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Attach"));
    auto* refreshButton = m_buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    connect(refreshButton, &QPushButton::clicked, this, &AttachDialog::refresh);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &AttachDialog::setSearchText);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttachDialog::updateButtons);
    connect(m_view, &QTreeView::activated, this, [this] {
        if (selectedPid() > 0) {
            accept();
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(note);
    layout->addWidget(m_elevate);
    layout->addWidget(m_buttons);
    resize(760, 520);
    refresh();
}

void AttachDialog::setSearchText(const QString& text) {
    if (m_search->text() != text) {
        m_search->setText(text);
    }
    m_proxy->setFilterFixedString(text);
}

void AttachDialog::refresh() {
    m_model->removeRows(0, m_model->rowCount());
    const QColor disabled = palette().color(QPalette::Disabled, QPalette::Text);
    for (const ProcessListEntry& p : listProcesses()) {
        QStringList argv;
        for (const auto& a : p.cmdline) {
            argv << QString::fromStdString(a);
        }
        const QString command = p.kernelThread || argv.isEmpty()
                                    ? QStringLiteral("[%1]").arg(QString::fromStdString(p.comm))
                                    : argv.join(u' ');
        const QString why = QString::fromStdString(whyNotTraceable(p.pid, elevated()));
        QList<QStandardItem*> row;
        auto* pid = new QStandardItem(QString::number(p.pid));
        pid->setData(p.pid, Qt::UserRole);
        auto* user = new QStandardItem(QString::fromStdString(p.user));
        user->setData(QString::fromStdString(p.user), Qt::UserRole);
        auto* cmd = new QStandardItem(command);
        cmd->setData(command, Qt::UserRole);
        cmd->setToolTip(command);
        auto* status = new QStandardItem(why.isEmpty() ? tr("yes") : tr("no: %1").arg(why));
        status->setData(why, Qt::UserRole);
        row << pid << user << cmd << status;
        for (QStandardItem* item : row) {
            item->setEditable(false);
            if (!why.isEmpty()) {
                item->setForeground(disabled);
                item->setToolTip(tr("Cannot trace: %1").arg(why));
            }
        }
        m_model->appendRow(row);
    }
    updateButtons();
}

qint64 AttachDialog::selectedPid() const {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isSelected(current)) {
        return 0;
    }
    const QModelIndex source = m_proxy->mapToSource(current);
    const QString why = m_model->item(source.row(), StatusColumn)->data(Qt::UserRole).toString();
    if (!why.isEmpty()) {
        return 0;
    }
    return m_model->item(source.row(), PidColumn)->data(Qt::UserRole).toLongLong();
}

bool AttachDialog::elevated() const {
    return m_elevate->isChecked();
}

void AttachDialog::setElevated(bool on) {
    m_elevate->setChecked(on);
}

void AttachDialog::updateButtons() {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(selectedPid() > 0);
}

} // namespace syscope::gui
