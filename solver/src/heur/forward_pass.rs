//! Forward-pass completion for MILPs built from a ReLU network: the LP's input values
//! are pushed through the network, every activation indicator is set to the
//! activation the forward pass produces, and the pre- and post-activation columns to
//! its values. The search's candidate check then completes the remaining continuous
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
        input
            .relu
            .is_some_and(|a| a.network.is_some() && !a.inputs.is_empty())
            && (input.depth == 0 || input.nodes % FREQUENCY == 0)
    }

    fn uses_lp(&self) -> bool {
        false
    }

    fn run(&mut self, input: &HeuristicInput<'_>, _lp: &mut dyn LpEngine) -> Option<Vec<f64>> {
        let annotation = input.relu?;
        let network = annotation.network.as_ref()?;
        let mut point = input.x.to_vec();
        let x: Vec<f64> = annotation
            .inputs
            .iter()
            .map(|&c| point[c].clamp(input.root_lower[c], input.root_upper[c]))
            .collect();
        for (&c, &v) in annotation.inputs.iter().zip(&x) {
            point[c] = v;
        }
        let values = network.forward_all_layers(&x);
        for unit in &annotation.units {
            let pre = *values.get(unit.layer)?.pre.get(unit.neuron)?;
            if let Some(c) = unit.pre {
                point[c] = pre;
            }
            if let Some(c) = unit.post {
                point[c] = pre.max(0.0);
            }
            if let Some(c) = unit.indicator {
                point[c] = if pre > 0.0 { 1.0 } else { 0.0 };
            }
        }
        if let Some(last) = values.last() {
            for (&c, &v) in annotation.outputs.iter().zip(&last.pre) {
                point[c] = v;
            }
        }
        Some(point)
    }
}
