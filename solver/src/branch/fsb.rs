//! Filtered smart branching (De Palma, Bunel, Desmaison, Dvijotham, Kohli, Torr,
//! Kumar 2021): the best candidates by the BaBSR score are each split tentatively,
//! both children are bounded by neuron-stability propagation (no LP), and the
//! candidate whose weaker child has the best bound is chosen. The child with the
//! smaller bound is explored first. Without propagation (no ReLU structure) the
//! rule is BaBSR.

use super::babsr::{nearer_child, ranked};
use super::{BranchContext, BranchDecision, BranchingRule, ChildProbe, Direction, ProbeOutcome};

/// Candidates bounded per node.
const CANDIDATES: usize = 8;

/// Filtered smart branching.
#[derive(Clone, Copy, Debug, Default)]
pub struct FilteredSmartBranching {
    seed: u64,
}

impl FilteredSmartBranching {
    /// The rule; `seed` breaks ties.
    pub fn new(seed: u64) -> Self {
        FilteredSmartBranching { seed }
    }
}

/// A child's bound: its objective bound, `+inf` when pruned, the parent's bound
/// when unknown.
fn child_bound(outcome: ProbeOutcome, parent: f64) -> f64 {
    match outcome {
        ProbeOutcome::Objective(v) => v.max(parent),
        ProbeOutcome::Pruned => f64::INFINITY,
        ProbeOutcome::Unknown => parent,
    }
}

impl BranchingRule for FilteredSmartBranching {
    fn name(&self) -> &'static str {
        "fsb"
    }

    fn select(&mut self, ctx: &BranchContext<'_>, probe: &mut dyn ChildProbe) -> BranchDecision {
        let ranked = ranked(ctx, self.seed);
        let first = ranked[0].2;
        let mut best = BranchDecision {
            candidate: first,
            first: nearer_child(&first),
        };
        let mut best_bound = f64::NEG_INFINITY;
        for &(score, _, c) in ranked.iter().take(CANDIDATES) {
            if score <= 0.0 && best_bound > f64::NEG_INFINITY {
                break;
            }
            let down = child_bound(probe.propagate(&c, Direction::Down), ctx.lp_objective);
            let up = child_bound(probe.propagate(&c, Direction::Up), ctx.lp_objective);
            let worse = down.min(up);
            if worse > best_bound {
                best_bound = worse;
                best = BranchDecision {
                    candidate: c,
                    first: if down < up {
                        Direction::Down
                    } else if up < down {
                        Direction::Up
                    } else {
                        nearer_child(&c)
                    },
                };
            }
        }
        best
    }

    fn fork(&self) -> Box<dyn BranchingRule> {
        Box::new(*self)
    }

    fn wants_units(&self) -> bool {
        true
    }
}
