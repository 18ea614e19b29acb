//! Forward-pass completion for MILPs with a ReLU structure: the LP's input values are
//! pushed through the structure's affine maps, every activation indicator is set to
//! the activation the forward pass produces, and the pre- and post-activation columns
//! to its values. The node's LP, with every indicator fixed at that pattern and warm
//! from the node's basis, then gives the best point of the pattern's region inside
//! the node (inputs free within the node's box); when that LP fails, the forward-pass
//! point itself is proposed. Runs at the root and every `FREQUENCY` nodes; an activation pattern
//! it has proposed before is not proposed again (its completion would repeat).

use super::{HeuristicInput, PrimalHeuristic};
use crate::lp::{LpEngine, LpLimits, LpStatus};
use crate::rng::mix64;
use std::collections::HashSet;

/// Run every this many nodes of a worker (and at the root).
const FREQUENCY: u64 = 10;
/// Most LP iterations of the completion over the forward pass's pattern, per row.
const ITERATIONS_PER_ROW: u64 = 2;

/// The forward-pass heuristic.
#[derive(Default)]
pub struct ForwardPass {
    /// Hashes of the activation patterns proposed so far.
    proposed: HashSet<u64>,
}

impl PrimalHeuristic for ForwardPass {
    fn name(&self) -> &'static str {
        "forward-pass"
    }

    fn should_run(&self, input: &HeuristicInput<'_>) -> bool {
        input.relu.is_some_and(|s| s.has_forward_pass())
            && (input.depth == 0 || input.nodes % FREQUENCY == 0)
    }

    fn uses_lp(&self) -> bool {
        true
    }

    fn completes(&self) -> bool {
        false
    }

    fn run(&mut self, input: &HeuristicInput<'_>, lp: &mut dyn LpEngine) -> Option<Vec<f64>> {
        let structure = input.relu?;
        let mut point = input.x.to_vec();
        for &c in &structure.inputs {
            let value = point
                .get(c)?
                .clamp(input.root_lower[c], input.root_upper[c]);
            point[c] = value;
        }
        if !structure.complete_point(&mut point) {
            return None;
        }
        let pattern = structure
            .units
            .iter()
            .filter_map(|u| u.indicator)
            .fold(0u64, |h, z| {
                mix64(h ^ u64::from(point[z] > 0.5) ^ (z as u64) << 1)
            });
        if !self.proposed.insert(pattern) {
            return None;
        }
        Some(best_in_pattern(input, lp, &point).unwrap_or(point))
    }
}

/// The node LP's optimum with every indicator fixed at the forward pass's activation
/// (warm from the node's basis, a bounded number of iterations): the best point of
/// the node whose activation pattern is the forward pass's. None when the pattern
/// leaves the node or the LP does not end optimal. The LP's bounds are restored.
fn best_in_pattern(
    input: &HeuristicInput<'_>,
    lp: &mut dyn LpEngine,
    point: &[f64],
) -> Option<Vec<f64>> {
    let structure = input.relu?;
    let mut changed: Vec<(usize, f64, f64)> = Vec::new();
    let mut inside = true;
    for z in structure.units.iter().filter_map(|u| u.indicator) {
        let value = point[z].round();
        let (lo, hi) = lp.col_bounds(z);
        if value < lo - 0.5 || value > hi + 0.5 {
            inside = false;
            break;
        }
        changed.push((z, lo, hi));
        lp.set_col_bounds(z, value, value);
    }
    let mut result = None;
    if inside {
        let limits = LpLimits {
            max_iterations: (ITERATIONS_PER_ROW * input.structure.rows.len() as u64).max(500),
            deadline: input.deadline,
            objective_cutoff: input.incumbent,
        };
        if lp.solve(&limits) == LpStatus::Optimal {
            let mut x = lp.primal().to_vec();
            for &(z, _, _) in &changed {
                x[z] = point[z].round();
            }
            result = Some(x);
        }
    }
    for &(z, lo, hi) in changed.iter().rev() {
        lp.set_col_bounds(z, lo, hi);
    }
    result
}
