#!/usr/bin/env bash
# VNN-COMP tool interface: prepare_instance.sh v1 CATEGORY ONNX VNNLIB
# relumip needs no preparation; this checks that both files exist.
set -euo pipefail
[ "$#" -ge 4 ] || { echo "usage: prepare_instance.sh v1 CATEGORY ONNX VNNLIB" >&2; exit 1; }
[ "$1" = "v1" ] || { echo "expected version v1, got $1" >&2; exit 1; }
[ -f "$3" ] || { echo "network file not found: $3" >&2; exit 1; }
[ -f "$4" ] || { echo "property file not found: $4" >&2; exit 1; }
exit 0
