//! Big-M coefficients from tighter bounds: when propagation proves a unit's
//! pre-activation bounds `[l, u]` tighter than the `[L, U]` its big-M rows were
//! written with, the rows `y <= U z` and `y <= x - L (1 - z)` are rewritten with `u`
//! and `l`. Both stay valid for every feasible point (`y = max(0, x)` with `x` in
//! `[l, u]`), and the LP relaxation of the unit, the triangle over `[l, u]`, gets
//! tighter.

use super::view::NetworkView;
use crate::lp::LpProblem;

/// Relative tolerance of the coefficient pattern checks.
const PATTERN_TOLERANCE: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= PATTERN_TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// Rewrites the big-M rows of every unstable unit of `view` whose pre-activation
/// column's bounds in `problem` are tighter than the rows' constants. Returns the
/// number of coefficients changed.
pub fn tighten_big_m_rows(problem: &mut LpProblem, view: &NetworkView) -> usize {
    let mut rows_of_column: Vec<Vec<usize>> = vec![Vec::new(); problem.num_cols()];
    for (r, row) in problem.rows.iter().enumerate() {
        for &(c, _) in &row.entries {
            rows_of_column[c].push(r);
        }
    }
    let mut changed = 0;
    for n in view.layers.iter().flatten() {
        let (Some(x), Some(y), Some(z)) = (n.pre, n.post, n.indicator) else {
            continue;
        };
        let (l, u) = (problem.col_lower[x], problem.col_upper[x]);
        if !(l < 0.0 && u > 0.0 && l.is_finite() && u.is_finite()) {
            continue;
        }
        for &r in &rows_of_column[z] {
            let row = &mut problem.rows[r];
            let coef = |c: usize| row.entries.iter().find(|e| e.0 == c).map(|e| e.1);
            match row.entries.len() {
                // gate: a y + b z <= 0 with a > 0 (y <= (-b / a) z), or the negation.
                2 => {
                    let (Some(a), Some(b)) = (coef(y), coef(z)) else {
                        continue;
                    };
                    let scale = if a > 0.0 && row.upper == 0.0 && row.lower == f64::NEG_INFINITY {
                        a
                    } else if a < 0.0 && row.lower == 0.0 && row.upper == f64::INFINITY {
                        -a
                    } else {
                        continue;
                    };
                    let big_u = -b * a.signum() / scale;
                    if u < big_u - PATTERN_TOLERANCE * big_u.abs().max(1.0) {
                        set(&mut row.entries, z, -u * scale * a.signum());
                        changed += 1;
                    }
                }
                // upper: s (x - y + L z) >= s L, for s > 0 (or <= for s < 0).
                3 => {
                    let (Some(ax), Some(ay), Some(az)) = (coef(x), coef(y), coef(z)) else {
                        continue;
                    };
                    if !close(ay, -ax) {
                        continue;
                    }
                    let big_l = az / ax;
                    let side = if ax > 0.0 { row.lower } else { row.upper };
                    let other = if ax > 0.0 { row.upper } else { row.lower };
                    if !close(side / ax, big_l) || other.is_finite() {
                        continue;
                    }
                    if l > big_l + PATTERN_TOLERANCE * big_l.abs().max(1.0) {
                        set(&mut row.entries, z, l * ax);
                        if ax > 0.0 {
                            row.lower = l * ax;
                        } else {
                            row.upper = l * ax;
                        }
                        changed += 1;
                    }
                }
                _ => {}
            }
        }
    }
    changed
}

fn set(entries: &mut [(usize, f64)], col: usize, value: f64) {
    if let Some(e) = entries.iter_mut().find(|e| e.0 == col) {
        e.1 = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formulate::{verification_milp, Formulation};
    use crate::nn::property::{Case, LinearConstraint};
    use crate::nn::{Activation, Layer, Network};

    /// y = relu(x0 - x1) over x in [-1, 1]^2 written with loose bounds [-5, 5]; the
    /// column bounds then say [-2, 2]: both rows take them.
    #[test]
    fn rows_take_the_tighter_bounds() {
        let hidden = Layer::new(vec![1.0, -1.0], vec![0.0], 2, Activation::Relu).expect("layer");
        let out = Layer::new(vec![1.0], vec![0.0], 1, Activation::Identity).expect("layer");
        let net = Network::new(vec![hidden, out]).expect("net");
        let case = Case {
            input_lower: vec![-1.0; 2],
            input_upper: vec![1.0; 2],
            input_constraints: Vec::new(),
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, 1.0)],
                rhs: 0.5,
            }],
        };
        let pre = vec![vec![(-5.0, 5.0)], vec![(0.0, 5.0)]];
        let milp = verification_milp(&net, &case, &pre, Formulation::BigM).expect("milp");
        let structure = milp.model.relu.clone().expect("structure");
        let view = NetworkView::new(&structure, milp.model.num_cols()).expect("view");
        let mut problem = LpProblem::relaxation(&milp.model);
        let x = view.layers[0][0].pre.expect("pre");
        let z = view.layers[0][0].indicator.expect("indicator");
        problem.col_lower[x] = -2.0;
        problem.col_upper[x] = 2.0;
        assert_eq!(tighten_big_m_rows(&mut problem, &view), 2);
        let coefs: Vec<f64> = problem
            .rows
            .iter()
            .filter_map(|r| r.entries.iter().find(|e| e.0 == z).map(|e| e.1))
            .collect();
        // gate: y - 2 z <= 0; upper: x - y - 2 z >= -2.
        assert!(coefs.contains(&-2.0), "{coefs:?}");
        assert!(problem.rows.iter().any(|r| r.lower == -2.0));
        // A second pass changes nothing.
        assert_eq!(tighten_big_m_rows(&mut problem, &view), 0);
    }
}
