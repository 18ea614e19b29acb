//! Random LPs checked against microlp and the optimality certificate.

use crate::support::{
    check_against_reference, check_certificate, close, env_number, row, solve, write_lp, INF,
};
use relumip_solver::lp::dual::DualSimplex;
use relumip_solver::lp::{BasisStatus, LpEngine, LpProblem, LpRow, LpStatus};
use relumip_solver::rng::SplitMix64;

/// A random LP with `n` columns and `m` rows. Most rows are built around a point inside
/// the column bounds (so most LPs are feasible); `wild` rows may cut it off.
pub fn random_lp(rng: &mut SplitMix64, n: usize, m: usize, density: f64) -> LpProblem {
    let mut costs = Vec::with_capacity(n);
    let mut lower = Vec::with_capacity(n);
    let mut upper = Vec::with_capacity(n);
    let mut x0 = Vec::with_capacity(n);
    let integral = rng.unit() < 0.5;
    let value = |rng: &mut SplitMix64, lo: f64, hi: f64| {
        if integral {
            rng.uniform(lo, hi).round()
        } else {
            rng.uniform(lo, hi)
        }
    };
    for _ in 0..n {
        let kind = rng.below(10);
        let (l, u) = match kind {
            0..=2 => (0.0, value(rng, 1.0, 10.0)),
            3 => (value(rng, -5.0, 0.0), value(rng, 0.0, 5.0)),
            4 | 5 => (value(rng, -3.0, 3.0), INF),
            6 => (-INF, value(rng, -3.0, 3.0)),
            7 => (-INF, INF),
            8 => {
                let v = value(rng, -2.0, 2.0);
                (v, v)
            }
            _ => (0.0, 1.0),
        };
        let lo = if l.is_finite() { l } else { u.min(0.0) - 4.0 };
        let hi = if u.is_finite() { u } else { lo.max(0.0) + 4.0 };
        x0.push(rng.uniform(lo, hi));
        lower.push(l);
        upper.push(u);
        costs.push(if rng.unit() < 0.15 {
            0.0
        } else {
            value(rng, -5.0, 5.0)
        });
    }
    let mut rows = Vec::with_capacity(m);
    for _ in 0..m {
        let mut entries = Vec::new();
        for j in 0..n {
            if rng.unit() < density {
                let mut a = value(rng, -4.0, 4.0);
                if a == 0.0 {
                    a = 1.0;
                }
                entries.push((j, a));
            }
        }
        let act: f64 = entries.iter().map(|&(j, a)| a * x0[j]).sum();
        let slack = |rng: &mut SplitMix64| {
            if rng.unit() < 0.3 {
                0.0
            } else {
                rng.uniform(0.0, 3.0)
            }
        };
        let (lo, hi) = match rng.below(12) {
            0..=3 => (-INF, act + slack(rng)),
            4..=6 => (act - slack(rng), INF),
            7 | 8 => (act, act),
            9 => (act - slack(rng), act + slack(rng)),
            10 => (-INF, INF),
            _ => {
                // Wild: may make the LP infeasible.
                let b = rng.uniform(-10.0, 10.0);
                if rng.unit() < 0.5 {
                    (b, INF)
                } else {
                    (-INF, b)
                }
            }
        };
        let (lo, hi) = if integral && lo.is_finite() && hi.is_finite() && lo != hi {
            (lo.floor(), hi.ceil())
        } else {
            (lo, hi)
        };
        rows.push(row(&entries, lo, hi));
    }
    LpProblem {
        costs,
        col_lower: lower,
        col_upper: upper,
        rows,
    }
}

/// A random LP with integer data, seeded by `seed`: up to 25 columns of every kind
/// of bounds and up to 20 rows, not built around a feasible point (many are
/// infeasible or unbounded).
pub fn integer_lp(seed: u64) -> LpProblem {
    let mut rng = SplitMix64::new(seed);
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

#[test]
fn random_small_lps_match_microlp() {
    let mut counts = [0usize; 3];
    for seed in 0..800u64 {
        let mut rng = SplitMix64::new(seed);
        let n = 1 + rng.below(25);
        let m = rng.below(20);
        let density = rng.uniform(0.1, 0.6);
        let p = random_lp(&mut rng, n, m, density);
        match check_against_reference(&p, &format!("seed {seed}")) {
            LpStatus::Optimal => counts[0] += 1,
            LpStatus::Infeasible => counts[1] += 1,
            _ => counts[2] += 1,
        }
    }
    // The generator must exercise every outcome.
    assert!(counts.iter().all(|&c| c > 20), "outcomes {counts:?}");
}

#[test]
fn random_medium_lps_match_microlp() {
    for seed in 0..40u64 {
        let mut rng = SplitMix64::new(1000 + seed);
        let n = 60 + rng.below(100);
        let m = 40 + rng.below(80);
        let p = random_lp(&mut rng, n, m, 0.05);
        check_against_reference(&p, &format!("medium seed {seed}"));
    }
}

/// The integer LPs of [`integer_lp`]: every outcome, each checked as above.
#[test]
fn random_integer_lps_match_microlp() {
    let mut tally = [0usize; 3];
    for seed in 0..1500 {
        let p = integer_lp(seed);
        match check_against_reference(&p, &format!("integer seed {seed}")) {
            LpStatus::Optimal => tally[0] += 1,
            LpStatus::Infeasible => tally[1] += 1,
            LpStatus::Unbounded => tally[2] += 1,
            other => panic!("integer seed {seed}: {other:?}"),
        }
    }
    assert!(
        tally.iter().all(|&t| t > 50),
        "optimal / infeasible / unbounded: {tally:?}"
    );
}

/// Long randomised run (seeds from `STRESS_FROM` to `STRESS_TO`, run with
/// `--ignored`).
#[test]
#[ignore]
fn random_stress() {
    for seed in env_number("STRESS_FROM", 0)..env_number("STRESS_TO", 20000) {
        let mut rng = SplitMix64::new(seed);
        let big = rng.unit() < 0.1;
        let n = if big {
            30 + rng.below(120)
        } else {
            1 + rng.below(30)
        };
        let m = if big {
            20 + rng.below(100)
        } else {
            rng.below(25)
        };
        let density = if big {
            rng.uniform(0.02, 0.15)
        } else {
            rng.uniform(0.1, 0.7)
        };
        let p = random_lp(&mut rng, n, m, density);
        check_against_reference(&p, &format!("stress seed {seed}"));
    }
}

/// Rows and columns multiplied by powers of ten up to 1e4: the same LP, badly scaled.
#[test]
fn badly_scaled_lps_match_well_scaled() {
    let mut solved = 0;
    for seed in 0..300u64 {
        let mut rng = SplitMix64::new(70_000 + seed);
        let n = 2 + rng.below(30);
        let m = 1 + rng.below(25);
        let p = random_lp(&mut rng, n, m, 0.3);
        let t: Vec<f64> = (0..n)
            .map(|_| 10f64.powi(rng.below(7) as i32 - 3))
            .collect();
        let r: Vec<f64> = (0..m)
            .map(|_| 10f64.powi(rng.below(9) as i32 - 4))
            .collect();
        let q = LpProblem {
            costs: (0..n).map(|j| p.costs[j] * t[j]).collect(),
            col_lower: (0..n).map(|j| p.col_lower[j] / t[j]).collect(),
            col_upper: (0..n).map(|j| p.col_upper[j] / t[j]).collect(),
            rows: p
                .rows
                .iter()
                .zip(&r)
                .map(|(row, &ri)| LpRow {
                    entries: row
                        .entries
                        .iter()
                        .map(|&(j, a)| (j, a * ri * t[j]))
                        .collect(),
                    lower: row.lower * ri,
                    upper: row.upper * ri,
                })
                .collect(),
        };
        let mut a = DualSimplex::new(&p);
        let mut b = DualSimplex::new(&q);
        let (sa, sb) = (solve(&mut a), solve(&mut b));
        assert_eq!(sa, sb, "seed {seed}");
        if sa == LpStatus::Optimal {
            solved += 1;
            assert!(
                close(a.objective(), b.objective(), 1e-6),
                "seed {seed}: {} vs {}",
                a.objective(),
                b.objective()
            );
            check_certificate(&q, &b, 1e-6);
        }
    }
    assert!(solved > 100);
}

/// Repeated rows and columns make many bases singular (factorisation repair).
#[test]
fn duplicated_rows_and_columns() {
    for seed in 0..150u64 {
        let mut rng = SplitMix64::new(40_000 + seed);
        let n = 3 + rng.below(20);
        let m = 2 + rng.below(15);
        let mut p = random_lp(&mut rng, n, m, 0.4);
        // Duplicate a few columns (same entries, cost, bounds) and rows.
        for _ in 0..1 + rng.below(3) {
            let j = rng.below(n);
            let new = p.num_cols();
            p.costs.push(p.costs[j]);
            p.col_lower.push(p.col_lower[j]);
            p.col_upper.push(p.col_upper[j]);
            for r in p.rows.iter_mut() {
                if let Some(&(_, a)) = r.entries.iter().find(|e| e.0 == j) {
                    r.entries.push((new, a));
                }
            }
        }
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(p.rows.len());
            let mut r = p.rows[i].clone();
            if rng.unit() < 0.5 {
                r.entries.iter_mut().for_each(|e| e.1 *= 2.0);
                r.lower *= 2.0;
                r.upper *= 2.0;
            }
            p.rows.push(r);
        }
        check_against_reference(&p, &format!("duplicates seed {seed}"));
        // A basis with both copies of a column basic is singular: set_basis refuses it
        // or the solve repairs it; either way the answer is right.
        let mut e = DualSimplex::new(&p);
        let mut b = e.basis().unwrap();
        let k = p.num_cols() - 1;
        if let Some(j) = (0..k).find(|&j| p.costs[j] == p.costs[k]) {
            b.columns[j] = BasisStatus::Basic;
            b.columns[k] = BasisStatus::Basic;
            b.rows[0] = BasisStatus::AtLower;
            if b.rows.len() > 1 {
                b.rows[1] = BasisStatus::AtLower;
            }
            let _ = e.set_basis(&b);
        }
        let s = solve(&mut e);
        assert!(!s.is_failure(), "duplicates seed {seed}: {s:?}");
    }
}

/// Many free columns and equality rows (as in the regression-style MILPs): dual phase 1
/// and the primal route get exercised.
#[test]
fn free_columns_and_equalities() {
    let mut outcomes = [0usize; 3];
    let from = env_number("FREE_FROM", 0);
    for seed in from..from + env_number("FREE_SEEDS", 300) {
        let mut rng = SplitMix64::new(90_000 + seed);
        let n = 2 + rng.below(25);
        let m = 1 + rng.below(20);
        let mut p = random_lp(&mut rng, n, m, 0.3);
        let x0: Vec<f64> = (0..n).map(|_| rng.uniform(-3.0, 3.0)).collect();
        for j in 0..n {
            if rng.unit() < 0.5 {
                p.col_lower[j] = f64::NEG_INFINITY;
                p.col_upper[j] = f64::INFINITY;
            } else {
                p.col_lower[j] = x0[j].min(p.col_lower[j].max(-5.0));
                p.col_upper[j] = x0[j].max(p.col_upper[j].min(5.0));
            }
        }
        for r in p.rows.iter_mut() {
            let act: f64 = r.entries.iter().map(|&(j, a)| a * x0[j]).sum();
            if rng.unit() < 0.5 {
                r.lower = act;
                r.upper = act;
            } else if rng.unit() < 0.5 {
                r.lower = act - rng.uniform(0.0, 2.0);
                r.upper = f64::INFINITY;
            } else {
                r.lower = f64::NEG_INFINITY;
                r.upper = act + rng.uniform(0.0, 2.0);
            }
        }
        if std::env::var("DUMP_SEED").ok().and_then(|v| v.parse().ok()) == Some(seed) {
            write_lp(&p, &std::env::temp_dir().join("dump.mps"));
        }
        match check_against_reference(&p, &format!("free seed {seed}")) {
            LpStatus::Optimal => outcomes[0] += 1,
            LpStatus::Unbounded => outcomes[1] += 1,
            _ => outcomes[2] += 1,
        }
    }
    assert!(
        outcomes[0] > 30 && outcomes[1] > 30,
        "outcomes {outcomes:?}"
    );
}
