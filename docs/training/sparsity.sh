#!/usr/bin/env bash
# Sparsity MILP (`relumip sparse`) on planted instances of growing size, then the same
# MILPs (exported as MPS) through relumip, HiGHS and CBC with `relumip bench`.
# usage: docs/training/sparsity.sh [OUT_DIR] [TIME_LIMIT_S]
# Writes OUT_DIR/data (planted CSV + teacher ONNX), OUT_DIR/mps (the MILPs),
# OUT_DIR/fit (networks found, PREFIX.onnx + PREFIX.json), OUT_DIR/sparse.csv and
# OUT_DIR/bench (results.csv, summary.md).
set -eu
out=${1:-bench-out/training/sparsity}; limit=${2:-60}
bin=${RELUMIP_BIN:-"$(cd "$(dirname "$0")/../.." && pwd)/target/release/relumip"}
mkdir -p "$out/data" "$out/mps" "$out/fit"
# name samples inputs hidden planted-nonzeros seed
instances="
planted-10x2x2 10 2 2 2 1
planted-20x3x2 20 3 2 3 2
planted-30x4x3 30 4 3 6 3
planted-40x5x3 40 5 3 7 4
planted-60x6x4 60 6 4 12 5
"
echo "instance,samples,inputs,hidden,planted,status,nonzeros,best_bound,gap,nodes,time_s,max_residual" > "$out/sparse.csv"
echo "$instances" | while read -r name n d l k seed; do
    [ -n "$name" ] || continue
    "$bin" gen planted --samples "$n" --inputs "$d" --hidden "$l" --nonzeros "$k" \
        --seed "$seed" --output "$out/data/$name"
    "$bin" sparse "$out/data/$name.csv" --hidden "$l" --export "$out/mps/$name.mps"
    "$bin" sparse "$out/data/$name.csv" --hidden "$l" --threads 1 --time-limit "$limit" \
        --quiet --output "$out/fit/$name" > "$out/fit/$name.log"
    python3 - "$out/fit/$name.json" "$name" "$n" "$d" "$l" "$k" >> "$out/sparse.csv" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
f = lambda v: "" if v is None else v
print(",".join(map(str, sys.argv[2:7] + [r["status"], f(r["nonzeros"]), f(r["best_bound"]),
      f(r["gap"]), r["nodes"], round(r["time_seconds"], 2), f(r["max_residual"])])))
PY
done
"$bin" bench "$out/mps" --solvers relumip,highs,cbc --time-limit "$limit" --threads 1 \
    --out "$out/bench" --quiet
cat "$out/sparse.csv"
cat "$out/bench/summary.md"
