//! Input splitting at a node: while the node's sub-box leaves units unstable (and
//! the node is above the splitter's depth limit, if it has one), the node is not
//! bounded by an LP but by its propagation alone (already done), a short
//! attack looks for a solution in the sub-box, and the node is split on an input
//! column (see [`crate::relu::InputSplitter`]), unless its best split stalls.
//! Before the split, a few steps of optimised lower slopes on the objective's
//! output functions ([`crate::search::Settings::input_split_alpha_steps`]) may
//! close the node.

use super::branching::child;
use super::{Outcome, Processed, Processor};
use crate::propagation::BoundChange;
use crate::search::node::Node;
use smallvec::SmallVec;
use std::time::Instant;

impl Processor<'_, '_> {
    /// Splits the node on an input, without an LP, when the model has an input
    /// splitter and the node's propagation left more than
    /// [`crate::search::Settings::input_split_unstable`] units unstable. `bound` is
    /// the node's propagated bound, `incumbent` the best known objective. `None`
    /// when the node is for the LP (few unstable units, every input at its
    /// smallest width, or a split that stalls).
    pub(super) fn split_input(
        &mut self,
        node: &Node,
        derived: &SmallVec<[BoundChange; 4]>,
        bound: f64,
        incumbent: f64,
    ) -> Option<Processed> {
        let splitter = self.ctx.input_splitter.as_ref()?;
        if splitter.max_depth().is_some_and(|d| node.depth >= d) {
            return None;
        }
        let propagator = self.ctx.relu.as_ref()?;
        let unstable = self.node_bounds.as_ref()?.relu_counts().unstable;
        if unstable <= self.ctx.settings.input_split_unstable {
            return None;
        }
        let started = Instant::now();
        let cutoff = self.ctx.cutoff(incumbent);
        // Optimised slopes first: they may close the node. One that does not close
        // it is not passed on to the children as their bound: a child's stall test
        // then measures its halves' gain from that higher bound, more nodes stall
        // to their (cold-started) LP, and ACAS Xu 3_3 property 2 reached -0.039
        // in 25 s instead of -0.017.
        let steps = self.ctx.settings.input_split_alpha_steps;
        if steps > 0 && cutoff.is_finite() {
            let optimised = propagator
                .optimised_objective_bound(self.node_bounds.as_ref()?, steps, cutoff)
                .unwrap_or(f64::NEG_INFINITY);
            if optimised >= cutoff {
                self.stats.input_split_alpha_closed += 1;
                self.stats.time_input_splits += started.elapsed().as_secs_f64();
                return Some(Processed::closed(optimised.max(bound)));
            }
        }
        let target = cutoff.min(self.domain_objective(true));
        let exploration = splitter.explore(
            propagator,
            &self.dom.lower,
            &self.dom.upper,
            target,
            self.node_bounds.as_ref(),
        );
        let split = exploration.split?;
        let mut solutions = Vec::new();
        if let (Some(x), Some(structure)) = (&exploration.candidate, &self.ctx.model.relu) {
            let costs = &self.ctx.problem.costs;
            let point = splitter.complete(
                propagator,
                structure,
                x,
                costs,
                &self.dom.lower,
                &self.dom.upper,
            );
            match point.and_then(|p| self.ctx.accept_candidate(&p, false)) {
                Some(solution) => {
                    self.stats.input_split_solutions += 1;
                    solutions.push(solution);
                }
                None => self.stats.rejected_solutions += 1,
            }
        }
        if splitter.stalls(bound, target, exploration.child_bounds) {
            self.stats.input_split_stalls += 1;
            self.stats.time_input_splits += started.elapsed().as_secs_f64();
            // The node goes to its LP; the attack's solution goes with it.
            self.stalled_solutions = solutions;
            return None;
        }
        self.stats.input_splits += 1;
        let (lower, upper) = (self.dom.lower[split.col], self.dom.upper[split.col]);
        let [below, above] = exploration.child_bounds.unwrap_or([bound; 2]);
        let processed = self.branch_without_lp(
            node,
            derived,
            split.col,
            [(lower, split.at, below), (split.at, upper, above)],
            bound,
            solutions,
        );
        self.stats.time_input_splits += started.elapsed().as_secs_f64();
        Some(processed)
    }

    /// The two children of a split made without an LP: column `col` restricted to
    /// `(lower, upper)` in each, each starting with its own bound (at least the node's
    /// `bound`; a child whose bound reaches the cutoff is closed as soon as it is
    /// taken) and the node's basis.
    pub(super) fn branch_without_lp(
        &self,
        node: &Node,
        derived: &SmallVec<[BoundChange; 4]>,
        col: usize,
        halves: [(f64, f64, f64); 2],
        bound: f64,
        solutions: Vec<(f64, Vec<f64>)>,
    ) -> Processed {
        let parent = self.extend_chain(node, derived.clone());
        let children = halves.map(|(lower, upper, b)| {
            let change = BoundChange { col, lower, upper };
            child(
                &parent,
                node,
                change,
                b.max(bound),
                node.basis.clone(),
                None,
            )
        });
        Processed {
            outcome: Outcome::Branched { children },
            solutions,
            unresolved_bound: None,
        }
    }
}
