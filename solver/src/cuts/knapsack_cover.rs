//! Extended cover cuts for knapsack rows over binary columns.
//!
//! For a row `sum a_j x_j <= b` whose columns are all binary (after complementing
//! columns with negative coefficients, `x_j -> 1 - x_j`), a cover is a set `C` with
//! `sum_{C} a_j > b`; then `sum_{C} x_j <= |C| - 1`, extended by every column with a
//! coefficient at least the largest in `C`. The cover is built greedily by the LP
//! values (largest `x_j` first), the classic separation heuristic.

use super::{finish_cut, Cut, CutFamily, SeparationInput, Separator};
use crate::lp::{LpEngine, LpProblem, LpRow};

/// The extended cover separator over the model's rows (family
/// [`CutFamily::KnapsackCover`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct KnapsackCoverSeparator;

impl Separator for KnapsackCoverSeparator {
    fn family(&self) -> CutFamily {
        CutFamily::KnapsackCover
    }

    fn separate(&mut self, _lp: &mut dyn LpEngine, input: &SeparationInput<'_>) -> Vec<Cut> {
        let rows = &input.problem.rows[..input.model_rows.min(input.problem.num_rows())];
        covers_of_rows(rows, input.problem, input.integral, input.point)
    }
}

/// Separates extended cover cuts from the rows of `problem` at the point `x`.
pub fn knapsack_covers(problem: &LpProblem, integral: &[bool], x: &[f64]) -> Vec<Cut> {
    covers_of_rows(&problem.rows, problem, integral, x)
}

/// Extended covers of `rows`, over the columns and bounds of `problem`.
fn covers_of_rows(rows: &[LpRow], problem: &LpProblem, integral: &[bool], x: &[f64]) -> Vec<Cut> {
    let n = problem.num_cols();
    let mut cuts = Vec::new();
    for row in rows {
        let binary = row.entries.iter().all(|&(j, _)| {
            integral[j] && problem.col_lower[j] == 0.0 && problem.col_upper[j] == 1.0
        });
        if !binary || row.entries.len() < 2 {
            continue;
        }
        // Both sides as `<=` rows: a'x <= upper and -a'x <= -lower.
        for (sign, rhs) in [(1.0, row.upper), (-1.0, -row.lower)] {
            if !rhs.is_finite() {
                continue;
            }
            if let Some(cut) = cover(
                row.entries.iter().map(|&(j, a)| (j, sign * a)),
                rhs,
                n,
                problem,
                x,
            ) {
                cuts.push(cut);
            }
        }
    }
    cuts
}

fn cover(
    entries: impl Iterator<Item = (usize, f64)>,
    rhs: f64,
    n: usize,
    problem: &LpProblem,
    x: &[f64],
) -> Option<Cut> {
    // Complement negative coefficients: a x = |a| (1 - x) - |a|.
    let mut b = rhs;
    let mut items: Vec<(usize, f64, bool, f64)> = Vec::new(); // (col, weight, complemented, value)
    for (j, a) in entries {
        if a > 0.0 {
            items.push((j, a, false, x[j]));
        } else if a < 0.0 {
            b -= a;
            items.push((j, -a, true, 1.0 - x[j]));
        }
    }
    if b < 0.0 {
        return None;
    }
    let total: f64 = items.iter().map(|i| i.1).sum();
    if total <= b + 1e-9 {
        return None;
    }
    items.sort_by(|p, q| {
        q.3.total_cmp(&p.3)
            .then(q.1.total_cmp(&p.1))
            .then(p.0.cmp(&q.0))
    });
    let mut weight = 0.0;
    let mut size = 0;
    for item in &items {
        weight += item.1;
        size += 1;
        if weight > b + 1e-9 {
            break;
        }
    }
    if weight <= b + 1e-9 {
        return None;
    }
    let max_in_cover = items[..size].iter().fold(0.0f64, |m, i| m.max(i.1));
    let mut dense = vec![0.0; n];
    let mut cut_rhs = (size - 1) as f64;
    for (k, &(j, w, complemented, _)) in items.iter().enumerate() {
        if k < size || w >= max_in_cover {
            // x_j <= ... as >= form: -x_j; complemented: -(1 - x_j) = x_j - 1.
            if complemented {
                dense[j] += 1.0;
                cut_rhs -= 1.0;
            } else {
                dense[j] -= 1.0;
            }
        }
    }
    // sum (covered terms) <= size - 1  <=>  -(terms) >= -(size - 1)
    finish_cut(&dense, -cut_rhs, &problem.col_lower, &problem.col_upper, x)
}
