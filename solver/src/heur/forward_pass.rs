//! Forward-pass completion for MILPs with a ReLU structure: the LP's input values are
//! pushed through the structure's affine maps, every activation indicator is set to
//! the activation the forward pass produces, and the pre- and post-activation columns
//! to its values. The search's candidate check then completes the remaining continuous
//! columns by an LP with the integers fixed, so the proposal is feasible whenever the
//! LP's input is (a trained-network MILP always has a feasible point for every input
//! in its box). Runs at the root and every `FREQUENCY` nodes.

use super::{HeuristicInput, PrimalHeuristic};
use crate::lp::LpEngine;

/// Run every this many nodes of a worker (and at the root).
const FREQUENCY: u64 = 10;

/// The forward-pass heuristic.
#[derive(Default)]
pub struct ForwardPass;

impl PrimalHeuristic for ForwardPass {
    fn name(&self) -> &'static str {
        "forward-pass"
    }

    fn should_run(&self, input: &HeuristicInput<'_>) -> bool {
        input.relu.is_some_and(|s| s.has_forward_pass())
            && (input.depth == 0 || input.nodes % FREQUENCY == 0)
    }

    fn uses_lp(&self) -> bool {
        false
    }

    fn run(&mut self, input: &HeuristicInput<'_>, _lp: &mut dyn LpEngine) -> Option<Vec<f64>> {
        let structure = input.relu?;
        let mut point = input.x.to_vec();
        for &c in &structure.inputs {
            let value = point
                .get(c)?
                .clamp(input.root_lower[c], input.root_upper[c]);
            point[c] = value;
        }
        structure.complete_point(&mut point).then_some(point)
    }
}
