#!/usr/bin/env bash
# Classification runs of `relumip train`: layer-wise MILPs against Adam on digits
# (seed 004), and the pruning MILP on iris, wine and breast cancer (seed 003).
# usage: docs/training/classify.sh [OUT_DIR] [DATASETS_DIR] [PRUNE_TIME_LIMIT_S]
# Writes OUT_DIR/<run>.{log,onnx,json}, OUT_DIR/layerwise.csv and OUT_DIR/prune.csv.
set -eu
out=${1:-bench-out/training/classify}
data=${2:-${RELUMIP_BENCHMARKS:-../shared/benchmarks}/datasets}
limit=${3:-60}
bin=${RELUMIP_BIN:-"$(cd "$(dirname "$0")/../.." && pwd)/target/release/relumip"}
mkdir -p "$out"
row() { # json file, then the fields to print (dotted paths into the report)
    python3 - "$@" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
def get(path):
    v = r
    for k in path.split("."):
        v = v.get(k) if isinstance(v, dict) else None
    if isinstance(v, list):
        return "-".join(map(str, v))
    return "" if v is None else (round(v, 4) if isinstance(v, float) else v)
print(",".join(str(get(p)) for p in sys.argv[2:]))
PY
}
run() { # name, then the arguments of `relumip train`
    local name=$1; shift
    "$bin" train "$@" --threads 1 --output "$out/$name" > "$out/$name.log"
}

# (b) digits (8x8): layer-wise MILPs against Adam, same split (seed 0), same widths.
echo "run,method,layers,train_accuracy,test_accuracy,time_s,batches,rounds,milps,lps,solves_at_time_limit,epochs" > "$out/layerwise.csv"
for layers in 16 16,16; do
    tag=${layers//,/-}
    run "digits-layerwise-$tag" "$data/digits.csv.gz" --method layerwise --layers "$layers" \
        --batch 50 --epochs 1 --max-rounds 3 --milp-time-limit 1 --time-limit 300
    run "digits-adam-$tag" "$data/digits.csv.gz" --method adam --layers "$layers" \
        --batch 50 --epochs 100
    for m in layerwise adam; do
        echo "digits-$m-$tag,$m,$tag,$(row "$out/digits-$m-$tag.json" train_accuracy test_accuracy time_seconds details.batches details.rounds details.milps details.lps details.solves_at_time_limit details.epochs)" >> "$out/layerwise.csv"
    done
done

# (c) seed 003's table: one pruning MILP per data set, hidden width 4, time limit $limit s.
echo "data,train_accuracy,test_accuracy,weight_sparsity,zero_weights,total_weights,pruned_neurons,architecture,status,gap,nodes,time_s,milp_samples" > "$out/prune.csv"
for d in iris wine_data breast_cancer; do
    run "prune-$d" "$data/$d.csv" --method prune --layers 4 --time-limit "$limit"
    echo "$d,$(row "$out/prune-$d.json" train_accuracy test_accuracy details.weight_sparsity details.zero_weights details.total_weights details.pruned_neurons architecture details.status details.gap details.nodes time_seconds details.milp_samples)" >> "$out/prune.csv"
done
cat "$out/layerwise.csv" "$out/prune.csv"
