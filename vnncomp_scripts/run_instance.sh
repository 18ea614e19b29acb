#!/usr/bin/env bash
# VNN-COMP tool interface: run_instance.sh v1 CATEGORY ONNX VNNLIB RESULT TIMEOUT
# Writes sat (with the counterexample), unsat, timeout, unknown or error to RESULT.
set -uo pipefail
[ "$#" -ge 6 ] || { echo "usage: run_instance.sh v1 CATEGORY ONNX VNNLIB RESULT TIMEOUT" >&2; exit 1; }
[ "$1" = "v1" ] || { echo "expected version v1, got $1" >&2; exit 1; }
onnx=$3; vnnlib=$4; result=$5; timeout=$6
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/target/release/relumip"
[ -x "$bin" ] || { echo "error" > "$result"; echo "relumip is not built: run install_tool.sh v1" >&2; exit 1; }
# Leave a little of the budget for start-up and writing the result.
budget=$(python3 -c "print(max(0.0, float('$timeout') - 1.0))" 2>/dev/null || echo "$timeout")
if ! "$bin" verify "$onnx" "$vnnlib" --timeout "$budget" --result "$result" --quiet; then
    echo "error" > "$result"
fi
exit 0
