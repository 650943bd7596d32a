#!/usr/bin/env bash
# The no-display path of `make run`: record the bundled demo program and print what it did.
#   terminal-demo.sh [BUILD_DIR]
# Every missing piece gets a message that says what is missing and how to get it.
set -uo pipefail
build="${1:-build}"
cli="$build/app/cli/syscope-cli"
demo="$build/app/demo/syscope-demo"
gui="$build/app/gui/syscope"
trace="${TMPDIR:-/tmp}/syscope-demo.syscope"

die() {
    echo "terminal demo: $*" >&2
    exit 1
}

echo "No display found: running the terminal demo."
if [ -x "$gui" ]; then
    echo "  (The GUI needs X11 or Wayland: run 'xvfb-run make run' for a virtual display, or"
    echo "   start $gui on a desktop.)"
else
    echo "  (The GUI, $gui, is not built in this tree; the build makes it when Qt is found and"
    echo "   SYSCOPE_BUILD_GUI is ON, the default.)"
fi
echo

[ -x "$cli" ] || die "$cli is missing: build first with 'make build' (or 'make run')."
[ -x "$demo" ] || die "$demo is missing: build first with 'make build' (or 'make run')."
commands="$("$cli" --help 2>/dev/null)" || die "$cli --help failed; the build looks broken."
for cmd in record stats; do
    if ! grep -qE "^ +$cmd( |$)" <<<"$commands"; then
        die "this build of syscope-cli has no '$cmd' command yet; run the demo alone with: $demo"
    fi
done

echo "\$ syscope-cli record -o $trace -- syscope-demo"
"$cli" record -o "$trace" -- "$demo"
status=$?
if [ "$status" -ne 0 ]; then
    echo >&2
    if [ -s "$trace" ]; then
        echo "terminal demo: the recording ended with status $status (see above); showing what" >&2
        echo "  was recorded anyway." >&2
    else
        die "recording failed with status $status (see the message above). Tracing needs ptrace;
  inside a container it may be blocked (docker run --cap-add SYS_PTRACE, or a seccomp profile
  that allows ptrace)."
    fi
fi
echo
echo "\$ syscope-cli stats $trace"
"$cli" stats "$trace" || die "syscope-cli stats could not read $trace (see above)."
echo
echo "Trace saved to $trace. Try: $cli dump $trace | less"
if [ "$status" -ne 0 ]; then
    die "the recording ended with status $status, so the trace above may be incomplete."
fi
