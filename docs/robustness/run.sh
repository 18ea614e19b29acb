#!/usr/bin/env bash
# Runs `relumip verify` on every instance of a suite (instances.csv: network,
# property,timeout) and records how each was decided: `attack` (a counterexample of
# the first attack), `bounds` (every case refuted by bounds over its input region,
# optimised slopes included), `search` (the branch-and-bound decided some case).
# usage: docs/robustness/run.sh SUITE_DIR OUT.csv [THREADS]
set -u
dir=$1; out=$2; threads=${3:-2}
bin=${RELUMIP_BIN:-"$(cd "$(dirname "$0")/../.." && pwd)/target/release/relumip"}
echo "network,property,timeout,answer,decided_by,time_s" > "$out"
while IFS=, read -r onnx vnnlib timeout; do
    start=$(date +%s.%N)
    log=$("$bin" verify "$dir/$onnx" "$dir/$vnnlib" --timeout "$timeout" --threads "$threads" 2>&1)
    end=$(date +%s.%N)
    t=$(python3 -c "print(round($end - $start, 3))")
    answer=$(echo "$log" | head -n 1)
    by=search
    if echo "$log" | grep -q "^cases .*: attack"; then
        by=attack
    elif ! echo "$log" | grep "^cases " | grep -vq ": \(bounds\|alpha\) "; then
        by=bounds
    fi
    echo "$onnx,$vnnlib,$timeout,$answer,$by,$t" >> "$out"
    echo "$onnx $vnnlib: $answer ($by) ${t}s"
done < "$dir/instances.csv"
