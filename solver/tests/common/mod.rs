//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared benchmark folder: `$RELUMIP_BENCHMARKS`, else `shared/benchmarks` in
/// the nearest ancestor of the crate folder that has one (`../../shared/benchmarks`
/// from `solver/` in a checkout with `shared/` beside it). `None` (with a printed
/// message) when absent, so that tests needing it can skip.
pub fn benchmarks_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RELUMIP_BENCHMARKS") {
        let dir = PathBuf::from(dir);
        if dir.is_dir() {
            return Some(dir);
        }
        eprintln!("RELUMIP_BENCHMARKS={} is not a folder", dir.display());
        return None;
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found = manifest
        .ancestors()
        .map(|a| a.join("shared").join("benchmarks"))
        .find(|d| d.is_dir());
    if found.is_none() {
        eprintln!("skipping: no shared/benchmarks folder found (set RELUMIP_BENCHMARKS)");
    }
    found
}

/// The seeded generator of the library, under the name the tests use.
#[allow(unused_imports)]
pub use relumip_solver::rng::SplitMix64 as Rng;
