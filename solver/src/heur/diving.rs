//! Fractional diving: repeatedly fix the integer column closest to an integer to that
//! integer and re-solve the LP, until the LP solution is integral (a candidate), the
//! LP is infeasible (one backtrack: the last fixing is flipped), or the dive is too
//! deep or too expensive. Runs at the root and then every `FREQUENCY` nodes.

use super::{locks, HeuristicInput, PrimalHeuristic};
use crate::lp::{LpEngine, LpLimits, LpStatus};

/// Run every this many nodes of a worker (and at the root).
const FREQUENCY: u64 = 20;
/// Most LP iterations of one dive, as a multiple of the number of rows (at least 1000).
const ITERATIONS_PER_ROW: u64 = 4;

/// Fractional diving with one backtrack.
#[derive(Default)]
pub struct FractionalDiving {
    locks: Option<(Vec<u32>, Vec<u32>)>,
}

impl PrimalHeuristic for FractionalDiving {
    fn name(&self) -> &'static str {
        "fractional-diving"
    }

    fn should_run(&self, input: &HeuristicInput<'_>) -> bool {
        input.depth == 0 || input.nodes % FREQUENCY == 0
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
            deadline: None,
            objective_cutoff: input.incumbent,
        };
        let max_depth = input.structure.integral.iter().filter(|&&b| b).count();
        for _ in 0..max_depth {
            // The fractional integer column nearest to an integer.
            let mut pick: Option<(usize, f64, f64)> = None;
            for (j, &v) in x.iter().enumerate() {
                if !input.structure.integral[j] {
                    continue;
                }
                let frac = v - v.floor();
                if frac <= input.integrality_tolerance || frac >= 1.0 - input.integrality_tolerance
                {
                    continue;
                }
                let mut dist = frac.min(1.0 - frac);
                // Prefer directions without locks.
                if down[j] == 0 || up[j] == 0 {
                    dist -= 1.0;
                }
                if pick.is_none_or(|p| dist < p.2) {
                    let target = if down[j] == 0 && up[j] != 0 {
                        v.floor()
                    } else if up[j] == 0 && down[j] != 0 {
                        v.ceil()
                    } else {
                        v.round()
                    };
                    pick = Some((j, target, dist));
                }
            }
            let Some((j, target, _)) = pick else {
                result = Some(x);
                break;
            };
            let (lo, hi) = lp.col_bounds(j);
            changed.push((j, lo, hi));
            lp.set_col_bounds(j, target, target);
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
                let other = if target > x[j] {
                    target - 1.0
                } else {
                    target + 1.0
                };
                if other < lo || other > hi {
                    break;
                }
                lp.set_col_bounds(j, other, other);
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
