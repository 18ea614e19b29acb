#!/usr/bin/env bash
# Builds a local-robustness suite of classifiers with many inputs: networks trained
# by `relumip train --method adam` on digits (64 inputs, 2/4/6 hidden layers of 256
# ReLUs) and random networks with 784 inputs (`relumip gen network`, 2/4/6 hidden
# layers of 256), each with L-infinity robustness properties (`relumip gen
# robustness`) of several radii. Writes OUT_DIR/{onnx,vnnlib}/ and
# OUT_DIR/instances.csv (network,property,timeout), the layout of VNN-COMP suites.
# usage: docs/robustness/build.sh OUT_DIR [DATASETS_DIR] [TIMEOUT_S]
set -eu
out=$1
data=${2:-${RELUMIP_BENCHMARKS:-../shared/benchmarks}/datasets}
timeout=${3:-60}
bin=${RELUMIP_BIN:-"$(cd "$(dirname "$0")/../.." && pwd)/target/release/relumip"}
mkdir -p "$out/onnx" "$out/vnnlib"
: > "$out/instances.csv"
add() { echo "onnx/$1.onnx,vnnlib/$2.vnnlib,$timeout" >> "$out/instances.csv"; }
for depth in 2 4 6; do
    layers=$(python3 -c "print(','.join(['256'] * $depth))")
    net=digits-${depth}x256
    "$bin" train "$data/digits.csv.gz" --method adam --layers "$layers" --epochs 30 \
        --seed 1 --quiet --output "$out/onnx/$net" > /dev/null
    rm -f "$out/onnx/$net.json"
    for row in 0 1 2; do
        for eps in 0.05 0.1; do
            prop=$net-row$row-eps$eps
            "$bin" gen robustness --network "$out/onnx/$net.onnx" --data "$data/digits.csv.gz" \
                --row "$row" --eps "$eps" --clip 0,16 -o "$out/vnnlib/$prop.vnnlib" > /dev/null
            add "$net" "$prop"
        done
    done
done
for depth in 2 4 6; do
    widths=784,$(python3 -c "print(','.join(['256'] * $depth))"),10
    net=random784-${depth}x256
    "$bin" gen network --widths "$widths" --seed "$depth" -o "$out/onnx/$net.onnx" > /dev/null
    for seed in 1 2; do
        for eps in 0.005 0.02; do
            prop=$net-point$seed-eps$eps
            "$bin" gen robustness --network "$out/onnx/$net.onnx" --seed "$seed" \
                --eps "$eps" -o "$out/vnnlib/$prop.vnnlib" > /dev/null
            add "$net" "$prop"
        done
    done
done
echo "wrote $(wc -l < "$out/instances.csv") instances to $out/instances.csv"
