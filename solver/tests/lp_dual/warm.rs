//! Warm starts: branching, cut and objective sequences compared with cold solves,
//! bases, and the objective cutoff.

use crate::random::{integer_lp, random_lp};
use crate::support::{
    check_certificate, check_farkas, close, current, env_number, row, solve, INF,
};
use relumip_solver::lp::dual::DualSimplex;
use relumip_solver::lp::{LpBackend, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use relumip_solver::rng::SplitMix64;

/// Solves warm and cold (the LP with `p`'s costs, the engine's column bounds and the
/// rows `rows`) and compares status and objective.
fn compare_warm_cold(p: &LpProblem, e: &mut DualSimplex, rows: &[LpRow], label: &str) -> LpStatus {
    let warm = solve(e);
    assert!(!warm.is_failure(), "{label}: warm status {warm:?}");
    let q = current(p, e, rows);
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
        check_farkas(e, rows, label);
    }
    warm
}

/// Seeds of the random sequences: `default` of them, or `WARM_SEEDS` from
/// `WARM_FROM` (environment variables).
fn seeds(default: u64) -> std::ops::Range<u64> {
    let from = env_number("WARM_FROM", 0);
    from..from + env_number("WARM_SEEDS", default)
}

#[test]
fn branching_sequences_match_cold_solves() {
    let mut warm_iterations = 0u64;
    let mut solves = 0u64;
    for seed in seeds(120) {
        let mut rng = SplitMix64::new(5000 + seed);
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
            let (nl, nu) = if rng.unit() < 0.5 {
                (l, v.floor().max(l).min(u))
            } else {
                (v.ceil().min(u).max(l), u)
            };
            e.set_col_bounds(j, nl, nu);
            let before = e.iterations();
            let s = compare_warm_cold(&p, &mut e, &p.rows, &label);
            warm_iterations += e.iterations() - before;
            solves += 1;
            // Restore (backtrack) half of the time, or when the node is infeasible.
            if s != LpStatus::Optimal || rng.unit() < 0.5 {
                e.set_col_bounds(j, l, u);
                let s = compare_warm_cold(&p, &mut e, &p.rows, &format!("{label} restored"));
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
        let mut rng = SplitMix64::new(9000 + seed);
        let n = 5 + rng.below(30);
        let m = 3 + rng.below(20);
        let p = random_lp(&mut rng, n, m, 0.25);
        let mut e = DualSimplex::new(&p);
        if solve(&mut e) != LpStatus::Optimal {
            continue;
        }
        // The rows the engine holds, changed along with it.
        let mut rows = p.rows.clone();
        for step in 0..12 {
            let label = format!("seed {seed} step {step}");
            match rng.below(4) {
                0 | 1 => {
                    // A cut through (or near) the current optimum.
                    let x = e.primal().to_vec();
                    let k = 1 + rng.below(n.min(5));
                    let mut entries: Vec<(usize, f64)> = (0..k)
                        .map(|_| (rng.below(n), rng.uniform(-3.0, 3.0)))
                        .collect();
                    entries.sort_by_key(|e| e.0);
                    entries.dedup_by_key(|e| e.0);
                    let act: f64 = entries.iter().map(|&(j, a)| a * x[j]).sum();
                    let rhs = act - rng.uniform(0.0, 1.0);
                    let cut = row(&entries, -INF, rhs);
                    assert_eq!(e.add_rows(std::slice::from_ref(&cut)), rows.len());
                    rows.push(cut);
                }
                2 if e.num_rows() > 0 => {
                    let count = 1 + rng.below(e.num_rows().min(3));
                    let removed: Vec<usize> = (0..count).map(|_| rng.below(e.num_rows())).collect();
                    e.remove_rows(&removed);
                    let mut index = 0;
                    rows.retain(|_| {
                        index += 1;
                        !removed.contains(&(index - 1))
                    });
                }
                _ => {
                    let j = rng.below(n);
                    let (l, u) = e.col_bounds(j);
                    if l.is_finite() && u.is_finite() && rng.unit() < 0.5 {
                        let v = rng.uniform(l, u).round().clamp(l, u);
                        e.set_col_bounds(j, v, v);
                    } else {
                        e.set_col_bounds(j, l - 1.0, u + 1.0);
                    }
                }
            }
            assert_eq!(e.num_rows(), rows.len(), "{label}");
            let s = compare_warm_cold(&p, &mut e, &rows, &label);
            if s != LpStatus::Optimal {
                break;
            }
        }
    }
}

/// Installs the optimal basis of a cold solve of `p` in a fresh engine: accepted,
/// read back unchanged, optimal again within `max_iterations`, with the same
/// objective. Returns the two engines (`None` when `p` has no optimum).
fn check_basis_round_trip(
    p: &LpProblem,
    label: &str,
    max_iterations: u64,
) -> Option<(DualSimplex, DualSimplex)> {
    let mut e = DualSimplex::new(p);
    if solve(&mut e) != LpStatus::Optimal {
        return None;
    }
    let b = e.basis().expect("basis");
    let mut f = DualSimplex::new(p);
    assert!(f.set_basis(&b), "{label}");
    assert_eq!(f.basis().as_ref(), Some(&b), "{label}");
    let before = f.iterations();
    assert_eq!(solve(&mut f), LpStatus::Optimal, "{label}");
    let iterations = f.iterations() - before;
    assert!(
        iterations <= max_iterations,
        "{label}: {iterations} iterations"
    );
    assert!(close(f.objective(), e.objective(), 1e-8), "{label}");
    if iterations == 0 {
        assert_eq!(f.basis().expect("basis"), b, "{label}");
    }
    Some((e, f))
}

/// Optimal bases installed in a fresh engine: an optimal basis of an integer LP
/// needs no iteration; a basis from a solve of a changed LP still installs and
/// solves.
#[test]
fn optimal_bases_round_trip() {
    for seed in 0..100 {
        check_basis_round_trip(
            &integer_lp(50_000 + seed),
            &format!("integer seed {seed}"),
            0,
        );
    }
    for seed in seeds(60) {
        let mut rng = SplitMix64::new(300 + seed);
        let n = 5 + rng.below(30);
        let m = 3 + rng.below(25);
        let p = random_lp(&mut rng, n, m, 0.3);
        let label = format!("seed {seed}");
        let Some((mut e, mut f)) = check_basis_round_trip(&p, &label, 2) else {
            continue;
        };
        e.set_col_bounds(0, e.col_bounds(0).0, e.col_bounds(0).0);
        let _ = solve(&mut e);
        let b2 = e.basis().expect("basis");
        assert!(f.set_basis(&b2), "{label}");
        let s = solve(&mut f);
        assert!(!s.is_failure(), "{label}");
    }
}

/// Branching with an objective cutoff: `CutoffReached` only when the child's optimum
/// really is at least the cutoff.
#[test]
fn cutoff_is_never_wrong() {
    let mut cutoffs = 0;
    for seed in seeds(150) {
        let mut rng = SplitMix64::new(20_000 + seed);
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
            let (nl, nu) = if rng.unit() < 0.5 {
                (l, v.floor().max(l).min(u))
            } else {
                (v.ceil().min(u).max(l), u)
            };
            e.set_col_bounds(j, nl, nu);
            let q = current(&p, &e, &p.rows);
            let mut cold = DualSimplex::new(&q);
            let reference = solve(&mut cold);
            let target = if reference == LpStatus::Optimal {
                cold.objective() + rng.uniform(-2.0, 2.0)
            } else {
                rng.uniform(-50.0, 50.0)
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

/// Same status, and the same objective when optimal.
fn same_answer(a: (LpStatus, f64), b: (LpStatus, f64)) -> bool {
    a.0 == b.0 && (a.0 != LpStatus::Optimal || (a.1 - b.1).abs() <= 1e-6 * (1.0 + a.1.abs()))
}

/// Status and objective of a cold solve of `p` with `backend`.
fn solve_with(backend: LpBackend, p: &LpProblem) -> (LpStatus, f64) {
    let mut lp = backend.create(p);
    let s = lp.solve(&LpLimits::default());
    (s, lp.objective())
}

/// Bound changes and added and removed rows on integer LPs, solved warm: the same
/// answers as cold solves and microlp.
#[test]
fn warm_sequences_match_cold_solves() {
    for seed in 0..300 {
        let p = integer_lp(10_000 + seed);
        let mut rng = SplitMix64::new(seed);
        let mut warm = LpBackend::DualSimplex.create(&p);
        warm.solve(&LpLimits::default());
        let mut held = p.clone();
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
            held.col_lower[j] = nl;
            held.col_upper[j] = nu;
            if step % 5 == 4 {
                let row = held.rows[step % held.rows.len()].clone();
                let first = warm.add_rows(&[LpRow {
                    lower: row.lower - 1.0,
                    ..row.clone()
                }]);
                held.rows.push(LpRow {
                    lower: row.lower - 1.0,
                    ..row
                });
                if step % 10 == 9 {
                    warm.remove_rows(&[first]);
                    held.rows.pop();
                }
            }
            let status = warm.solve(&LpLimits::default());
            let ours = (status, warm.objective());
            let cold = solve_with(LpBackend::DualSimplex, &held);
            let reference = solve_with(LpBackend::MicroLp, &held);
            assert!(
                same_answer(ours, reference),
                "seed {seed} step {step}: warm {ours:?} microlp {reference:?}"
            );
            assert!(
                same_answer(cold, reference),
                "seed {seed} step {step}: cold {cold:?} microlp {reference:?}"
            );
            if status == LpStatus::Optimal {
                check_certificate(&held, warm.as_ref(), 1e-7);
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
            let p = integer_lp(90_000 + seed);
            let mut rng = SplitMix64::new(seed);
            let mut warm = backend.create(&p);
            warm.solve(&LpLimits::default());
            let mut held = p.clone();
            for step in 0..6 {
                for c in held.costs.iter_mut() {
                    *c = if rng.unit() < 0.3 {
                        0.0
                    } else {
                        rng.int(-6, 6) as f64
                    };
                }
                warm.set_objective(&held.costs);
                let status = warm.solve(&LpLimits::default());
                let ours = (status, warm.objective());
                let fresh = solve_with(LpBackend::MicroLp, &held);
                assert!(
                    same_answer(ours, fresh),
                    "{} seed {seed} step {step}: warm {ours:?} fresh {fresh:?}",
                    backend.name()
                );
                if status == LpStatus::Optimal && backend == LpBackend::DualSimplex {
                    check_certificate(&held, warm.as_ref(), 1e-7);
                }
            }
        }
    }
}

/// A cutoff below the optimum may stop a cold solve early; one above it never does.
#[test]
fn cutoff_stops_early_with_a_valid_bound() {
    for seed in 0..200 {
        let p = integer_lp(70_000 + seed);
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
