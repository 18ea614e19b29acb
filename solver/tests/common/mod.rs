//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod onnx_build;

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

/// A small deterministic pseudo-random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let v = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (v >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }
}
