//! Diagnostics of the dual simplex that need its internals (run with `--ignored
//! --nocapture`). Its behaviour is tested through the engine interface in the
//! crate's `tests/lp_dual`.

use super::DualSimplex;
use crate::io::mps::read_mps;
use crate::lp::{LpEngine, LpLimits, LpProblem};

/// Size and fill of the LU factors of the optimal basis of the LP relaxation of the
/// MPS file `LP_FILE` (for instance a MIPLIB instance, or a ReLU relaxation written
/// by the `relu_write_mps` test).
#[test]
#[ignore]
fn factor_stats() {
    let Some(path) = std::env::var_os("LP_FILE") else {
        eprintln!("set LP_FILE to an MPS file");
        return;
    };
    let model = read_mps(std::path::Path::new(&path)).expect("readable MPS file");
    let mut e = DualSimplex::new(&LpProblem::relaxation(&model));
    let status = e.solve(&LpLimits::default());
    let structurals = e.head.iter().filter(|&&j| j < e.n).count();
    assert!(e.factorize(), "the final basis factorises");
    println!(
        "{status:?} after {} iterations; m {} basic structurals {structurals} {}",
        e.iterations(),
        e.m(),
        e.factor.stats()
    );
}
