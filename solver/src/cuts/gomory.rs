//! Gomory mixed-integer cuts from rows of the optimal simplex tableau.
//!
//! For a basic integer column with fractional value `beta`, the tableau row reads
//! `x_b + sum_k a_k v_k = 0` over nonbasic columns and row activities. Shifting each
//! nonbasic to its active bound (`t_k = v_k - l_k` or `u_k - v_k`, `t_k >= 0`) gives
//! `x_b + sum a'_k t_k = beta`, and with `f0 = frac(beta)`, `f_k = frac(a'_k)`:
//!
//! `sum_{int, f_k <= f0} f_k/f0 t_k + sum_{int, f_k > f0} (1-f_k)/(1-f0) t_k
//!  + sum_{cont, a'_k > 0} a'_k/f0 t_k + sum_{cont, a'_k < 0} -a'_k/(1-f0) t_k >= 1`.
//!
//! Row activities count as continuous. The cut is written back in the columns (row
//! activities expanded through their rows).

use super::{finish_cut, Cut, CutFamily, SeparationInput, Separator};
use crate::lp::{BasisStatus, LpEngine, LpProblem};

/// Fractionality range of the basic value for which a row is used.
const MIN_FRACTION: f64 = 0.01;
/// Most rows examined per round.
const MAX_ROWS: usize = 150;

/// The Gomory mixed-integer separator (family [`CutFamily::Gomory`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct GomorySeparator;

impl Separator for GomorySeparator {
    fn family(&self) -> CutFamily {
        CutFamily::Gomory
    }

    fn separate(&mut self, lp: &mut dyn LpEngine, input: &SeparationInput<'_>) -> Vec<Cut> {
        gomory_mixed_integer(lp, input.problem, input.integral, input.point)
    }
}

/// Separates GMI cuts from the current optimal basis of `lp` at the point `x`;
/// `problem` must hold the rows the LP holds (including earlier cuts).
pub fn gomory_mixed_integer(
    lp: &mut dyn LpEngine,
    problem: &LpProblem,
    integral: &[bool],
    x: &[f64],
) -> Vec<Cut> {
    let n = problem.num_cols();
    let Some(basis) = lp.basis() else {
        return Vec::new();
    };
    let mut sources: Vec<(f64, usize)> = (0..n)
        .filter(|&j| integral[j] && basis.columns[j] == BasisStatus::Basic)
        .filter_map(|j| {
            let f = x[j] - x[j].floor();
            (f > MIN_FRACTION && f < 1.0 - MIN_FRACTION).then_some((-(f.min(1.0 - f)), j))
        })
        .collect();
    sources.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    sources.truncate(MAX_ROWS);
    let mut cuts = Vec::new();
    for (_, b) in sources {
        let Some(tableau) = lp.tableau_row(b) else {
            continue;
        };
        if let Some(cut) = cut_from_row(&tableau, x[b], problem, integral, &basis, x) {
            cuts.push(cut);
        }
    }
    cuts
}

fn cut_from_row(
    tableau: &[(usize, f64)],
    beta: f64,
    problem: &LpProblem,
    integral: &[bool],
    basis: &crate::lp::Basis,
    x: &[f64],
) -> Option<Cut> {
    let n = problem.num_cols();
    let f0 = beta - beta.floor();
    let mut dense = vec![0.0; n];
    let mut rhs = 1.0;
    for &(k, coef) in tableau {
        let (status, lo, up, is_int) = if k < n {
            (
                basis.columns[k],
                problem.col_lower[k],
                problem.col_upper[k],
                integral[k],
            )
        } else {
            let row = problem.rows.get(k - n)?;
            (basis.rows.get(k - n).copied()?, row.lower, row.upper, false)
        };
        let (at_lower, bound) = match status {
            BasisStatus::AtLower if lo.is_finite() => (true, lo),
            BasisStatus::AtUpper if up.is_finite() => (false, up),
            _ if lo == up && lo.is_finite() => (true, lo),
            _ => return None,
        };
        let a = if at_lower { coef } else { -coef };
        let pi = if is_int {
            let fk = a - a.floor();
            if fk <= f0 {
                fk / f0
            } else {
                (1.0 - fk) / (1.0 - f0)
            }
        } else if a >= 0.0 {
            a / f0
        } else {
            -a / (1.0 - f0)
        };
        if pi == 0.0 {
            continue;
        }
        // pi * t_k with t_k = v_k - bound (lower) or bound - v_k (upper).
        let (c, shift) = if at_lower {
            (pi, pi * bound)
        } else {
            (-pi, -pi * bound)
        };
        rhs += shift;
        if k < n {
            dense[k] += c;
        } else {
            for &(j, aij) in &problem.rows[k - n].entries {
                dense[j] += c * aij;
            }
        }
    }
    finish_cut(&dense, rhs, &problem.col_lower, &problem.col_upper, x)
}
