// The guided demonstration: five pages a lecturer clicks through, each running something live
// through syscope-cli and showing the result in large type:
//   1. trace a small program (syscope-demo) and see its syscalls;
//   2. clock_gettime 1000 times and no syscall appears -- then the same with record --vdso;
//   3. run it 100 times: the vDSO moves, vsyscall stays put (aslr);
//   4. randomization off: everything freezes (aslr --no-randomize);
//   5. what a call costs through each path (bench-calls).
// A "Lecture mode" button switches the presentation look on and off.
#pragma once

#include "lab/LabResults.h"

#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QCustomPlot;

namespace syscope::gui {
class MainWindow;
}

namespace syscope::gui::lab {

class AslrResultPanel;
class CliJob;
class LectureMode;

class LectureView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPageCount = 5;

    LectureView(MainWindow* window, LectureMode* mode, QWidget* parent = nullptr);

    int currentPage() const;
    void setCurrentPage(int page);
    // Runs the current page's demonstration.
    bool runCurrentPage();
    bool isRunning() const;
    CliJob* job() const { return m_job; }
    QString pageTitle(int page) const;
    // The result text shown on a page (what the last run found).
    QString resultText(int page) const;
    // Fills page 1 from the window's open trace (also used after page 1's own recording).
    void showTraceSummary();
    // Shows an aslr result on page 3 (randomized) or 4 (not randomized).
    void showAslrResult(const AslrResult& result);
    void showBenchmark(const BenchResults& results);

signals:
    void pageFinished(int page, bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Page {
        QString title;
        QString text;
        QLabel* result = nullptr;
        QPushButton* run = nullptr;
        QWidget* extra = nullptr;
    };
    QWidget* buildPage(Page& page, QWidget* extra);
    // Runs the argument lists one after the other; `done` gets their outputs.
    bool runSequence(int page, QList<QStringList> steps,
                     std::function<void(const QList<QByteArray>&)> done);
    void finishStep(bool ok, const QByteArray& output, const QString& message);
    QString tempFile(const QString& name) const;

    MainWindow* m_window;
    LectureMode* m_mode;
    CliJob* m_job;
    QListWidget* m_index;
    QStackedWidget* m_stack;
    QPushButton* m_prev;
    QPushButton* m_next;
    QPushButton* m_modeButton;
    Page m_pages[kPageCount];
    QTableWidget* m_syscallTable = nullptr;
    AslrResultPanel* m_aslrPanels[2] = {nullptr, nullptr};
    QCustomPlot* m_costPlot = nullptr;
    std::optional<BenchResults> m_bench;

    int m_runningPage = -1;
    QList<QStringList> m_steps;
    QList<QByteArray> m_outputs;
    std::function<void(const QList<QByteArray>&)> m_done;
    QString m_tempDir;
};

} // namespace syscope::gui::lab
