#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build (make fuzz) for a while, each on a scratch copy of
# its seed corpus, so the checked-in seeds never change. A crash, leak of time (-timeout) or memory
# (-rss_limit_mb) fails the run; the input that caused it is kept in BUILD/fuzz-artifacts.
#   run-fuzzers.sh BUILD SECONDS_PER_TARGET
set -euo pipefail

build=${1:?usage: run-fuzzers.sh BUILD SECONDS_PER_TARGET}
seconds=${2:-20}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts" "$work/reader" "$work/strace" "$work/vdso"

cp "$src"/tests/data/trace/fuzz/reader/* "$work/reader/"
cp "$src"/tests/data/trace/fuzz/strace/* "$work/strace/"
"$build/app/cli/syscope-cli" vdso --dump "$work/vdso/vdso.so" >/dev/null

status=0
run() {
    local target=$1 corpus=$2
    local log="$work/$target.log"
    echo "fuzz: $target for ${seconds} s"
    if "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$corpus" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$log" | sed 's/^/  /'
    else
        echo "fuzz: $target FAILED; its input is in $artifacts" >&2
        tail -n 60 "$log" >&2
        status=1
    fi
}

run trace_reader_fuzz "$work/reader"
run strace_import_fuzz "$work/strace"
run vdso_fuzz "$work/vdso"
exit $status
