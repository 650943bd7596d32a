// Attach to a running process: a searchable list from /proc (pid, user, command) that says up
// front which processes cannot be traced and why (core's whyNotTraceable), with the Yama note,
// and, when syscope does not run as root, the choice to attach with root rights through pkexec.
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace syscope::gui {

class AttachDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { PidColumn, UserColumn, CommandColumn, StatusColumn, ColumnCount };

    explicit AttachDialog(QWidget* parent = nullptr);

    // The chosen pid, or 0.
    qint64 selectedPid() const;
    // Attach with root rights through pkexec (offered when syscope does not run as root):
    // processes that only permissions kept out become selectable.
    bool elevated() const;
    void setElevated(bool on);
    QCheckBox* elevateBox() const { return m_elevate; }
    void refresh();
    QStandardItemModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    void setSearchText(const QString& text);

private:
    void updateButtons();

    QLineEdit* m_search;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_view;
    QCheckBox* m_elevate;
    QDialogButtonBox* m_buttons;
};

} // namespace syscope::gui
