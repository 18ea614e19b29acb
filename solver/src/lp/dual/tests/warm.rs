//! Warm-start sequences (branching, cuts) compared with cold solves.

use super::random::random_lp;
use super::*;

/// The LP the engine currently holds, as a problem to solve cold.
fn current(p: &LpProblem, e: &DualSimplex) -> LpProblem {
    let n = p.num_cols();
    LpProblem {
        costs: p.costs.clone(),
        col_lower: (0..n).map(|j| e.col_bounds(j).0).collect(),
        col_upper: (0..n).map(|j| e.col_bounds(j).1).collect(),
        rows: e.rows.clone(),
    }
}

/// Solves warm and cold and compares status and objective.
fn compare_warm_cold(p: &LpProblem, e: &mut DualSimplex, label: &str) -> LpStatus {
    let warm = solve(e);
    assert!(!warm.is_failure(), "{label}: warm status {warm:?}");
    let q = current(p, e);
    let mut cold = DualSimplex::new(&q);
    let s = solve(&mut cold);
    assert_eq!(warm, s, "{label}: warm {warm:?} cold {s:?}");
    if warm == LpStatus::Optimal {
        assert!(
            close(e.objective(), cold.objective(), 1e-7),
            "{label}: warm {} cold {}",
            e.objective(),
            cold.objective()
        );
        check_certificate(&q, e, 1e-7);
    }
    if warm == LpStatus::Infeasible {
        check_farkas(e, label);
    }
    warm
}

/// Number of random sequences: `default`, or `WARM_SEEDS` from the environment.
fn seeds(default: u64) -> std::ops::Range<u64> {
    let from = std::env::var("WARM_FROM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let count = std::env::var("WARM_SEEDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    from..from + count
}

#[test]
fn branching_sequences_match_cold_solves() {
    let mut warm_iterations = 0u64;
    let mut solves = 0u64;
    for seed in seeds(120) {
        let mut rng = Rng::new(5000 + seed);
        let n = 5 + rng.below(40);
        let m = 3 + rng.below(30);
        let p = random_lp(&mut rng, n, m, 0.2);
        let mut e = DualSimplex::new(&p);
        if solve(&mut e) != LpStatus::Optimal {
            continue;
        }
        for step in 0..20 {
            let label = format!("seed {seed} step {step}");
            let j = rng.below(n);
            let (l, u) = e.col_bounds(j);
            let v = e.primal()[j];
            // Branch down or up around the current value, as branch-and-bound does.
            let (nl, nu) = if rng.chance(0.5) {
                (l, v.floor().max(l).min(u))
            } else {
                (v.ceil().min(u).max(l), u)
            };
            e.set_col_bounds(j, nl, nu);
            let before = e.iterations();
            let s = compare_warm_cold(&p, &mut e, &label);
            warm_iterations += e.iterations() - before;
            solves += 1;
            // Restore (backtrack) half of the time, or when the node is infeasible.
            if s != LpStatus::Optimal || rng.chance(0.5) {
                e.set_col_bounds(j, l, u);
                let s = compare_warm_cold(&p, &mut e, &format!("{label} restored"));
                assert_ne!(s, LpStatus::Infeasible);
            }
        }
    }
    assert!(solves > 500, "only {solves} warm solves");
    // Warm solves after one bound change take few iterations on average.
    assert!(
        warm_iterations < solves * 10,
        "{warm_iterations} iterations for {solves} solves"
    );
}

#[test]
fn cut_sequences_match_cold_solves() {
    for seed in seeds(100) {
        let mut rng = Rng::new(9000 + seed);
        let n = 5 + rng.below(30);
        let m = 3 + rng.below(20);
        let p = random_lp(&mut rng, n, m, 0.25);
        let mut e = DualSimplex::new(&p);
        if solve(&mut e) != LpStatus::Optimal {
            continue;
        }
        for step in 0..12 {
            let label = format!("seed {seed} step {step}");
            match rng.below(4) {
                0 | 1 => {
                    // A cut through (or near) the current optimum.
                    let x = e.primal().to_vec();
                    let k = 1 + rng.below(n.min(5));
                    let mut entries: Vec<(usize, f64)> = (0..k)
                        .map(|_| (rng.below(n), rng.range(-3.0, 3.0)))
                        .collect();
                    entries.sort_by_key(|e| e.0);
                    entries.dedup_by_key(|e| e.0);
                    let act: f64 = entries.iter().map(|&(j, a)| a * x[j]).sum();
                    let rhs = act - rng.range(0.0, 1.0);
                    e.add_rows(&[row(&entries, -inf(), rhs)]);
                }
                2 if e.num_rows() > 0 => {
                    let count = 1 + rng.below(e.num_rows().min(3));
                    let rows: Vec<usize> = (0..count).map(|_| rng.below(e.num_rows())).collect();
                    e.remove_rows(&rows);
                }
                _ => {
                    let j = rng.below(n);
                    let (l, u) = e.col_bounds(j);
                    if l.is_finite() && u.is_finite() && rng.chance(0.5) {
                        let v = rng.range(l, u).round().clamp(l, u);
                        e.set_col_bounds(j, v, v);
                    } else {
                        e.set_col_bounds(j, l - 1.0, u + 1.0);
                    }
                }
            }
            let s = compare_warm_cold(&p, &mut e, &label);
            if s != LpStatus::Optimal {
                break;
            }
        }
    }
}

#[test]
fn random_bases_round_trip() {
    for seed in seeds(60) {
        let mut rng = Rng::new(300 + seed);
        let n = 5 + rng.below(30);
        let m = 3 + rng.below(25);
        let p = random_lp(&mut rng, n, m, 0.3);
        let mut e = DualSimplex::new(&p);
        if solve(&mut e) != LpStatus::Optimal {
            continue;
        }
        let b = e.basis().expect("basis");
        let mut f = DualSimplex::new(&p);
        assert!(f.set_basis(&b), "seed {seed}");
        assert_eq!(f.basis().as_ref(), Some(&b));
        let before = f.iterations();
        assert_eq!(solve(&mut f), LpStatus::Optimal);
        assert!(
            f.iterations() - before <= 2,
            "seed {seed}: {} iterations",
            f.iterations() - before
        );
        assert!(close(f.objective(), e.objective(), 1e-8));
        // A basis from another solve of a changed LP still installs and solves.
        e.set_col_bounds(0, e.col_bounds(0).0, e.col_bounds(0).0);
        let _ = solve(&mut e);
        let b2 = e.basis().expect("basis");
        assert!(f.set_basis(&b2));
        let s = solve(&mut f);
        assert!(!s.is_failure());
    }
}

/// Branching with an objective cutoff: `CutoffReached` only when the child's optimum
/// really is at least the cutoff.
#[test]
fn cutoff_is_never_wrong() {
    let mut cutoffs = 0;
    for seed in seeds(150) {
        let mut rng = Rng::new(20_000 + seed);
        let n = 5 + rng.below(30);
        let m = 3 + rng.below(25);
        let p = random_lp(&mut rng, n, m, 0.25);
        let mut e = DualSimplex::new(&p);
        if solve(&mut e) != LpStatus::Optimal {
            continue;
        }
        for step in 0..10 {
            let j = rng.below(n);
            let (l, u) = e.col_bounds(j);
            let v = e.primal()[j];
            let (nl, nu) = if rng.chance(0.5) {
                (l, v.floor().max(l).min(u))
            } else {
                (v.ceil().min(u).max(l), u)
            };
            e.set_col_bounds(j, nl, nu);
            let q = current(&p, &e);
            let mut cold = DualSimplex::new(&q);
            let reference = solve(&mut cold);
            let target = if reference == LpStatus::Optimal {
                cold.objective() + rng.range(-2.0, 2.0)
            } else {
                rng.range(-50.0, 50.0)
            };
            let limits = LpLimits {
                objective_cutoff: target,
                ..LpLimits::default()
            };
            let s = e.solve(&limits);
            let label = format!("seed {seed} step {step}");
            match s {
                LpStatus::CutoffReached => {
                    cutoffs += 1;
                    if reference == LpStatus::Optimal {
                        let opt = cold.objective();
                        assert!(
                            opt >= target - 1e-6 * (1.0 + target.abs()),
                            "{label}: cutoff {target} but optimum {opt}"
                        );
                    } else {
                        assert_eq!(reference, LpStatus::Infeasible, "{label}");
                    }
                }
                LpStatus::Optimal => {
                    assert_eq!(reference, LpStatus::Optimal, "{label}");
                    assert!(close(e.objective(), cold.objective(), 1e-7), "{label}");
                }
                other => assert_eq!(other, reference, "{label}"),
            }
            if s != LpStatus::Optimal {
                e.set_col_bounds(j, l, u);
                assert_eq!(solve(&mut e), LpStatus::Optimal, "{label} restored");
            }
        }
    }
    assert!(cutoffs > 50, "only {cutoffs} cutoffs");
}
