#!/usr/bin/env bash
# Runs `relumip verify` on every ACAS Xu instance of the VNN-COMP suite with its own
# timeout and compares each answer with the ground truth.
# usage: docs/acasxu/run.sh BENCHMARK_DIR OUT.csv [THREADS] [TIMEOUT_CAP_S]
# With TIMEOUT_CAP_S, each instance gets min(its VNN-COMP timeout, TIMEOUT_CAP_S).
set -u
dir=$1; out=$2; threads=${3:-2}; cap=${4:-}
bin=${RELUMIP_BIN:-"$(cd "$(dirname "$0")/../.." && pwd)/target/release/relumip"}
echo "onnx,vnnlib,timeout,answer,truth,time_s,correct" > "$out"
while IFS=, read -r onnx vnnlib timeout; do
    if [ -n "$cap" ]; then
        timeout=$(python3 -c "print(min(float('$timeout'), float('$cap')))")
    fi
    truth=$(grep "^acasxu,$onnx,$vnnlib," "$dir/groundtruth.csv" | cut -d, -f5)
    start=$(date +%s.%N)
    answer=$("$bin" verify "$dir/$onnx" "$dir/$vnnlib" --timeout "$timeout" --threads "$threads" --quiet 2>/dev/null | head -n 1)
    end=$(date +%s.%N)
    t=$(python3 -c "print(round($end - $start, 3))")
    [ -n "$answer" ] || answer=error
    correct=yes
    if [ "$answer" = sat ] || [ "$answer" = unsat ]; then
        [ "$answer" = "$truth" ] || correct=NO
    else
        correct=undecided
    fi
    echo "$onnx,$vnnlib,$timeout,$answer,$truth,$t,$correct" >> "$out"
done < "$dir/instances.csv"
