//! The dual simplex against the microlp backend and against its own optimality
//! certificate, on random LPs, warm-start sequences and MIPLIB relaxations.

use relumip_solver::lp::{LpBackend, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use std::path::PathBuf;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
}

const INF: f64 = f64::INFINITY;

fn random_lp(seed: u64) -> LpProblem {
    let mut rng = Rng(seed);
    let n = rng.int(1, 25) as usize;
    let m = rng.int(1, 20) as usize;
    let mut p = LpProblem {
        costs: vec![],
        col_lower: vec![],
        col_upper: vec![],
        rows: vec![],
    };
    for _ in 0..n {
        p.costs
            .push(rng.int(-10, 10) as f64 * if rng.unit() < 0.2 { 0.0 } else { 1.0 });
        let (lo, up) = match rng.int(0, 6) {
            0 => (-INF, INF),
            1 => (0.0, INF),
            2 => (-INF, rng.int(-2, 5) as f64),
            3 => (rng.int(-3, 0) as f64, rng.int(1, 6) as f64),
            4 => {
                let v = rng.int(-2, 2) as f64;
                (v, v)
            }
            _ => (0.0, rng.int(1, 10) as f64),
        };
        p.col_lower.push(lo);
        p.col_upper.push(up);
    }
    for _ in 0..m {
        let mut entries = Vec::new();
        for j in 0..n {
            if rng.unit() < 0.4 {
                entries.push((
                    j,
                    (rng.int(-8, 8) as f64) * if rng.unit() < 0.1 { 0.125 } else { 1.0 },
                ));
            }
        }
        entries.retain(|e| e.1 != 0.0);
        let rhs = rng.int(-5, 15) as f64;
        let (lo, up) = match rng.int(0, 4) {
            0 => (-INF, rhs),
            1 => (rhs - 10.0, INF),
            2 => (rhs, rhs),
            _ => (rhs - rng.int(0, 8) as f64, rhs),
        };
        p.rows.push(LpRow {
            entries,
            lower: lo,
            upper: up,
        });
    }
    p
}

/// Checks primal feasibility, dual feasibility and complementary slackness of the
/// reported solution; returns the largest violation.
fn certificate_violation(p: &LpProblem, lp: &dyn LpEngine) -> f64 {
    let x = lp.primal();
    let y = lp.row_duals().expect("duals");
    let d = lp.reduced_costs().expect("reduced costs");
    let mut worst: f64 = 0.0;
    for j in 0..p.num_cols() {
        worst = worst.max(p.col_lower[j] - x[j]).max(x[j] - p.col_upper[j]);
        // d = c - A^T y
        let mut r = p.costs[j];
        for (i, row) in p.rows.iter().enumerate() {
            for &(k, a) in &row.entries {
                if k == j {
                    r -= a * y[i];
                }
            }
        }
        worst = worst.max((r - d[j]).abs() / (1.0 + d[j].abs()));
        // Sign conditions: d > 0 only at lower bound, d < 0 only at upper bound.
        let scale = 1.0 + x[j].abs();
        if d[j] > 1e-6 {
            worst = worst.max((x[j] - p.col_lower[j]).abs().min(1.0) * d[j].min(1.0) / scale);
        }
        if d[j] < -1e-6 {
            worst = worst.max((p.col_upper[j] - x[j]).abs().min(1.0) * (-d[j]).min(1.0) / scale);
        }
    }
    for (i, row) in p.rows.iter().enumerate() {
        let act: f64 = row.entries.iter().map(|&(j, a)| a * x[j]).sum();
        worst = worst.max(row.lower - act).max(act - row.upper);
        if y[i] > 1e-6 {
            worst = worst.max((act - row.lower).abs().min(1.0) * y[i].min(1.0));
        }
        if y[i] < -1e-6 {
            worst = worst.max((row.upper - act).abs().min(1.0) * (-y[i]).min(1.0));
        }
    }
    worst
}

fn same_answer(a: (LpStatus, f64), b: (LpStatus, f64)) -> bool {
    a.0 == b.0 && (a.0 != LpStatus::Optimal || (a.1 - b.1).abs() <= 1e-6 * (1.0 + a.1.abs()))
}

fn solve_with(backend: LpBackend, p: &LpProblem) -> (LpStatus, f64) {
    let mut lp = backend.create(p);
    let s = lp.solve(&LpLimits::default());
    (s, lp.objective())
}

#[test]
fn random_lps_agree_with_microlp_and_certify() {
    let mut tally = [0usize; 3];
    for seed in 0..1500 {
        let p = random_lp(seed);
        let mut dual = LpBackend::DualSimplex.create(&p);
        let status = dual.solve(&LpLimits::default());
        let ours = (status, dual.objective());
        let theirs = solve_with(LpBackend::MicroLp, &p);
        assert!(
            same_answer(ours, theirs),
            "seed {seed}: dual {ours:?} microlp {theirs:?}"
        );
        match status {
            LpStatus::Optimal => {
                tally[0] += 1;
                let v = certificate_violation(&p, dual.as_ref());
                assert!(v < 1e-6, "seed {seed}: certificate violated by {v}");
            }
            LpStatus::Infeasible => tally[1] += 1,
            LpStatus::Unbounded => tally[2] += 1,
            other => panic!("seed {seed}: {other:?}"),
        }
    }
    eprintln!("optimal / infeasible / unbounded: {tally:?}");
    assert!(tally.iter().all(|&t| t > 50), "{tally:?}");
}

#[test]
fn warm_sequences_match_cold_solves() {
    for seed in 0..300 {
        let p = random_lp(10_000 + seed);
        let mut rng = Rng(seed);
        let mut warm = LpBackend::DualSimplex.create(&p);
        warm.solve(&LpLimits::default());
        let mut current = p.clone();
        for step in 0..15 {
            let j = rng.int(0, p.num_cols() as i64 - 1) as usize;
            let (lo, up) = (p.col_lower[j], p.col_upper[j]);
            let (nl, nu) = match rng.int(0, 3) {
                0 => (lo, up),
                1 if lo.is_finite() => (lo, lo),
                2 if up.is_finite() => (up, up),
                _ => {
                    let mid = if lo.is_finite() {
                        lo + 1.0
                    } else if up.is_finite() {
                        up - 1.0
                    } else {
                        0.0
                    };
                    (lo.max(mid - 1.0), up.min(mid))
                }
            };
            warm.set_col_bounds(j, nl, nu);
            current.col_lower[j] = nl;
            current.col_upper[j] = nu;
            if step % 5 == 4 {
                let row = current.rows[step % current.rows.len()].clone();
                let first = warm.add_rows(&[LpRow {
                    lower: row.lower - 1.0,
                    ..row.clone()
                }]);
                current.rows.push(LpRow {
                    lower: row.lower - 1.0,
                    ..row
                });
                if step % 10 == 9 {
                    warm.remove_rows(&[first]);
                    current.rows.pop();
                }
            }
            let status = warm.solve(&LpLimits::default());
            let ours = (status, warm.objective());
            let cold = solve_with(LpBackend::DualSimplex, &current);
            let reference = solve_with(LpBackend::MicroLp, &current);
            assert!(
                same_answer(ours, reference),
                "seed {seed} step {step}: warm {ours:?} microlp {reference:?}"
            );
            assert!(
                same_answer(cold, reference),
                "seed {seed} step {step}: cold {cold:?} microlp {reference:?}"
            );
            if status == LpStatus::Optimal {
                let v = certificate_violation(&current, warm.as_ref());
                assert!(
                    v < 1e-6,
                    "seed {seed} step {step}: certificate violated by {v}"
                );
            }
        }
    }
}

/// `set_objective` on a solved engine (both backends) gives the same answers as a
/// fresh engine built with the new objective, over sequences of objectives.
#[test]
fn objective_changes_match_fresh_engines() {
    for backend in LpBackend::ALL.iter().copied() {
        for seed in 0..150 {
            let p = random_lp(90_000 + seed);
            let mut rng = Rng(seed);
            let mut warm = backend.create(&p);
            warm.solve(&LpLimits::default());
            let mut current = p.clone();
            for step in 0..6 {
                for c in current.costs.iter_mut() {
                    *c = if rng.unit() < 0.3 {
                        0.0
                    } else {
                        rng.int(-6, 6) as f64
                    };
                }
                warm.set_objective(&current.costs);
                let status = warm.solve(&LpLimits::default());
                let ours = (status, warm.objective());
                let fresh = solve_with(LpBackend::MicroLp, &current);
                assert!(
                    same_answer(ours, fresh),
                    "{} seed {seed} step {step}: warm {ours:?} fresh {fresh:?}",
                    backend.name()
                );
                if status == LpStatus::Optimal && backend == LpBackend::DualSimplex {
                    let v = certificate_violation(&current, warm.as_ref());
                    assert!(
                        v < 1e-6,
                        "seed {seed} step {step}: certificate violated by {v}"
                    );
                }
            }
        }
    }
}

#[test]
fn bases_round_trip_and_warm_start_in_zero_iterations() {
    for seed in 0..100 {
        let p = random_lp(50_000 + seed);
        let mut a = LpBackend::DualSimplex.create(&p);
        if a.solve(&LpLimits::default()) != LpStatus::Optimal {
            continue;
        }
        let basis = a.basis().expect("basis");
        let mut b = LpBackend::DualSimplex.create(&p);
        assert!(b.set_basis(&basis));
        assert_eq!(b.solve(&LpLimits::default()), LpStatus::Optimal);
        assert_eq!(
            b.iterations(),
            0,
            "seed {seed}: an optimal basis needs no iteration"
        );
        assert!((a.objective() - b.objective()).abs() <= 1e-9 * (1.0 + a.objective().abs()));
        assert_eq!(b.basis().expect("basis"), basis);
    }
}

#[test]
fn cutoff_stops_early_with_a_valid_bound() {
    for seed in 0..200 {
        let p = random_lp(70_000 + seed);
        let (status, opt) = solve_with(LpBackend::DualSimplex, &p);
        if status != LpStatus::Optimal {
            continue;
        }
        let mut lp = LpBackend::DualSimplex.create(&p);
        let limits = LpLimits {
            objective_cutoff: opt - 1.0,
            ..LpLimits::default()
        };
        let s = lp.solve(&limits);
        assert!(
            matches!(s, LpStatus::CutoffReached | LpStatus::Optimal),
            "seed {seed}: {s:?}"
        );
        let mut lp = LpBackend::DualSimplex.create(&p);
        let limits = LpLimits {
            objective_cutoff: opt + 1.0,
            ..LpLimits::default()
        };
        assert_eq!(
            lp.solve(&limits),
            LpStatus::Optimal,
            "seed {seed}: cutoff above the optimum"
        );
    }
}

fn benchmarks() -> Option<PathBuf> {
    let dir = std::env::var_os("RELUMIP_BENCHMARKS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/benchmarks")
        });
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: benchmark folder {} not found", dir.display());
        None
    }
}

#[test]
fn miplib_relaxations_agree_with_microlp() {
    let Some(dir) = benchmarks() else { return };
    let mut files: Vec<_> = std::fs::read_dir(dir.join("miplib-small"))
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".mps"))
        .collect();
    files.sort();
    for path in files {
        let model = relumip_solver::io::mps::read_mps(&path).expect("valid file");
        let p = LpProblem::relaxation(&model);
        let mut dual = LpBackend::DualSimplex.create(&p);
        let status = dual.solve(&LpLimits::default());
        let ours = (status, dual.objective());
        let theirs = solve_with(LpBackend::MicroLp, &p);
        assert!(
            same_answer(ours, theirs),
            "{}: dual {ours:?} microlp {theirs:?}",
            path.display()
        );
        if status == LpStatus::Optimal {
            let v = certificate_violation(&p, dual.as_ref());
            assert!(v < 1e-5, "{}: certificate violated by {v}", path.display());
        }
    }
}
