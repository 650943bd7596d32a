// Record a program: command line (with a file chooser), working directory, environment additions,
// follow children, syscall filter, vDSO calls (when the recorder supports --vdso).
#pragma once

#include "RecorderProcess.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace syscope::gui {

class RecordDialog : public QDialog {
    Q_OBJECT
public:
    explicit RecordDialog(QWidget* parent = nullptr);

    RecordOptions options() const;
    void setCommand(const QString& commandLine);
    // Empty when the input is valid, else what is wrong.
    QString problem() const;

private:
    void validate();

    QLineEdit* m_command;
    QLineEdit* m_cwd;
    QPlainTextEdit* m_env;
    QCheckBox* m_follow;
    QLineEdit* m_filter;
    QCheckBox* m_vdso;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

// Does `syscope-cli record --help` offer this option (e.g. "--vdso")? Asked once per option.
bool recorderSupports(const QString& option);

} // namespace syscope::gui
