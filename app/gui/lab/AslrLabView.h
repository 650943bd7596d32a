// The ASLR lab: runs `syscope-cli aslr --json` (randomization on, off, or both side by side)
// with a progress bar and Cancel, opens saved results, compares recorded traces
// (`aslr --from`), and shows each result in an AslrResultPanel.
#pragma once

#include "lab/LabResults.h"

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace syscope::gui::lab {

class AslrResultPanel;
class CliJob;

class AslrLabView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { On = 0, Off = 1, SideBySide = 2 };

    explicit AslrLabView(QWidget* parent = nullptr);

    // Starts an experiment; false (and a message in statusText()) when the CLI cannot start.
    bool runExperiment(const QStringList& command, int runs, Mode mode);
    // `aslr --from FILE...`
    bool compareTraces(const QStringList& files);
    void cancel();
    bool isRunning() const;
    // Opens a saved `aslr --json` output (one file: one panel; two: side by side).
    bool openResults(const QStringList& paths, QString* error);
    // Shows results directly (second may be empty: one panel).
    void showResults(const AslrResult& first, const std::optional<AslrResult>& second = {});

    AslrResultPanel* firstPanel() const { return m_panels[0]; }
    AslrResultPanel* secondPanel() const { return m_panels[1]; }
    bool showsTwo() const;
    QString statusText() const;
    CliJob* job() const { return m_job; }
    // Blocks (running the event loop) until the queued experiments are done; false on timeout.
    bool waitForIdle(int timeoutMs);

signals:
    void resultsChanged();
    void idle();

private:
    bool startNext();
    void onJobFinished(bool ok, const QByteArray& output, const QString& message);
    void setBusy(bool busy);
    void saveResults();
    void openWithDialog();
    void compareWithDialog();

    CliJob* m_job;
    QLineEdit* m_command;
    QSpinBox* m_runs;
    QComboBox* m_mode;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    AslrResultPanel* m_panels[2];
    // Experiments still to start, as CLI argument lists; results collected in order.
    QList<QStringList> m_queue;
    QList<QByteArray> m_collected;
    QByteArray m_shownJson[2];
    int m_expected = 0;
};

} // namespace syscope::gui::lab
