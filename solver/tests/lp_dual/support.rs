//! Shared pieces of the LP tests: building LPs, solving, the optimality and
//! infeasibility certificates, microlp as the reference, and the benchmark folder.

use relumip_solver::lp::dual::DualSimplex;
use relumip_solver::lp::microlp_backend::MicroLp;
use relumip_solver::lp::{LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use relumip_solver::model::{Model, VarKind};
use std::path::{Path, PathBuf};

pub const INF: f64 = f64::INFINITY;

pub fn row(entries: &[(usize, f64)], lower: f64, upper: f64) -> LpRow {
    LpRow {
        entries: entries.to_vec(),
        lower,
        upper,
    }
}

/// An LP from costs, column bounds and rows.
pub fn lp(costs: &[f64], bounds: &[(f64, f64)], rows: Vec<LpRow>) -> LpProblem {
    LpProblem {
        costs: costs.to_vec(),
        col_lower: bounds.iter().map(|b| b.0).collect(),
        col_upper: bounds.iter().map(|b| b.1).collect(),
        rows,
    }
}

pub fn solve(lp: &mut dyn LpEngine) -> LpStatus {
    lp.solve(&LpLimits::default())
}

pub fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * (1.0 + a.abs().max(b.abs()))
}

/// `p` with the column bounds the engine currently holds and the rows `rows` (the
/// LP the engine holds, when `rows` tracks its row changes).
pub fn current(p: &LpProblem, lp: &dyn LpEngine, rows: &[LpRow]) -> LpProblem {
    let n = p.num_cols();
    LpProblem {
        costs: p.costs.clone(),
        col_lower: (0..n).map(|j| lp.col_bounds(j).0).collect(),
        col_upper: (0..n).map(|j| lp.col_bounds(j).1).collect(),
        rows: rows.to_vec(),
    }
}

/// Checks primal feasibility, dual feasibility and complementary slackness of the
/// engine's optimal solution for `p` (`p`'s costs and rows, the engine's current
/// column bounds), and that the objective matches `c'x`.
pub fn check_certificate(p: &LpProblem, lp: &dyn LpEngine, tol: f64) {
    let n = p.num_cols();
    let x = lp.primal();
    let y = lp.row_duals().expect("duals");
    let d = lp.reduced_costs().expect("reduced costs");
    assert_eq!(x.len(), n);
    assert_eq!(d.len(), n);
    assert_eq!(y.len(), lp.num_rows());
    assert_eq!(p.num_rows(), lp.num_rows());
    let rel = |v: f64| tol * (1.0 + v.abs());
    let mut obj = 0.0;
    let mut scale = 1.0f64;
    for j in 0..n {
        let (l, u) = lp.col_bounds(j);
        assert!(
            x[j] >= l - rel(l) && x[j] <= u + rel(u),
            "column {j} {} not in [{l}, {u}]",
            x[j]
        );
        obj += p.costs[j] * x[j];
        scale = scale.max((p.costs[j] * x[j]).abs());
    }
    let mut act = vec![0.0; p.num_rows()];
    let mut at = vec![0.0; n];
    for (i, r) in p.rows.iter().enumerate() {
        let mut mag = 0.0f64;
        for &(j, a) in &r.entries {
            act[i] += a * x[j];
            at[j] += a * y[i];
            mag = mag.max((a * x[j]).abs());
        }
        let t = tol * (1.0 + mag.max(r.lower.abs().min(1e9)).max(r.upper.abs().min(1e9)));
        assert!(
            act[i] >= r.lower - t && act[i] <= r.upper + t,
            "row {i} activity {} not in [{}, {}]",
            act[i],
            r.lower,
            r.upper
        );
        // Complementary slackness of the row dual.
        if y[i] > tol * 10.0 {
            assert!(
                (act[i] - r.lower).abs() <= t * 10.0,
                "row {i} dual {} but activity {} lower {}",
                y[i],
                act[i],
                r.lower
            );
        }
        if y[i] < -tol * 10.0 {
            assert!(
                (act[i] - r.upper).abs() <= t * 10.0,
                "row {i} dual {} but activity {} upper {}",
                y[i],
                act[i],
                r.upper
            );
        }
    }
    for j in 0..n {
        let c = p.costs[j];
        assert!(
            (c - at[j] - d[j]).abs() <= 1e-6 * (1.0 + c.abs() + at[j].abs()),
            "d_{j} = {} but c - A'y = {}",
            d[j],
            c - at[j]
        );
        let (l, u) = lp.col_bounds(j);
        let t = tol * 10.0 * (1.0 + c.abs());
        if d[j] > t {
            assert!(
                (x[j] - l).abs() <= rel(l) * 10.0,
                "d_{j} = {} > 0 but x = {} lower {l}",
                d[j],
                x[j]
            );
        }
        if d[j] < -t {
            assert!(
                (x[j] - u).abs() <= rel(u) * 10.0,
                "d_{j} = {} < 0 but x = {} upper {u}",
                d[j],
                x[j]
            );
        }
    }
    assert!(
        (obj - lp.objective()).abs() <= 1e-7 * (1.0 + scale),
        "objective {} vs c'x {obj}",
        lp.objective()
    );
}

/// Checks the Farkas ray of an infeasible solve of the LP with rows `rows` (and the
/// engine's column bounds): `max y'(Ax - s)` over the boxes is negative.
pub fn check_farkas(lp: &dyn LpEngine, rows: &[LpRow], label: &str) {
    let Some(y) = lp.farkas_ray() else {
        return;
    };
    let n = lp.num_cols();
    let mut coef = vec![0.0; n];
    let mut max = 0.0;
    let mut magnitude = 0.0f64;
    let ymax = y.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for (i, r) in rows.iter().enumerate() {
        for &(j, a) in &r.entries {
            coef[j] += y[i] * a;
        }
        // -y_i s_i maximised over [lower, upper].
        let b = if y[i] > 0.0 { r.lower } else { r.upper };
        if y[i].abs() > 1e-11 * ymax {
            max += -y[i] * b;
            magnitude = magnitude.max((y[i] * b).abs());
        }
    }
    let cmax = coef.iter().fold(ymax, |m, v| m.max(v.abs()));
    for (j, &c) in coef.iter().enumerate() {
        // Entries at the level of rounding errors are zero.
        if c.abs() < 1e-9 * cmax {
            continue;
        }
        let (l, u) = lp.col_bounds(j);
        let term = if c > 0.0 { c * u } else { c * l };
        max += term;
        magnitude = magnitude.max(term.abs());
    }
    assert!(
        max < 1e-7 * (1.0 + magnitude),
        "{label}: Farkas ray does not prove infeasibility: max {max}"
    );
}

/// Solves `p` cold with microlp; `None` when microlp fails.
pub fn microlp_reference(p: &LpProblem) -> Option<(LpStatus, f64)> {
    let mut m = MicroLp::new(p);
    let s = m.solve(&LpLimits::default());
    if s.is_failure() {
        return None;
    }
    Some((s, m.objective()))
}

/// Solves `p` cold, checks the optimality certificate (or the Farkas ray), and
/// compares status and objective with microlp. Returns the status.
pub fn check_against_reference(p: &LpProblem, label: &str) -> LpStatus {
    let mut e = DualSimplex::new(p);
    let status = solve(&mut e);
    assert!(!status.is_failure(), "{label}: status {status:?}");
    if status == LpStatus::Optimal {
        check_certificate(p, &e, 1e-7);
    }
    if status == LpStatus::Infeasible {
        assert!(
            e.farkas_ray().is_some(),
            "{label}: infeasible without a ray"
        );
        check_farkas(&e, &p.rows, label);
    }
    if let Some((s, obj)) = microlp_reference(p) {
        assert_eq!(status, s, "{label}: dual says {status:?}, microlp {s:?}");
        if s == LpStatus::Optimal {
            assert!(
                close(e.objective(), obj, 1e-6),
                "{label}: objective {} vs microlp {obj}",
                e.objective()
            );
        }
    }
    status
}

/// The folder of the small MIPLIB instances, if the shared benchmarks are there.
pub fn miplib_folder() -> Option<PathBuf> {
    crate::common::benchmarks_dir().map(|dir| dir.join("miplib-small"))
}

/// Writes `p` as an MPS file (for comparisons with other solvers while debugging).
pub fn write_lp(p: &LpProblem, path: &Path) {
    let mut model = Model::new("lp");
    for j in 0..p.num_cols() {
        let (l, u, c) = (p.col_lower[j], p.col_upper[j], p.costs[j]);
        model.add_variable(&format!("C{j}"), VarKind::Continuous, l, u, c);
    }
    for (i, r) in p.rows.iter().enumerate() {
        model.add_row(&format!("R{i}"), r.lower, r.upper, &r.entries);
    }
    relumip_solver::io::mps::write_mps(&model, path).expect("writable MPS file");
}

/// A number from the environment variable `key`, else `default`.
pub fn env_number(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
