//! Branching at a node: the rule chooses a candidate (possibly probing children by
//! strong branching on the node's LP, or by neuron-stability propagation when the
//! model has a ReLU structure), and the two children are created as links of the
//! node's change chain.

use super::{Outcome, Processed, Processor};
use crate::bounds::NetworkBounds;
use crate::branch::{BranchContext, Candidate, ChildProbe, Direction, ProbeOutcome, UnitInfo};
use crate::lp::{Basis, LpEngine, LpLimits, LpStatus};
use crate::propagation::BoundChange;
use crate::relu::NodePropagator;
use crate::search::node::{BranchRecord, ChainLink, Node};
use smallvec::SmallVec;
use std::sync::Arc;
use std::time::Instant;

impl Processor<'_, '_> {
    /// For each candidate, the ReLU unit it is the indicator of, with its bounds at
    /// the node and its coefficient in the objective's back-substitution.
    fn candidate_units(&mut self) -> Vec<Option<UnitInfo>> {
        let Some(propagator) = &self.ctx.relu else {
            return Vec::new();
        };
        if self.node_bounds.is_none() {
            self.node_bounds = propagator.node_bounds(&self.dom);
        }
        let Some(bounds) = &self.node_bounds else {
            return Vec::new();
        };
        let coefficients = propagator.objective_coefficients(bounds);
        let view = propagator.view();
        self.candidates
            .iter()
            .map(|c| {
                let (k, i) = view.neuron_of(c.col)?;
                (view.layers[k][i].indicator == Some(c.col)).then(|| UnitInfo {
                    layer: k,
                    neuron: i,
                    lower: bounds.pre_lower(k)[i],
                    upper: bounds.pre_upper(k)[i],
                    objective_coefficient: coefficients
                        .as_ref()
                        .and_then(|co| co.get(k)?.get(i).copied())
                        .unwrap_or(0.0),
                })
            })
            .collect()
    }

    /// Asks the rule for a candidate and returns the two children, the one to
    /// explore first first.
    pub(super) fn branch(
        &mut self,
        node: &Node,
        derived: SmallVec<[BoundChange; 4]>,
        objective: f64,
        bound: f64,
        basis: Option<Arc<Basis>>,
        best_known: f64,
    ) -> [Node; 2] {
        let started = Instant::now();
        let units = if self.rule.wants_units() {
            self.candidate_units()
        } else {
            Vec::new()
        };
        let ctx = BranchContext {
            candidates: &self.candidates,
            lp_objective: objective,
            depth: node.depth,
            units: &units,
        };
        let average = self.lp.iterations() as f64 / self.stats.lp_solves.max(1) as f64;
        let mut probe = LpProbe {
            lp: self.lp.as_mut(),
            lower: &self.dom.lower,
            upper: &self.dom.upper,
            limits: LpLimits {
                max_iterations: (2.0 * average).max(MIN_PROBE_ITERATIONS) as u64,
                deadline: self.ctx.deadline,
                objective_cutoff: self.ctx.cutoff(best_known),
            },
            probes: 0,
            relu: self.ctx.relu.as_ref().zip(self.node_bounds.as_ref()).map(
                |(propagator, bounds)| PropagationProbe {
                    propagator,
                    bounds,
                    cutoff: self.ctx.cutoff(best_known),
                },
            ),
            propagations: 0,
        };
        let decision = self.rule.select(&ctx, &mut probe);
        self.stats.strong_branching_lps += probe.probes;
        self.stats.propagation_probes += probe.propagations;
        if let Some(unit) = self
            .candidates
            .iter()
            .position(|c| c.col == decision.candidate.col)
            .and_then(|i| units.get(i).copied().flatten())
        {
            self.stats.record_unit_split(unit.layer);
        }
        self.basis_moved |= probe.probes > 0;
        self.stats.time_branching += started.elapsed().as_secs_f64();
        let c = decision.candidate;
        let down = BoundChange {
            col: c.col,
            lower: self.dom.lower[c.col],
            upper: c.value.floor(),
        };
        let up = BoundChange {
            col: c.col,
            lower: c.value.ceil(),
            upper: self.dom.upper[c.col],
        };
        let record = |direction, distance| BranchRecord {
            col: c.col,
            direction,
            distance,
            parent_objective: objective,
        };
        let parent = self.extend_chain(node, derived);
        let down_node = child(
            &parent,
            node,
            down,
            bound,
            basis.clone(),
            Some(record(Direction::Down, c.fraction)),
        );
        let up_node = child(
            &parent,
            node,
            up,
            bound,
            basis,
            Some(record(Direction::Up, 1.0 - c.fraction)),
        );
        match decision.first {
            Direction::Down => [down_node, up_node],
            Direction::Up => [up_node, down_node],
        }
    }

    /// The chain of the node's children: the node's chain plus its derived bounds.
    pub(super) fn extend_chain(
        &self,
        node: &Node,
        derived: SmallVec<[BoundChange; 4]>,
    ) -> Option<Arc<ChainLink>> {
        if derived.is_empty() {
            node.chain.clone()
        } else {
            Some(Arc::new(ChainLink {
                changes: derived,
                parent: node.chain.clone(),
            }))
        }
    }

    /// After two LP failures: split the domain of an unfixed integer column in the
    /// middle, keeping the parent's bound; a node with every integer fixed stays
    /// unresolved.
    pub(super) fn branch_without_bound(
        &mut self,
        node: &Node,
        derived: SmallVec<[BoundChange; 4]>,
    ) -> Processed {
        let mut result = Processed::closed(node.bound);
        self.stats.lp_unresolved += 1;
        let col = (0..self.dom.lower.len())
            .find(|&j| self.ctx.structure.integral[j] && self.dom.lower[j] < self.dom.upper[j]);
        let Some(col) = col else {
            result.unresolved_bound = Some(node.bound);
            return result;
        };
        let (lo, up) = (self.dom.lower[col], self.dom.upper[col]);
        let mid = if lo.is_finite() && up.is_finite() {
            ((lo + up) / 2.0).floor()
        } else if lo.is_finite() {
            lo
        } else if up.is_finite() {
            up - 1.0
        } else {
            0.0
        };
        let parent = self.extend_chain(node, derived);
        let down = BoundChange {
            col,
            lower: lo,
            upper: mid,
        };
        let up_change = BoundChange {
            col,
            lower: mid + 1.0,
            upper: up,
        };
        result.outcome = Outcome::Branched {
            children: [
                child(&parent, node, down, node.bound, None, None),
                child(&parent, node, up_change, node.bound, None, None),
            ],
        };
        result
    }
}

/// Fewest iterations a strong-branching LP may take.
const MIN_PROBE_ITERATIONS: f64 = 20.0;

/// Strong branching on the processor's LP: each probe tightens one bound, solves with
/// an iteration limit and restores the bound.
struct LpProbe<'p> {
    lp: &'p mut dyn LpEngine,
    lower: &'p [f64],
    upper: &'p [f64],
    limits: LpLimits,
    probes: u64,
    /// Children bounded by propagation, for models with a ReLU structure.
    relu: Option<PropagationProbe<'p>>,
    propagations: u64,
}

/// What bounding a child by neuron-stability propagation reads.
struct PropagationProbe<'p> {
    propagator: &'p NodePropagator,
    /// The node's network bounds.
    bounds: &'p NetworkBounds,
    cutoff: f64,
}

impl PropagationProbe<'_> {
    /// The child's objective bound after refining the node's bounds with the
    /// candidate's phase.
    fn bound(&self, c: &Candidate, direction: Direction) -> ProbeOutcome {
        let view = self.propagator.view();
        let Some((k, i)) = view
            .neuron_of(c.col)
            .filter(|&(k, i)| view.layers[k][i].indicator == Some(c.col))
        else {
            return ProbeOutcome::Unknown;
        };
        match self
            .propagator
            .child_objective_bound(self.bounds, k, i, direction == Direction::Up)
        {
            None => ProbeOutcome::Pruned,
            Some(bound) if bound >= self.cutoff => ProbeOutcome::Pruned,
            Some(bound) if bound == f64::NEG_INFINITY => ProbeOutcome::Unknown,
            Some(bound) => ProbeOutcome::Objective(bound),
        }
    }
}

impl ChildProbe for LpProbe<'_> {
    fn propagate(&mut self, c: &Candidate, direction: Direction) -> ProbeOutcome {
        match &self.relu {
            Some(relu) => {
                self.propagations += 1;
                relu.bound(c, direction)
            }
            None => ProbeOutcome::Unknown,
        }
    }

    fn probe(&mut self, c: &Candidate, direction: Direction) -> ProbeOutcome {
        let col = c.col;
        let (lower, upper) = (self.lower[col], self.upper[col]);
        let (child_lower, child_upper) = match direction {
            Direction::Down => (lower, c.value.floor()),
            Direction::Up => (c.value.ceil(), upper),
        };
        if child_lower > child_upper {
            return ProbeOutcome::Pruned;
        }
        self.probes += 1;
        self.lp.set_col_bounds(col, child_lower, child_upper);
        let outcome = match self.lp.solve(&self.limits) {
            LpStatus::Optimal => ProbeOutcome::Objective(self.lp.objective()),
            LpStatus::Infeasible | LpStatus::CutoffReached => ProbeOutcome::Pruned,
            _ => ProbeOutcome::Unknown,
        };
        self.lp.set_col_bounds(col, lower, upper);
        outcome
    }
}

/// A child of `node`: the chain `parent` plus `change`, with the node's cuts.
pub(super) fn child(
    parent: &Option<Arc<ChainLink>>,
    node: &Node,
    change: BoundChange,
    bound: f64,
    basis: Option<Arc<Basis>>,
    branched: Option<BranchRecord>,
) -> Node {
    let mut changes = SmallVec::new();
    changes.push(change);
    Node {
        chain: Some(Arc::new(ChainLink {
            changes,
            parent: parent.clone(),
        })),
        bound,
        depth: node.depth + 1,
        basis,
        cuts: node.cuts.clone(),
        branched,
        seq: 0,
    }
}
