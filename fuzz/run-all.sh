#!/usr/bin/env bash
# Runs fuzz targets one after the other (one fuzzing process at a time), each for
# SECONDS seconds (default 240), and prints one summary line per target from the
# last libFuzzer status line: executions, coverage (cov/ft), corpus size and the
# number of OOMs, timeouts and crashes. Crashing inputs are kept in
# fuzz/artifacts/<target>/ and the run goes on after them (-fork=1
# -ignore_crashes=1); full logs go to fuzz/logs/<target>.log. The address space
# is limited to 4 GB (ulimit -v): without a sanitizer libFuzzer sees only the
# resident size, and a reader that reserves a huge zeroed buffer from a size in
# its input would otherwise go unnoticed; with the limit it aborts.
#
#   fuzz/seed-corpus.sh && fuzz/run-all.sh              # every target
#   SECONDS_PER_TARGET=60 fuzz/run-all.sh nnet onnx     # some targets, 1 minute each
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
time="${SECONDS_PER_TARGET:-240}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
mkdir -p logs
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
cargo +nightly fuzz build -O -a -s none >/dev/null
ulimit -v "${FUZZ_VMEM_KB:-4194304}"
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    # The built binary itself, so that edits made meanwhile do not rebuild it.
    "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" -artifact_prefix="artifacts/$t/" \
        -max_total_time="$time" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        >"logs/$t.log" 2>&1 || true
    last="$(grep -E '^#[0-9]+: cov:' "logs/$t.log" | tail -n 1)"
    printf '%-14s %ss  %s\n' "$t" "$time" "${last:-no status line (see logs/$t.log)}"
done
