#!/usr/bin/env bash
# VNN-COMP tool interface: install_tool.sh v1
# Builds relumip in release mode (needs a Rust toolchain; installs one with rustup if missing).
set -euo pipefail
version=${1:-v1}
[ "$version" = "v1" ] || { echo "expected version v1, got $version" >&2; exit 1; }
cd "$(dirname "$0")/.."
if ! command -v cargo >/dev/null 2>&1; then
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
fi
cargo build --release
