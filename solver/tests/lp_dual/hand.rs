//! Hand-made LPs with known answers, limits, bases, row changes and invalid input.

use crate::support::{
    check_against_reference, check_certificate, check_farkas, close, lp, row, solve, INF,
};
use relumip_solver::lp::dual::DualSimplex;
use relumip_solver::lp::{Basis, BasisStatus, LpBackend, LpEngine, LpLimits, LpProblem, LpStatus};
use relumip_solver::rng::SplitMix64;

fn optimum(p: &LpProblem, expected: f64) -> DualSimplex {
    let mut e = DualSimplex::new(p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(
        close(e.objective(), expected, 1e-9),
        "objective {} expected {expected}",
        e.objective()
    );
    check_certificate(p, &e, 1e-7);
    e
}

fn small() -> LpProblem {
    // min -x - y  s.t. x + 2y <= 4, 3x + y <= 6, 0 <= x, y <= 10
    lp(
        &[-1.0, -1.0],
        &[(0.0, 10.0), (0.0, 10.0)],
        vec![
            row(&[(0, 1.0), (1, 2.0)], -INF, 4.0),
            row(&[(0, 3.0), (1, 1.0)], -INF, 6.0),
        ],
    )
}

#[test]
fn small_lp_and_fixings() {
    let p = small();
    let mut e = optimum(&p, -2.8);
    let x = e.primal().to_vec();
    assert!(close(x[0], 1.6, 1e-9) && close(x[1], 1.2, 1e-9));
    let y = e.row_duals().unwrap().to_vec();
    assert!(
        close(y[0], -0.4, 1e-9) && close(y[1], -0.2, 1e-9),
        "duals {y:?}"
    );
    e.set_col_bounds(0, 1.0, 1.0);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(close(e.objective(), -2.5, 1e-9));
    e.set_col_bounds(1, 5.0, 10.0);
    assert_eq!(solve(&mut e), LpStatus::Infeasible);
    check_farkas(&e, &p.rows, "");
    e.set_col_bounds(1, 0.0, 10.0);
    e.set_col_bounds(0, 0.0, 10.0);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(close(e.objective(), -2.8, 1e-9));
}

#[test]
fn infeasible_rows() {
    // x + y >= 3, x + y <= 2.
    let p = lp(
        &[1.0, 1.0],
        &[(0.0, INF), (0.0, INF)],
        vec![
            row(&[(0, 1.0), (1, 1.0)], 3.0, INF),
            row(&[(0, 1.0), (1, 1.0)], -INF, 2.0),
        ],
    );
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Infeasible);
    check_farkas(&e, &p.rows, "");
    // Crossed bounds.
    let mut e = DualSimplex::new(&small());
    e.set_col_bounds(0, 2.0, 1.0);
    assert_eq!(solve(&mut e), LpStatus::Infeasible);
}

#[test]
fn unbounded_and_free_columns() {
    // min -x s.t. x - y <= 1, x, y >= 0: unbounded.
    let p = lp(
        &[-1.0, 0.0],
        &[(0.0, INF), (0.0, INF)],
        vec![row(&[(0, 1.0), (1, -1.0)], -INF, 1.0)],
    );
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Unbounded);
    // Free column, no rows, nonzero cost: unbounded.
    let p = lp(&[1.0], &[(-INF, INF)], vec![]);
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Unbounded);
    // Infeasible and dual infeasible: infeasible.
    let p = lp(
        &[-1.0, 0.0],
        &[(0.0, INF), (0.0, INF)],
        vec![
            row(&[(0, 1.0), (1, -1.0)], -INF, 1.0),
            row(&[(1, 1.0)], -INF, -1.0),
        ],
    );
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Infeasible);
    // Free columns with an optimum: min |x - 3| style via x free, t >= x - 3, t >= 3 - x.
    let p = lp(
        &[0.0, 1.0],
        &[(-INF, INF), (-INF, INF)],
        vec![
            row(&[(0, -1.0), (1, 1.0)], -3.0, INF),
            row(&[(0, 1.0), (1, 1.0)], 3.0, INF),
            row(&[(0, 1.0)], 5.0, 7.0),
        ],
    );
    optimum(&p, 2.0);
}

#[test]
fn equality_ranged_and_fixed() {
    // min x + 2y + 3z s.t. x + y + z = 6, 1 <= x - y <= 2 (ranged), z fixed at 1.
    let p = lp(
        &[1.0, 2.0, 3.0],
        &[(0.0, 10.0), (0.0, 10.0), (1.0, 1.0)],
        vec![
            row(&[(0, 1.0), (1, 1.0), (2, 1.0)], 6.0, 6.0),
            row(&[(0, 1.0), (1, -1.0)], 1.0, 2.0),
        ],
    );
    // x + y = 5, x - y <= 2 -> x = 3.5, y = 1.5: 3.5 + 3 + 3 = 9.5
    optimum(&p, 9.5);
}

#[test]
fn empty_rows_and_columns() {
    // Column 1 appears in no row; row 1 is empty with bounds containing zero.
    let p = lp(
        &[1.0, -2.0, 0.0],
        &[(1.0, 4.0), (-1.0, 3.0), (-INF, INF)],
        vec![row(&[(0, 1.0)], 2.0, INF), row(&[], -1.0, 1.0)],
    );
    optimum(&p, 2.0 - 6.0);
    // An empty row that excludes zero is infeasible.
    let p = lp(&[1.0], &[(0.0, 1.0)], vec![row(&[], 1.0, 2.0)]);
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Infeasible);
    // No rows at all.
    let p = lp(&[1.0, -1.0], &[(0.0, 1.0), (0.0, 2.0)], vec![]);
    optimum(&p, -2.0);
    // No columns.
    let p = lp(&[], &[], vec![row(&[], -1.0, 1.0)]);
    optimum(&p, 0.0);
}

#[test]
fn degenerate_lp() {
    // Klee-Minty-like degenerate vertex: many constraints through the optimum.
    let n = 6;
    let mut rows = Vec::new();
    for i in 0..n {
        for k in 0..n {
            if i != k {
                rows.push(row(&[(i, 1.0), (k, 1.0)], -INF, 1.0));
            }
        }
        rows.push(row(&[(i, 2.0)], -INF, 1.0));
    }
    let all: Vec<(usize, f64)> = (0..n).map(|j| (j, 1.0)).collect();
    rows.push(row(&all, -INF, n as f64 / 2.0));
    let p = lp(&vec![-1.0; n], &vec![(0.0, INF); n], rows);
    optimum(&p, -(n as f64) / 2.0);
}

#[test]
fn cutoff_and_limits() {
    let p = small();
    let mut e = DualSimplex::new(&p);
    let limits = LpLimits {
        objective_cutoff: -3.0,
        ..LpLimits::default()
    };
    // The optimum -2.8 is above the cutoff -3: proven at some point.
    let s = e.solve(&limits);
    assert!(s == LpStatus::CutoffReached || s == LpStatus::Optimal);
    let limits = LpLimits {
        objective_cutoff: -2.0,
        ..LpLimits::default()
    };
    e.reset_basis();
    assert_eq!(e.solve(&limits), LpStatus::Optimal);
    e.reset_basis();
    let limits = LpLimits {
        max_iterations: 0,
        ..LpLimits::default()
    };
    assert_eq!(e.solve(&limits), LpStatus::IterationLimit);
    let limits = LpLimits {
        deadline: Some(std::time::Instant::now()),
        ..LpLimits::default()
    };
    assert_eq!(e.solve(&limits), LpStatus::TimeLimit);
    // An optimal basis needs no iteration: no limit stops it.
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    let limits = LpLimits {
        max_iterations: 0,
        deadline: Some(std::time::Instant::now()),
        ..LpLimits::default()
    };
    assert_eq!(e.solve(&limits), LpStatus::Optimal);
}

#[test]
fn cutoff_after_branching() {
    // After fixing x = 0 the optimum is -2 (y = 2); a cutoff of -2.5 prunes.
    let p = small();
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    e.set_col_bounds(0, 0.0, 0.0);
    let limits = LpLimits {
        objective_cutoff: -2.5,
        ..LpLimits::default()
    };
    assert_eq!(e.solve(&limits), LpStatus::CutoffReached);
    e.set_col_bounds(0, 0.0, 10.0);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(close(e.objective(), -2.8, 1e-9));
}

#[test]
fn basis_round_trip_and_invalid_bases() {
    let p = small();
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    let b = e.basis().unwrap();
    let it = e.iterations();
    let mut f = DualSimplex::new(&p);
    assert!(f.set_basis(&b));
    assert_eq!(solve(&mut f), LpStatus::Optimal);
    assert_eq!(f.iterations(), 0);
    assert_eq!(f.basis().unwrap(), b);
    assert!(it > 0);
    // Wrong size.
    let bad = Basis {
        columns: vec![BasisStatus::Basic],
        rows: b.rows.clone(),
    };
    assert!(!e.set_basis(&bad));
    // Wrong number of basics.
    let bad = Basis {
        columns: vec![BasisStatus::Basic; 2],
        rows: vec![BasisStatus::Basic; 2],
    };
    assert!(!e.set_basis(&bad));
    // Singular: two parallel columns basic.
    let q = lp(
        &[1.0, 1.0],
        &[(0.0, 1.0), (0.0, 1.0)],
        vec![
            row(&[(0, 1.0), (1, 2.0)], 0.0, 1.0),
            row(&[(0, 2.0), (1, 4.0)], 0.0, 2.0),
        ],
    );
    let mut g = DualSimplex::new(&q);
    let sing = Basis {
        columns: vec![BasisStatus::Basic; 2],
        rows: vec![BasisStatus::AtLower; 2],
    };
    assert!(!g.set_basis(&sing));
    assert_eq!(solve(&mut g), LpStatus::Optimal);
}

#[test]
fn add_and_remove_rows() {
    let p = small();
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    // Cut x + y <= 2.5.
    let first = e.add_rows(&[row(&[(0, 1.0), (1, 1.0)], -INF, 2.5)]);
    assert_eq!(first, 2);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(close(e.objective(), -2.5, 1e-9));
    // Remove an original (binding) row: its logical is nonbasic.
    e.remove_rows(&[0]);
    assert_eq!(e.num_rows(), 2);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(close(e.objective(), -2.5, 1e-9));
    e.remove_rows(&[1, 0]);
    assert_eq!(e.num_rows(), 0);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    assert!(close(e.objective(), -20.0, 1e-9));
}

#[test]
fn invalid_input_does_not_panic() {
    let p = LpProblem {
        costs: vec![f64::NAN, 1.0],
        col_lower: vec![f64::NAN, 0.0],
        col_upper: vec![1.0, f64::NAN],
        rows: vec![row(
            &[(0, f64::INFINITY), (1, 1.0), (7, 1.0), (1, 1.0)],
            1.0,
            f64::NAN,
        )],
    };
    let mut e = DualSimplex::new(&p);
    let s = solve(&mut e);
    assert_eq!(s, LpStatus::Optimal);
    e.set_col_bounds(99, 0.0, 1.0);
    e.remove_rows(&[5]);
    let _ = e.col_bounds(99);
    assert!(LpBackend::from_name("dual").is_some());
    assert_eq!(LpBackend::default().name(), "dual");
    assert_eq!(LpBackend::default().create(&small()).name(), "dual");
}

/// Assignment LPs: totally unimodular and highly degenerate (the perturbation path).
#[test]
fn degenerate_assignment_lps() {
    for seed in 0..6u64 {
        let mut rng = SplitMix64::new(800 + seed);
        let k = 8 + 4 * seed as usize;
        let var = |i: usize, j: usize| i * k + j;
        let costs: Vec<f64> = (0..k * k).map(|_| rng.below(5) as f64).collect();
        let mut rows = Vec::new();
        for i in 0..k {
            let e: Vec<(usize, f64)> = (0..k).map(|j| (var(i, j), 1.0)).collect();
            rows.push(row(&e, 1.0, 1.0));
        }
        for j in 0..k {
            let e: Vec<(usize, f64)> = (0..k).map(|i| (var(i, j), 1.0)).collect();
            rows.push(row(&e, 1.0, 1.0));
        }
        let p = lp(&costs, &vec![(0.0, 1.0); k * k], rows);
        let s = check_against_reference(&p, &format!("assignment {k}"));
        assert_eq!(s, LpStatus::Optimal);
        let mut e = DualSimplex::new(&p);
        assert_eq!(solve(&mut e), LpStatus::Optimal);
        // The LP optimum of an assignment problem is integral in value.
        assert!((e.objective() - e.objective().round()).abs() < 1e-7);
    }
}

/// Extreme and invalid numbers anywhere: any status, but no panic and no hang.
#[test]
fn extreme_values_never_panic() {
    let specials = [
        0.0,
        1e-300,
        -1e-30,
        1e30,
        -1e30,
        1e300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        3.0,
        -2.0,
    ];
    let mut rng = SplitMix64::new(99);
    for _ in 0..300 {
        let n = 1 + rng.below(6);
        let m = rng.below(6);
        let pick = |rng: &mut SplitMix64| {
            if rng.unit() < 0.5 {
                specials[rng.below(specials.len())]
            } else {
                rng.uniform(-5.0, 5.0)
            }
        };
        let p = LpProblem {
            costs: (0..n).map(|_| pick(&mut rng)).collect(),
            col_lower: (0..n).map(|_| pick(&mut rng)).collect(),
            col_upper: (0..n).map(|_| pick(&mut rng)).collect(),
            rows: (0..m)
                .map(|_| {
                    let mut entries = Vec::new();
                    for j in 0..n {
                        if rng.unit() < 0.6 {
                            entries.push((j, pick(&mut rng)));
                        }
                    }
                    row(&entries, pick(&mut rng), pick(&mut rng))
                })
                .collect(),
        };
        let mut e = DualSimplex::new(&p);
        let limits = LpLimits {
            max_iterations: 10_000,
            ..LpLimits::default()
        };
        let _ = e.solve(&limits);
        e.set_col_bounds(0, pick(&mut rng), pick(&mut rng));
        let _ = e.solve(&limits);
        e.add_rows(&[row(&[(0, pick(&mut rng))], pick(&mut rng), pick(&mut rng))]);
        let _ = e.solve(&limits);
        e.remove_rows(&[0]);
        let _ = e.solve(&limits);
        let _ = (
            e.objective(),
            e.primal(),
            e.row_duals(),
            e.reduced_costs(),
            e.basis(),
        );
    }
}
