#!/usr/bin/env bash
# Installs the peer MILP solvers that `relumip bench` compares against and puts
# `highs` and `cbc` on PATH:
#   HiGHS: PyPI package highsbox (its binary needs its own lib dir, hence a wrapper)
#   CBC:   PyPI package cbcbox (installs a `cbc` launcher)
# usage: scripts/install-peers.sh [BIN_DIR]   (default ~/.local/bin; add it to PATH)
set -eu
bin=${1:-"$HOME/.local/bin"}
mkdir -p "$bin"
python3 -m pip install -q highsbox cbcbox
dist=$(python3 -c 'import highsbox; print(highsbox.highs_dist_dir())')
cat > "$bin/highs" <<WRAP
#!/bin/sh
LD_LIBRARY_PATH="$dist/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$dist/bin/highs" "\$@"
WRAP
chmod +x "$bin/highs"
export PATH="$bin:$PATH"
command -v cbc >/dev/null || { echo "cbc not on PATH after pip install cbcbox" >&2; exit 1; }
highs --version | head -n 1
