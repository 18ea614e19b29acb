//! A rigorous lower bound on an LP minimum from approximate dual multipliers
//! (Neumaier and Shcherbina, "Safe bounds in linear and mixed-integer linear
//! programming", Math. Programming 2004, without the directed rounding).
//!
//! For any multipliers `y` of the rows `lower <= A x <= upper` and columns in a box
//! `[l, u]`, `c'x = y'Ax + d'x` with `d = c - A'y`. Each term `y_i a_i x` is at
//! least `y_i lower_i` when `y_i > 0` and `y_i upper_i` when `y_i < 0`, and each
//! `d_j x_j` at least `min(d_j l_j, d_j u_j)`. So the bound holds whatever `y` is:
//! an inexact LP solution can only make it weaker, never wrong. A multiplier whose
//! row side is infinite is taken as zero.

use super::max_abs;
use crate::lp::LpProblem;

/// A lower bound on `min costs'x` over `problem` (the problem's own costs are
/// ignored), from row multipliers `duals` in the sign convention of
/// [`crate::lp::LpEngine::row_duals`] (`y_i >= 0` at a lower side), before the
/// rounding margin; and the magnitude of the terms it was computed from, for that
/// margin. `-inf` if a column with a nonzero reduced cost is unbounded on the side
/// that matters.
pub(crate) fn lower_bound(problem: &LpProblem, costs: &[f64], duals: &[f64]) -> (f64, f64) {
    let mut reduced = costs.to_vec();
    let mut reduced_magnitude: Vec<f64> = costs.iter().map(|c| c.abs()).collect();
    let mut value = 0.0;
    let mut magnitude = 0.0;
    for (row, &y) in problem.rows.iter().zip(duals) {
        let side = if y > 0.0 {
            row.lower
        } else if y < 0.0 {
            row.upper
        } else {
            continue;
        };
        if !side.is_finite() {
            continue;
        }
        value += y * side;
        magnitude += (y * side).abs();
        for &(j, a) in &row.entries {
            reduced[j] -= a * y;
            reduced_magnitude[j] += (a * y).abs();
        }
    }
    for (j, (&d, &d_magnitude)) in reduced.iter().zip(&reduced_magnitude).enumerate() {
        let (l, u) = (problem.col_lower[j], problem.col_upper[j]);
        if d_magnitude == 0.0 {
            continue;
        }
        let at = if d > 0.0 { l } else { u };
        if d != 0.0 {
            if !at.is_finite() {
                return (f64::NEG_INFINITY, f64::INFINITY);
            }
            value += d * at;
        }
        // The computed d_j is off by at most a few ulps of d_magnitude, whatever
        // its sign: that error times |x_j| enters the margin.
        magnitude += d_magnitude * max_abs(l, u);
    }
    (value, magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lp::{LpBackend, LpLimits, LpRow, LpStatus};

    fn row(entries: &[(usize, f64)], lower: f64, upper: f64) -> LpRow {
        LpRow {
            entries: entries.to_vec(),
            lower,
            upper,
        }
    }

    #[test]
    fn equals_the_optimum_with_exact_duals_and_is_weaker_otherwise() {
        // min x + 2y  s.t. x + y >= 1, x - y <= 0.5, 0 <= x, y <= 3: optimum at
        // x = 1, y = 0 is infeasible (x - y = 1 > 0.5); x = 0.75, y = 0.25 gives 1.25.
        let p = LpProblem {
            costs: vec![1.0, 2.0],
            col_lower: vec![0.0, 0.0],
            col_upper: vec![3.0, 3.0],
            rows: vec![
                row(&[(0, 1.0), (1, 1.0)], 1.0, f64::INFINITY),
                row(&[(0, 1.0), (1, -1.0)], f64::NEG_INFINITY, 0.5),
            ],
        };
        let mut lp = LpBackend::DualSimplex.create(&p);
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal);
        assert!((lp.objective() - 1.25).abs() < 1e-9);
        let duals = lp.row_duals().unwrap().to_vec();
        let (value, magnitude) = lower_bound(&p, &p.costs, &duals);
        assert!((value - 1.25).abs() < 1e-9, "{value}");
        assert!(magnitude > 0.0);
        // Zero multipliers: the box bound min x + 2y = 0.
        assert_eq!(lower_bound(&p, &p.costs, &[0.0, 0.0]).0, 0.0);
        // Multipliers of the wrong sign on a one-sided row are dropped.
        let (value, _) = lower_bound(&p, &p.costs, &[-5.0, 5.0]);
        assert!(value <= 1.25);
        // Perturbed multipliers: still a valid (weaker) bound.
        for dy in [-0.3, -0.1, 0.1, 0.3] {
            let y = [duals[0] + dy, duals[1] - dy];
            assert!(lower_bound(&p, &p.costs, &y).0 <= 1.25 + 1e-12);
        }
    }

    #[test]
    fn unbounded_column_gives_minus_infinity() {
        let p = LpProblem {
            costs: vec![1.0],
            col_lower: vec![f64::NEG_INFINITY],
            col_upper: vec![0.0],
            rows: vec![],
        };
        assert_eq!(lower_bound(&p, &[1.0], &[]).0, f64::NEG_INFINITY);
        assert_eq!(lower_bound(&p, &[-1.0], &[]).0, 0.0);
    }
}
