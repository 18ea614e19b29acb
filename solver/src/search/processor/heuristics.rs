//! Primal heuristics at a node: each one that is due proposes a point, which becomes
//! a solution only after the context's check against the model.

use super::Processor;
use crate::heur::HeuristicInput;
use crate::search::node::Node;
use std::time::Instant;

impl Processor<'_, '_> {
    /// Runs the heuristics due at this node on its LP solution; returns the checked
    /// solutions they found.
    pub(super) fn run_heuristics(
        &mut self,
        node: &Node,
        objective: f64,
        incumbent: f64,
    ) -> Vec<(f64, Vec<f64>)> {
        let started = Instant::now();
        let mut found = Vec::new();
        let mut best = incumbent;
        let x = self.lp.primal().to_vec();
        for h in self.heuristics.iter_mut() {
            let input = HeuristicInput {
                x: &x,
                lp_objective: objective,
                lower: &self.dom.lower,
                upper: &self.dom.upper,
                structure: &self.ctx.structure,
                costs: &self.ctx.problem.costs,
                incumbent: self.ctx.cutoff(best),
                depth: node.depth,
                nodes: self.stats.nodes,
                integrality_tolerance: self.ctx.settings.tolerances.integrality,
                root_lower: &self.ctx.root_lower,
                root_upper: &self.ctx.root_upper,
                relu: self.ctx.model.relu.as_ref(),
                deadline: self.ctx.deadline,
            };
            if crate::interrupt::past(self.ctx.deadline) || !h.should_run(&input) {
                continue;
            }
            self.basis_moved |= h.uses_lp();
            if let Some(point) = h.run(&input, self.lp.as_mut()) {
                if let Some((value, point)) = self.ctx.accept_candidate(&point, h.completes()) {
                    if value < best {
                        best = value;
                        found.push((value, point));
                    }
                }
            }
        }
        self.stats.time_heuristics += started.elapsed().as_secs_f64();
        found
    }
}
