//! Tests of the ONNX reader on models built by hand from protobuf messages: known
//! outputs, the errors of unsupported or malformed models, and damaged files.

#![allow(clippy::unwrap_used)]

mod build;
mod fuzz;
mod models;

use std::path::PathBuf;

/// The shared benchmark folder (`RELUMIP_BENCHMARKS`, else `shared/benchmarks` in
/// an ancestor of the crate), when present.
fn benchmarks_dir() -> Option<PathBuf> {
    std::env::var_os("RELUMIP_BENCHMARKS")
        .map(PathBuf::from)
        .or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join("shared/benchmarks"))
                .find(|d| d.is_dir())
        })
        .filter(|d| d.is_dir())
}
