#!/usr/bin/env bash
# The no-display path of `make run`: record the bundled demo program and print what it did.
set -euo pipefail
build="${1:-build}"
cli="$build/app/cli/syscope-cli"
demo="$build/app/demo/syscope-demo"
trace="${TMPDIR:-/tmp}/syscope-demo.syscope"
echo "No display found: running the terminal demo (the GUI needs X11 or Wayland;"
echo "  e.g. 'xvfb-run make run' or run $build/app/gui/syscope on a desktop)."
echo
"$cli" record -o "$trace" -- "$demo"
echo
"$cli" stats "$trace"
echo
echo "Trace saved to $trace. Try: $cli dump $trace | less"
