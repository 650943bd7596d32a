// The vDSO view. A trace records where the vDSO was (AT_SYSINFO_EHDR in the auxv snapshot) but
// not its bytes, so the symbols come from syscope's own vDSO -- the same image when the kernel
// is the same, which the view checks against the trace's kernel release and says so. Lists the
// symbols with their offsets and addresses in the traced run, the build-id, saves the image,
// and counts the trace's vDSO calls (recorded with `record --vdso`).
#pragma once

#include "vdso/VdsoImage.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTableView;
class QTableWidget;

namespace syscope {
class TraceStore;
}

namespace syscope::gui {
class TraceSession;
}

namespace syscope::gui::lab {

class VdsoSymbolModel;

// AT_SYSINFO_EHDR (auxv type 33) of `pid` in the trace, or of the first process with one when
// pid is 0.
std::optional<std::uint64_t> traceVdsoBase(const TraceStore& store, std::int32_t pid);

class VdsoView : public QWidget {
    Q_OBJECT
public:
    explicit VdsoView(TraceSession* session, QWidget* parent = nullptr);

    VdsoSymbolModel* model() const { return m_model; }
    QTableWidget* callTable() const { return m_calls; }
    const std::optional<VdsoImage>& image() const { return m_image; }
    QString headerText() const;
    void refresh();

private:
    void saveImage();

    TraceSession* m_session;
    std::optional<VdsoImage> m_image;
    QString m_imageError;
    VdsoSymbolModel* m_model;
    QLabel* m_header;
    QTableView* m_table;
    QTableWidget* m_calls;
    QLabel* m_callNote;
};

} // namespace syscope::gui::lab
