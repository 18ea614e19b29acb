//! Row-activity bound propagation: for a row `lo <= a'x <= up`, each column's bound
//! follows from the other columns' extreme contributions; integer columns are rounded.
//! A bound that crosses its opposite proves the node infeasible.

use super::{BoundChange, LocalDomain, RowStructure};
use smallvec::SmallVec;

/// Slack added to a propagated bound of a continuous column, relative to its size.
const CONTINUOUS_SAFETY: f64 = 1e-9;
/// A continuous bound is only tightened when it improves by this share of the range.
const MIN_CONTINUOUS_IMPROVEMENT: f64 = 1e-3;
/// Distance below which a crossing of lower and upper bound is treated as equality.
const CROSSING_TOLERANCE: f64 = 1e-9;
/// Propagation work limit per call, in row visits per model row (and at least 1000).
const ROW_VISITS_PER_ROW: usize = 4;

/// Outcome of a propagation call.
#[derive(Debug, PartialEq)]
pub enum Propagation {
    /// Bounds are consistent; the changes made (one entry per tightened column, with
    /// its final bounds).
    Feasible(SmallVec<[BoundChange; 4]>),
    /// Some row cannot be satisfied within the bounds.
    Infeasible,
}

/// Minimum and maximum activity of a row over the domain: finite parts and the number
/// of infinite contributions.
struct Activity {
    min_finite: f64,
    min_inf: u32,
    max_finite: f64,
    max_inf: u32,
}

fn activity(entries: &[(usize, f64)], dom: &LocalDomain) -> Activity {
    let mut act = Activity {
        min_finite: 0.0,
        min_inf: 0,
        max_finite: 0.0,
        max_inf: 0,
    };
    for &(j, a) in entries {
        let (lo, hi) = if a > 0.0 {
            (dom.lower[j], dom.upper[j])
        } else {
            (dom.upper[j], dom.lower[j])
        };
        if lo.is_finite() {
            act.min_finite += a * lo;
        } else {
            act.min_inf += 1;
        }
        if hi.is_finite() {
            act.max_finite += a * hi;
        } else {
            act.max_inf += 1;
        }
    }
    act
}

/// Propagates from the rows containing `seeds` (all rows when `seeds` is `None`) until
/// nothing changes or the work limit is reached. Changes are applied to `dom`.
pub fn propagate(
    structure: &RowStructure,
    dom: &mut LocalDomain,
    seeds: Option<&[usize]>,
) -> Propagation {
    let num_rows = structure.rows.len();
    let mut queued = vec![false; num_rows];
    let mut queue: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    match seeds {
        None => {
            queue.extend(0..num_rows);
            queued.iter_mut().for_each(|q| *q = true);
        }
        Some(cols) => {
            for &j in cols {
                for &r in &structure.col_rows[j] {
                    if !queued[r] {
                        queued[r] = true;
                        queue.push_back(r);
                    }
                }
            }
        }
    }
    let mut changed: SmallVec<[BoundChange; 4]> = SmallVec::new();
    let mut budget = (ROW_VISITS_PER_ROW * num_rows).max(1000);
    while let Some(r) = queue.pop_front() {
        queued[r] = false;
        if budget == 0 {
            break;
        }
        budget -= 1;
        let entries = &structure.rows[r];
        let (lo, up) = (structure.row_lower[r], structure.row_upper[r]);
        let act = activity(entries, dom);
        let feas_tol = 1e-6 * lo.abs().max(up.abs()).clamp(1.0, 1e6);
        if act.min_inf == 0 && act.min_finite > up + feas_tol {
            return Propagation::Infeasible;
        }
        if act.max_inf == 0 && act.max_finite < lo - feas_tol {
            return Propagation::Infeasible;
        }
        for &(j, a) in entries {
            let (cur_lo, cur_up) = (dom.lower[j], dom.upper[j]);
            // Contribution of j to the min / max activity.
            let (min_c, max_c) = if a > 0.0 {
                (a * cur_lo, a * cur_up)
            } else {
                (a * cur_up, a * cur_lo)
            };
            let min_rest = rest(act.min_finite, act.min_inf, min_c);
            let max_rest = rest(act.max_finite, act.max_inf, max_c);
            let mut new_lo = cur_lo;
            let mut new_up = cur_up;
            // a x_j <= up - min_rest  and  a x_j >= lo - max_rest
            if let (true, Some(mr)) = (up.is_finite(), min_rest) {
                let bound = (up - mr) / a;
                if a > 0.0 {
                    new_up = new_up.min(bound);
                } else {
                    new_lo = new_lo.max(bound);
                }
            }
            if let (true, Some(mr)) = (lo.is_finite(), max_rest) {
                let bound = (lo - mr) / a;
                if a > 0.0 {
                    new_lo = new_lo.max(bound);
                } else {
                    new_up = new_up.min(bound);
                }
            }
            if new_lo == cur_lo && new_up == cur_up {
                continue;
            }
            let (new_lo, new_up) = if structure.integral[j] {
                (
                    if new_lo > cur_lo {
                        (new_lo - 1e-6).ceil().max(cur_lo)
                    } else {
                        cur_lo
                    },
                    if new_up < cur_up {
                        (new_up + 1e-6).floor().min(cur_up)
                    } else {
                        cur_up
                    },
                )
            } else {
                let range = if cur_lo.is_finite() && cur_up.is_finite() {
                    cur_up - cur_lo
                } else {
                    f64::INFINITY
                };
                let min_gain = (MIN_CONTINUOUS_IMPROVEMENT * range).max(1e-7);
                let lo2 = new_lo - CONTINUOUS_SAFETY * new_lo.abs().max(1.0);
                let up2 = new_up + CONTINUOUS_SAFETY * new_up.abs().max(1.0);
                (
                    if lo2 > cur_lo + min_gain || (cur_lo.is_infinite() && lo2.is_finite()) {
                        lo2
                    } else {
                        cur_lo
                    },
                    if up2 < cur_up - min_gain || (cur_up.is_infinite() && up2.is_finite()) {
                        up2
                    } else {
                        cur_up
                    },
                )
            };
            if new_lo == cur_lo && new_up == cur_up {
                continue;
            }
            let (new_lo, new_up) = if new_lo > new_up {
                if new_lo - new_up > CROSSING_TOLERANCE * new_lo.abs().max(1.0) + 1e-9 {
                    return Propagation::Infeasible;
                }
                let mid = if structure.integral[j] {
                    new_lo.round()
                } else {
                    0.5 * (new_lo + new_up)
                };
                (mid, mid)
            } else {
                (new_lo, new_up)
            };
            dom.set(j, new_lo, new_up);
            match changed.iter_mut().find(|c| c.col == j) {
                Some(c) => {
                    c.lower = new_lo;
                    c.upper = new_up;
                }
                None => changed.push(BoundChange {
                    col: j,
                    lower: new_lo,
                    upper: new_up,
                }),
            }
            for &r2 in &structure.col_rows[j] {
                if r2 != r && !queued[r2] {
                    queued[r2] = true;
                    queue.push_back(r2);
                }
            }
            // The activity of row r changed; revisit it later.
            if !queued[r] {
                queued[r] = true;
                queue.push_back(r);
            }
            break;
        }
    }
    Propagation::Feasible(changed)
}

/// Activity of the other entries of a row, if finite.
fn rest(finite: f64, infinite: u32, contribution: f64) -> Option<f64> {
    if contribution.is_finite() {
        (infinite == 0).then_some(finite - contribution)
    } else {
        (infinite == 1).then_some(finite)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lp::{LpProblem, LpRow};
    use std::sync::Arc;

    fn domain(lower: Vec<f64>, upper: Vec<f64>) -> LocalDomain {
        LocalDomain::new(Arc::new(lower), Arc::new(upper))
    }

    #[test]
    fn tightens_integer_and_continuous_bounds() {
        // x + y <= 3.5 with x integer in [2, 10], y continuous in [0, 10]
        let problem = LpProblem {
            costs: vec![0.0, 0.0],
            col_lower: vec![2.0, 0.0],
            col_upper: vec![10.0, 10.0],
            rows: vec![LpRow {
                entries: vec![(0, 1.0), (1, 1.0)],
                lower: f64::NEG_INFINITY,
                upper: 3.5,
            }],
        };
        let s = RowStructure::new(&problem, vec![true, false]);
        let mut d = domain(problem.col_lower.clone(), problem.col_upper.clone());
        let Propagation::Feasible(changes) = propagate(&s, &mut d, None) else {
            panic!("feasible expected");
        };
        assert_eq!(d.upper[0], 3.0);
        assert!((d.upper[1] - 1.5).abs() < 1e-6 && d.upper[1] >= 1.5);
        assert_eq!(changes.len(), 2);
    }

    #[test]
    fn detects_infeasible_rows() {
        // x + y >= 5 with x, y binary
        let problem = LpProblem {
            costs: vec![0.0, 0.0],
            col_lower: vec![0.0, 0.0],
            col_upper: vec![1.0, 1.0],
            rows: vec![LpRow {
                entries: vec![(0, 1.0), (1, 1.0)],
                lower: 5.0,
                upper: f64::INFINITY,
            }],
        };
        let s = RowStructure::new(&problem, vec![true, true]);
        let mut d = domain(problem.col_lower.clone(), problem.col_upper.clone());
        assert_eq!(propagate(&s, &mut d, None), Propagation::Infeasible);
    }
}
