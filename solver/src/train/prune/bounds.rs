//! Big-M values of the pruning MILP from LP bounds (see the module notes).

use crate::error::{Error, Result};
use crate::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};

/// The LP over one neuron's parameters whose objective, set per sample, gives the
/// bounds of `w.x + b`: `|w_j| <= a_j <= M s`, `|b| <= M s`, `0 <= s <= 1`,
/// `lambda sum_j a_j + rho s <= 1`. Columns: `w_0..w_{d-1}`, `a_0..a_{d-1}`, `b`, `s`.
fn bound_lp(inputs: usize, m: f64, l1: f64, rho: f64) -> LpProblem {
    let d = inputs;
    let (bias_col, kept_col) = (2 * d, 2 * d + 1);
    let at_most_zero = |entries: Vec<(usize, f64)>| LpRow {
        entries,
        lower: f64::NEG_INFINITY,
        upper: 0.0,
    };
    let at_least_zero = |entries: Vec<(usize, f64)>| LpRow {
        entries,
        lower: 0.0,
        upper: f64::INFINITY,
    };
    let mut rows = Vec::new();
    for j in 0..d {
        rows.push(at_most_zero(vec![(j, 1.0), (d + j, -1.0)]));
        rows.push(at_least_zero(vec![(j, 1.0), (d + j, 1.0)]));
        rows.push(at_most_zero(vec![(d + j, 1.0), (kept_col, -m)]));
    }
    rows.push(at_most_zero(vec![(bias_col, 1.0), (kept_col, -m)]));
    rows.push(at_least_zero(vec![(bias_col, 1.0), (kept_col, m)]));
    let mut budget: Vec<(usize, f64)> = (0..d).map(|j| (d + j, l1)).collect();
    budget.push((kept_col, rho));
    rows.push(LpRow {
        entries: budget,
        lower: f64::NEG_INFINITY,
        upper: 1.0,
    });
    let mut col_lower = vec![-m; d];
    col_lower.extend(vec![0.0; d]);
    col_lower.extend([-m, 0.0]);
    let mut col_upper = vec![m; 2 * d];
    col_upper.extend([m, 1.0]);
    LpProblem {
        costs: vec![0.0; 2 * d + 2],
        col_lower,
        col_upper,
        rows,
    }
}

/// LP bounds of `w.x + b` for each sample (see the module notes).
pub(super) fn lp_bounds(xs: &[Vec<f64>], m: f64, l1: f64, rho: f64) -> Result<Vec<(f64, f64)>> {
    let d = xs.first().map_or(0, Vec::len);
    let bias_col = 2 * d;
    let mut engine = LpBackend::default().create(&bound_lp(d, m, l1, rho));
    let mut out = Vec::with_capacity(xs.len());
    for x in xs {
        let mut bound = [0.0; 2];
        for (slot, sign) in [(0, 1.0), (1, -1.0)] {
            let mut costs = vec![0.0; 2 * d + 2];
            for (c, v) in costs.iter_mut().zip(x) {
                *c = sign * v;
            }
            costs[bias_col] = sign;
            engine.set_objective(&costs);
            let status = engine.solve(&LpLimits::default());
            if status != LpStatus::Optimal {
                return Err(Error::Invalid(format!("the bound LP ended {status:?}")));
            }
            bound[slot] = sign * engine.objective();
        }
        // Round outwards so that LP tolerances never cut off a feasible point.
        let slack = 1e-7 * (1.0 + bound[0].abs().max(bound[1].abs()));
        out.push((bound[0] - slack, bound[1] + slack));
    }
    Ok(out)
}

/// Number of samples whose LP upper bound is below the interval bound
/// `M (||x^n||_1 + 1)`.
pub(super) fn tighter_than_interval(xs: &[Vec<f64>], pre_bounds: &[(f64, f64)], m: f64) -> usize {
    xs.iter()
        .zip(pre_bounds)
        .filter(|(x, b)| b.1 < m * (x.iter().map(|v| v.abs()).sum::<f64>() + 1.0) - 1e-6)
        .count()
}

/// The output bias bound `E = 1 + 2 max_n sum_i U^n` for `hidden` neurons.
pub(super) fn output_bias_bound(pre_bounds: &[(f64, f64)], hidden: usize) -> f64 {
    let h_max = pre_bounds.iter().map(|b| b.1.max(0.0)).fold(0.0, f64::max) * hidden as f64;
    1.0 + 2.0 * h_max
}
