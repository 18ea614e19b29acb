//! Helpers shared by the integration tests.
#![allow(dead_code)]

use relumip_solver::nn::{Activation, Layer, Network};
use relumip_solver::rng::SplitMix64;
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

/// A random network with `widths` (input first), weights in `[-1, 1]`, biases in
/// `[-0.3, 0.3]`, ReLU hidden layers and an identity output layer.
pub fn random_network(widths: &[usize], rng: &mut SplitMix64) -> Network {
    let layers = widths
        .windows(2)
        .enumerate()
        .map(|(k, w)| {
            let weights = (0..w[0] * w[1]).map(|_| rng.uniform(-1.0, 1.0)).collect();
            let bias = (0..w[1]).map(|_| rng.uniform(-0.3, 0.3)).collect();
            let activation = if k + 2 == widths.len() {
                Activation::Identity
            } else {
                Activation::Relu
            };
            Layer::new(weights, bias, w[0], activation).expect("layer")
        })
        .collect();
    Network::new(layers).expect("network")
}
