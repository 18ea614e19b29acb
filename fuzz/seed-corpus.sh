#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs for every fuzz target, from the
# shared benchmarks (BENCH, default /work/shared/benchmarks), the repository's
# instances and test files, and a few small hand-written files. Large files are
# truncated to MAX_SEED bytes (default 65536) so that libFuzzer stays fast; the
# corpora are not committed (see .gitignore).
#
#   fuzz/seed-corpus.sh            # then: cd fuzz && cargo +nightly fuzz run mps_free
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
bench="${BENCH:-/work/shared/benchmarks}"
max="${MAX_SEED:-65536}"
corpus="$here/corpus"

# seed TARGET FILE [NAME]: copies FILE (truncated to $max bytes) into the corpus.
seed() {
    local dir="$corpus/$1"
    mkdir -p "$dir"
    head -c "$max" "$2" > "$dir/${3:-$(basename "$2")}"
}

# text TARGET NAME: the standard input as a seed.
text() {
    mkdir -p "$corpus/$1"
    cat > "$corpus/$1/$2"
}

rm -rf "$corpus"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# MPS: plain files as they are, compressed ones unpacked for the text targets
# and kept packed for mps_gzip.
for f in "$bench"/miplib-small/*.mps "$repo"/instances/*.mps; do
    [ -f "$f" ] || continue
    for t in mps_free mps_fixed mps_solve; do seed "$t" "$f"; done
    gzip -9c "$f" | head -c "$max" > "$tmp/packed" && seed mps_gzip "$tmp/packed" "$(basename "$f").gz"
done
for f in "$bench"/miplib-small/*.mps.gz; do
    [ -f "$f" ] || continue
    seed mps_gzip "$f"
    gzip -dc "$f" > "$tmp/plain"
    for t in mps_free mps_fixed mps_solve; do seed "$t" "$tmp/plain" "$(basename "$f" .gz)"; done
done
for t in mps_free mps_fixed mps_solve; do
    text "$t" tiny.mps <<'EOF'
NAME tiny
OBJSENSE
    MAX
ROWS
 N obj
 L c1
 G c2
 E c3
COLUMNS
    MARKER MARKER INTORG
    x obj 1 c1 1
    x c2 1
    MARKER MARKER INTEND
    y obj 2 c1 1
    y c3 1
RHS
    RHS c1 4 c2 1
    RHS c3 2 obj -1
RANGES
    RNG c1 2 c3 -1
BOUNDS
 UP BND x 3
 MI BND y
 UP BND y 5
ENDATA
EOF
done

# VNN-LIB properties.
for f in "$bench"/acasxu/vnnlib/*.vnnlib; do
    [ -f "$f" ] && seed vnnlib "$f"
done
text vnnlib or.vnnlib <<'EOF'
; two inputs, a disjunction on the outputs and an input constraint
(declare-const X_0 Real)
(declare-const X_1 Real)
(declare-const Y_0 Real)
(declare-const Y_1 Real)
(assert (>= X_0 -1.0))
(assert (<= X_0 1.0))
(assert (and (>= X_1 -0.5) (<= X_1 0.5)))
(assert (<= (+ X_0 X_1) 1.0))
(assert (or (and (>= Y_0 Y_1) (<= Y_0 2.0)) (and (<= (- Y_1 (* 2 Y_0)) -1e-3))))
EOF

# Networks: a few ACAS Xu ONNX and .nnet files (the .nnet ones truncated) and a
# small hand-written .nnet.
for f in $(ls "$bench"/acasxu/onnx/*.onnx 2>/dev/null | head -3); do seed onnx "$f"; done
for f in $(ls "$bench"/acasxu/nnet/*.nnet 2>/dev/null | head -2); do seed nnet "$f"; done
text nnet small.nnet <<'EOF'
// a 2-3-1 network
2,2,1,3,
2,3,1,
0,
-1.0,-1.0,
1.0,1.0,
0.0,0.0,0.0,
1.0,1.0,1.0,
1.0,-1.0,
0.5,0.25,
-2.0,1.0,
0.1,
-0.2,
0.0,
1.0,1.0,-1.0,
0.5,
EOF

# CSV data sets (the large ones cut to their first 60 lines).
for f in "$bench"/datasets/*.csv; do
    [ -f "$f" ] || continue
    head -n 60 "$f" > "$tmp/cut.csv" && seed csv "$tmp/cut.csv" "$(basename "$f")"
done
for f in "$bench"/datasets/*.csv.gz; do
    [ -f "$f" ] || continue
    { gzip -dc "$f" || true; } | head -n 60 > "$tmp/cut.csv" && seed csv "$tmp/cut.csv" "$(basename "$f" .gz)"
done
text csv header.csv <<'EOF'
3,2,setosa,versicolor,virginica
5.1,3.5,0
4.9,3.0,1
6.3,2.5,2
EOF
text csv plain.csv <<'EOF'
0.5,1.0,0
-1.5,2e-3,1
3,4,2
EOF

# Known answers.
for f in "$bench"/miplib-small/*.solu "$repo"/instances/*.solu; do
    [ -f "$f" ] && seed solu "$f" "$(basename "$(dirname "$f")")-$(basename "$f")"
done

# VNN-COMP result files, solution files, input vectors.
text result_file sat.txt <<'EOF'
sat
((X_0 0.5)
 (X_1 -1.25)
 (Y_0 3.0))
EOF
printf 'unsat\n' | text result_file unsat.txt
printf 'timeout\n' | text result_file timeout.txt
text solution_file optimal.sol <<'EOF'
status optimal
objective 12.5
x0 1.0
x1 0.0
x2 1.0
EOF
printf 'status infeasible\nobjective none\n' | text solution_file infeasible.sol
text vectors inputs.txt <<'EOF'
# one vector per line
0.5, -1, 2e-3
1,2,3
EOF

# ReLU sidecars for the two models of the relu_sidecar target (first byte 0: the
# 2-3-2 network of relu_bigm(&[2, 3, 2], 1); 1: relu_bigm(&[3, 4, 4, 2], 2)), as
# serde_json writes them, and a bare one.
sidecar() {
    { printf "\\$1"; cat; } > "$tmp/sidecar"
    seed relu_sidecar "$tmp/sidecar" "$2"
}
sidecar 000 small.json <<'EOF'
{"columns":13,"relu":{"inputs":[0,1],"linear":[{"affine":{"bias":-0.018,"terms":[[3,0.588],[6,-0.1917],[9,0.2108]]},"column":11,"layer":1,"neuron":0},{"affine":{"bias":0.0581,"terms":[[3,0.0602],[6,-0.1281],[9,-0.6659]]},"column":12,"layer":1,"neuron":1}],"outputs":[11,12],"units":[{"affine":{"bias":0.1884,"terms":[[0,0.163],[1,0.602]]},"indicator":4,"layer":0,"neuron":0,"post":3,"pre":2,"pre_bounds":[-0.5766,0.9534],"sample":null},{"affine":{"bias":0.1052,"terms":[[0,-0.1363],[1,-0.1365]]},"indicator":7,"layer":0,"neuron":1,"post":6,"pre":5,"pre_bounds":[-0.16760000000000003,0.378],"sample":null},{"affine":{"bias":-0.0858,"terms":[[0,0.9243],[1,0.0565]]},"indicator":10,"layer":0,"neuron":2,"post":9,"pre":8,"pre_bounds":[-1.0666,0.895],"sample":null}]}}
EOF
sidecar 001 deep.json <<'EOF'
{"columns":28,"relu":{"inputs":[0,1,2],"linear":[{"affine":{"bias":0.1172,"terms":[[16,-0.3831],[18,-0.8475],[21,0.6964],[24,-0.4796]]},"column":26,"layer":2,"neuron":0},{"affine":{"bias":-0.0255,"terms":[[16,-0.5736],[18,-0.8518],[21,0.3085],[24,0.5868]]},"column":27,"layer":2,"neuron":1}],"outputs":[26,27],"units":[{"affine":{"bias":0.1062,"terms":[[0,0.1824],[1,0.4983],[2,0.1913]]},"indicator":5,"layer":0,"neuron":0,"post":4,"pre":3,"pre_bounds":[-0.7658,0.9782000000000001],"sample":null},{"affine":{"bias":0.0956,"terms":[[0,-0.3768],[1,-0.3068],[2,0.4527]]},"indicator":8,"layer":0,"neuron":1,"post":7,"pre":6,"pre_bounds":[-1.0407000000000002,1.2319],"sample":null},{"affine":{"bias":-0.0249,"terms":[[0,-0.4994],[1,0.4552],[2,-0.321]]},"indicator":11,"layer":0,"neuron":2,"post":10,"pre":9,"pre_bounds":[-1.3005,1.2507],"sample":null},{"affine":{"bias":-0.1186,"terms":[[0,0.1116],[1,-0.2524],[2,0.864]]},"indicator":14,"layer":0,"neuron":3,"post":13,"pre":12,"pre_bounds":[-1.3466,1.1094],"sample":null},{"affine":{"bias":-0.1807,"terms":[[4,-0.5194],[7,-0.2352],[10,-0.2116],[13,-0.502]]},"indicator":null,"layer":1,"neuron":0,"post":16,"pre":15,"pre_bounds":[-1.8000868799999998,-0.1807],"sample":null},{"affine":{"bias":0.0961,"terms":[[4,0.0475],[7,-0.2061],[10,-0.2933],[13,0.7209]]},"indicator":19,"layer":1,"neuron":1,"post":18,"pre":17,"pre_bounds":[-0.5246249000000001,0.9423309599999999],"sample":null},{"affine":{"bias":0.1469,"terms":[[4,0.0437],[7,0.2075],[10,-0.8458],[13,-0.3449]]},"indicator":22,"layer":1,"neuron":2,"post":21,"pre":20,"pre_bounds":[-1.29357412,0.44526658999999996],"sample":null},{"affine":{"bias":-0.0605,"terms":[[4,0.1792],[7,-0.4039],[10,-0.2721],[13,0.6643]]},"indicator":25,"layer":1,"neuron":3,"post":24,"pre":23,"pre_bounds":[-0.89837988,0.8517678599999999],"sample":null}]}}
EOF
printf '{"relu": {"inputs": [0, 1], "outputs": [], "units": []}}' | sidecar 000 bare.json

# The tiny verification target reads weights from any bytes.
for i in 1 2 3 4; do
    head -c 64 /dev/zero | tr '\0' "\\$(printf '%03o' $((i * 37)))" > "$tmp/bytes"
    seed verify_tiny "$tmp/bytes" "bytes$i"
done

for d in "$corpus"/*; do
    printf '%-14s %3d seeds\n' "$(basename "$d")" "$(ls "$d" | wc -l)"
done
