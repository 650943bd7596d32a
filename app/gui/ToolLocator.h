// Finds the helper programs the window starts: syscope-cli (the recorder) and syscope-demo.
// Order: the environment override (SYSCOPE_CLI / SYSCOPE_DEMO), next to the syscope binary,
// the build tree's sibling folders (app/cli, app/demo), then PATH.
#pragma once

#include <QString>

namespace syscope::gui {

// Absolute path, or empty when the program is nowhere to be found.
QString findSyscopeCli();
QString findSyscopeDemo();

} // namespace syscope::gui
