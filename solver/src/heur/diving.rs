//! Diving heuristics: repeatedly round one fractional integer column by tightening
//! one of its bounds (`x <= floor` or `x >= ceil`) and re-solve the LP, until the LP
//! solution is integral (a candidate), the LP is infeasible (one backtrack: the last
//! rounding is flipped), or the dive is too deep or too expensive.
//!
//! Two rules choose the column: fractional diving takes the column nearest to an
//! integer (preferring lock-free directions); coefficient diving takes the column
//! with the fewest locks in one of its rounding directions and rounds that way. They
//! run at the root and then every `FREQUENCY` nodes, at different offsets, on models
//! without a ReLU structure (on network MILPs the forward-pass heuristic proposes
//! points).

use super::{locks, HeuristicInput, PrimalHeuristic};
use crate::lp::{LpEngine, LpLimits, LpStatus};

/// Run every this many nodes of a worker (and at the root).
const FREQUENCY: u64 = 20;
/// Most LP iterations of one dive, as a multiple of the number of rows (at least 1000).
const ITERATIONS_PER_ROW: u64 = 4;

/// How a dive chooses the column to round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiveRule {
    /// Nearest to an integer.
    Fractional,
    /// Fewest locks in a rounding direction.
    Coefficient,
}

/// A diving heuristic with one backtrack.
pub struct Diving {
    rule: DiveRule,
    offset: u64,
    locks: Option<(Vec<u32>, Vec<u32>)>,
}

impl Diving {
    /// Fractional diving.
    pub fn fractional() -> Self {
        Diving {
            rule: DiveRule::Fractional,
            offset: 0,
            locks: None,
        }
    }

    /// Coefficient (lock) diving.
    pub fn coefficient() -> Self {
        Diving {
            rule: DiveRule::Coefficient,
            offset: FREQUENCY / 2,
            locks: None,
        }
    }
}

/// Chooses `(column, value to round to)` among the fractional integer columns of `x`.
fn choose(
    rule: DiveRule,
    x: &[f64],
    integral: &[bool],
    tol: f64,
    down: &[u32],
    up: &[u32],
) -> Option<(usize, f64)> {
    let mut pick: Option<(usize, f64, (f64, f64))> = None;
    for (j, &v) in x.iter().enumerate() {
        if !integral[j] {
            continue;
        }
        let frac = v - v.floor();
        if frac <= tol || frac >= 1.0 - tol {
            continue;
        }
        let (target, key) = match rule {
            DiveRule::Fractional => {
                let mut dist = frac.min(1.0 - frac);
                if down[j] == 0 || up[j] == 0 {
                    dist -= 1.0;
                }
                let target = if down[j] == 0 && up[j] != 0 {
                    v.floor()
                } else if up[j] == 0 && down[j] != 0 {
                    v.ceil()
                } else {
                    v.round()
                };
                (target, (dist, 0.0))
            }
            DiveRule::Coefficient => {
                let (d, u) = (down[j] as f64, up[j] as f64);
                if d < u || (d == u && frac < 0.5) {
                    (v.floor(), (d, frac))
                } else {
                    (v.ceil(), (u, 1.0 - frac))
                }
            }
        };
        if pick.is_none_or(|p| key < p.2) {
            pick = Some((j, target, key));
        }
    }
    pick.map(|(j, t, _)| (j, t))
}

impl PrimalHeuristic for Diving {
    fn name(&self) -> &'static str {
        match self.rule {
            DiveRule::Fractional => "fractional-diving",
            DiveRule::Coefficient => "coefficient-diving",
        }
    }

    fn should_run(&self, input: &HeuristicInput<'_>) -> bool {
        // On network MILPs the forward pass proposes a point for every input: diving
        // on the indicators costs LP iterations the search needs more.
        if input.relu.is_some_and(|s| s.has_forward_pass()) {
            return false;
        }
        input.depth == 0 || input.nodes % FREQUENCY == self.offset
    }

    fn uses_lp(&self) -> bool {
        true
    }

    fn run(&mut self, input: &HeuristicInput<'_>, lp: &mut dyn LpEngine) -> Option<Vec<f64>> {
        let (down, up) = self.locks.get_or_insert_with(|| locks(input.structure));
        let mut changed: Vec<(usize, f64, f64)> = Vec::new();
        let budget = (ITERATIONS_PER_ROW * input.structure.rows.len() as u64).max(1000);
        let start_iterations = lp.iterations();
        let mut x = input.x.to_vec();
        let mut backtracked = false;
        let mut result = None;
        let limits = |used: u64| LpLimits {
            max_iterations: budget.saturating_sub(used).max(1),
            deadline: input.deadline,
            objective_cutoff: input.incumbent,
        };
        let max_depth = input.structure.integral.iter().filter(|&&b| b).count();
        for _ in 0..max_depth {
            if crate::interrupt::past(input.deadline) {
                break;
            }
            let pick = choose(
                self.rule,
                &x,
                &input.structure.integral,
                input.integrality_tolerance,
                down,
                up,
            );
            let Some((j, target)) = pick else {
                result = Some(x);
                break;
            };
            let (lo, hi) = lp.col_bounds(j);
            changed.push((j, lo, hi));
            // Round by one bound only (x <= floor or x >= ceil), as branching does.
            let (down_bounds, up_bounds) = ((lo, x[j].floor()), (x[j].ceil(), hi));
            let (first, second) = if target > x[j] {
                (up_bounds, down_bounds)
            } else {
                (down_bounds, up_bounds)
            };
            lp.set_col_bounds(j, first.0, first.1);
            let used = lp.iterations() - start_iterations;
            if used >= budget {
                break;
            }
            let mut status = lp.solve(&limits(used));
            if status == LpStatus::Infeasible || status == LpStatus::CutoffReached {
                if backtracked {
                    break;
                }
                backtracked = true;
                if second.0 > second.1 {
                    break;
                }
                lp.set_col_bounds(j, second.0, second.1);
                let used = lp.iterations() - start_iterations;
                status = lp.solve(&limits(used));
            }
            if status != LpStatus::Optimal {
                break;
            }
            x.copy_from_slice(lp.primal());
        }
        for &(j, lo, hi) in changed.iter().rev() {
            lp.set_col_bounds(j, lo, hi);
        }
        result
    }
}
