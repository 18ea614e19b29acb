//! LP relaxations of the small MIPLIB instances in `shared/benchmarks/miplib-small`
//! (skipped with a message when the folder is absent).

use crate::support::{check_certificate, close, microlp_reference, miplib_folder, solve};
use relumip_solver::io::mps::read_mps;
use relumip_solver::lp::dual::DualSimplex;
use relumip_solver::lp::microlp_backend::MicroLp;
use relumip_solver::lp::{BasisStatus, LpEngine, LpProblem, LpStatus};
use relumip_solver::rng::SplitMix64;
use std::path::Path;
use std::time::Instant;

/// LP relaxation optima (minimisation form) computed once with HiGHS's simplex.
const RELAXATIONS: &[(&str, f64)] = &[
    ("small_mip.mps", 3.2368421053),
    ("flugpl.mps", 1.1671857256e6),
    ("egout.mps", 1.4958876622e2),
    ("p0033.mps.gz", 2.5205717391e3),
    ("enigma.mps.gz", 0.0),
    ("gt2.mps", 1.3460233074e4),
    ("lseu.mps", 8.3468235294e2),
    ("p01.mps", 263.0),
    ("p0548.mps", 3.1525490196e2),
    ("p0282.mps.gz", 1.7686750335e5),
    ("gen.mps.gz", 1.1213004066e5),
    ("vpm1.mps.gz", 1.5416666667e1),
    ("khb05250.mps.gz", 9.5919464000e7),
    ("rgn.mps", 4.8799998560e1),
    ("infeasible-mip0.mps", 2.1580316208e4),
    ("infeasible-mip1.mps", 1.5367500000e2),
];

/// The LP relaxation (minimisation form) of an MPS file.
fn read_lp(path: &Path) -> LpProblem {
    let model = read_mps(path).expect("readable MPS");
    LpProblem::relaxation(&model)
}

fn instances() -> Vec<(String, LpProblem, f64)> {
    let Some(dir) = miplib_folder() else {
        return Vec::new();
    };
    RELAXATIONS
        .iter()
        .filter_map(|&(name, value)| {
            let path = dir.join(name);
            if !path.exists() {
                eprintln!("{name} missing: skipped");
                return None;
            }
            let p = read_lp(&path);
            Some((name.to_string(), p, value))
        })
        .collect()
}

/// Cold solves reach the known optima, with a valid certificate, and agree with
/// microlp.
#[test]
fn miplib_relaxations_reach_known_optima() {
    for (name, p, value) in instances() {
        let mut e = DualSimplex::new(&p);
        let status = solve(&mut e);
        assert_eq!(status, LpStatus::Optimal, "{name}");
        assert!(
            close(e.objective(), value, 1e-8),
            "{name}: {} expected {value}",
            e.objective()
        );
        check_certificate(&p, &e, 1e-7);
        let reference = microlp_reference(&p);
        assert!(
            reference.is_some_and(|(s, obj)| s == status && close(obj, value, 1e-6)),
            "{name}: microlp {reference:?}"
        );
    }
}

/// Dives as branch-and-bound does: fix fractional integer-looking columns (bounds
/// [0,1]) down or up, re-solve warm, compare with a cold solve, backtrack.
#[test]
fn miplib_dives_match_cold_solves() {
    let mut rng = SplitMix64::new(77);
    for (name, p, _) in instances() {
        let mut e = DualSimplex::new(&p);
        assert_eq!(solve(&mut e), LpStatus::Optimal);
        let n = p.num_cols();
        for step in 0..15 {
            let x = e.primal().to_vec();
            let fractional: Vec<usize> = (0..n)
                .filter(|&j| p.col_lower[j] == 0.0 && p.col_upper[j] == 1.0)
                .filter(|&j| (x[j] - x[j].round()).abs() > 1e-6)
                .collect();
            if fractional.is_empty() {
                break;
            }
            let j = fractional[rng.below(fractional.len())];
            let v = if rng.unit() < 0.5 { 0.0 } else { 1.0 };
            e.set_col_bounds(j, v, v);
            let warm = solve(&mut e);
            let mut q = p.clone();
            for k in 0..n {
                let (l, u) = e.col_bounds(k);
                q.col_lower[k] = l;
                q.col_upper[k] = u;
            }
            let mut cold = DualSimplex::new(&q);
            let s = solve(&mut cold);
            assert_eq!(warm, s, "{name} step {step}");
            if warm == LpStatus::Optimal {
                assert!(
                    close(e.objective(), cold.objective(), 1e-7),
                    "{name} step {step}"
                );
                check_certificate(&q, &e, 1e-7);
            } else {
                e.set_col_bounds(j, 0.0, 1.0);
                assert_eq!(solve(&mut e), LpStatus::Optimal);
            }
        }
    }
}

/// Timings against microlp (run with `--ignored --nocapture`).
#[test]
#[ignore]
fn miplib_timings() {
    for (name, p, _) in instances() {
        // Best of five cold solves (the machine is shared).
        let mut dual_time = f64::INFINITY;
        let mut micro_time = f64::INFINITY;
        let (mut e, mut s) = (DualSimplex::new(&p), LpStatus::NumericalFailure);
        let (mut m, mut ms) = (MicroLp::new(&p), LpStatus::NumericalFailure);
        for _ in 0..5 {
            let t = Instant::now();
            e = DualSimplex::new(&p);
            s = solve(&mut e);
            dual_time = dual_time.min(t.elapsed().as_secs_f64());
            let t = Instant::now();
            m = MicroLp::new(&p);
            ms = solve(&mut m);
            micro_time = micro_time.min(t.elapsed().as_secs_f64());
        }
        // Warm re-solves after one bound change: fix a fractional binary column, solve,
        // restore its bounds, solve (microlp re-solves such fixings warm too). Each
        // engine's time per solve, and the dual simplex's iterations per solve.
        let n = p.num_cols();
        let x = e.primal().to_vec();
        let micro_cold_iterations = m.iterations();
        let (mut dual_warm, mut micro_warm) = (0.0, 0.0);
        let mut warm_iters = 0;
        let mut count = 0;
        for j in 0..n {
            let (l, u) = e.col_bounds(j);
            if l != 0.0 || u != 1.0 || (x[j] - x[j].round()).abs() < 1e-6 || count >= 50 {
                continue;
            }
            let v = (count % 2) as f64;
            let before = e.iterations();
            let t = Instant::now();
            e.set_col_bounds(j, v, v);
            let _ = solve(&mut e);
            e.set_col_bounds(j, l, u);
            let _ = solve(&mut e);
            dual_warm += t.elapsed().as_secs_f64();
            warm_iters += e.iterations() - before;
            let t = Instant::now();
            m.set_col_bounds(j, v, v);
            let _ = solve(&mut m);
            m.set_col_bounds(j, l, u);
            let _ = solve(&mut m);
            micro_warm += t.elapsed().as_secs_f64();
            count += 1;
        }
        let solves = (2 * count).max(1) as f64;
        println!(
            "{name:>20} cold: dual {s:?} {:7.2} ms {:5} it, microlp {ms:?} {:7.2} ms {:5} it | warm ({count} fixings): dual {:6.1} us/solve {:4.1} it, microlp {:6.1} us/solve",
            dual_time * 1e3,
            e.iterations() - warm_iters,
            micro_time * 1e3,
            micro_cold_iterations,
            dual_warm / solves * 1e6,
            warm_iters as f64 / solves,
            micro_warm / solves * 1e6,
        );
    }
}

/// Repeated warm re-solves on one instance, for profiling (`PROFILE_LP=gen.mps.gz`;
/// the LU factors' figures: `factor_stats` in the library's tests).
#[test]
#[ignore]
fn miplib_warm_profile() {
    let name = std::env::var("PROFILE_LP").unwrap_or_else(|_| "gen.mps.gz".into());
    let Some(dir) = miplib_folder() else { return };
    let p = read_lp(&dir.join(&name));
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    let x = e.primal().to_vec();
    let frac: Vec<usize> = (0..p.num_cols())
        .filter(|&j| (x[j] - x[j].round()).abs() > 1e-6)
        .collect();
    let t = Instant::now();
    let before = e.iterations();
    let mut solves = 0;
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    for _ in 0..rounds {
        for &j in &frac {
            let (l, u) = e.col_bounds(j);
            e.set_col_bounds(j, l, x[j].floor().max(l));
            let _ = solve(&mut e);
            e.set_col_bounds(j, l, u);
            let _ = solve(&mut e);
            solves += 2;
        }
    }
    let el = t.elapsed().as_secs_f64();
    let t0 = Instant::now();
    for _ in 0..1000 {
        let _ = solve(&mut e);
    }
    let basis = e.basis().expect("basis");
    let structurals = basis
        .columns
        .iter()
        .filter(|s| **s == BasisStatus::Basic)
        .count();
    println!("{name}: m {} basic structurals {structurals}", e.num_rows());
    println!(
        "{name}: unchanged re-solve {:.1} us",
        t0.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{name}: {solves} solves, {:.1} us/solve, {:.2} it/solve, {:.1} us/it",
        el / solves as f64 * 1e6,
        (e.iterations() - before) as f64 / solves as f64,
        el / (e.iterations() - before) as f64 * 1e6
    );
}
