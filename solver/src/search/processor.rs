//! Processing one node: load its bounds, propagate, solve the LP warm, check for an
//! integral solution, and branch.
//!
//! Rules that keep answers right: an LP failure never prunes a node (the LP is solved
//! again cold, and if that fails too the node is branched without a bound and counted
//! in the statistics); every candidate solution is checked against the original model
//! before it is offered.

use super::context::SearchContext;
use super::node::{load_chain, BoundChange, BranchRecord, ChainLink, Node};
use super::result::SearchStats;
use crate::branch::{
    BranchContext, BranchObservation, BranchingRule, Candidate, ChildProbe, Direction, ProbeOutcome,
};
use crate::heur::{default_heuristics, HeuristicInput, PrimalHeuristic};
use crate::lp::{LpEngine, LpLimits, LpStatus};
use crate::propagation::{propagate, LocalDomain, Propagation};
use smallvec::SmallVec;
use std::sync::Arc;
use std::time::Instant;

/// What became of a processed node.
#[derive(Debug)]
pub enum Outcome {
    /// The node is closed; `bound` is a valid lower bound for its subtree (`+inf` when
    /// it is infeasible), used for the final bound.
    Closed {
        /// Lower bound of the closed subtree.
        bound: f64,
    },
    /// The node was split; the first child is the one to explore first.
    Branched {
        /// The two children.
        children: [Node; 2],
    },
    /// The LP relaxation of the root is unbounded.
    Unbounded,
    /// The deadline stopped the LP: the node is still open.
    Interrupted(Node),
}

/// A processed node: its outcome and the solutions found on the way.
#[derive(Debug)]
pub struct Processed {
    /// What became of the node.
    pub outcome: Outcome,
    /// Checked solutions `(minimisation objective, point)` found at the node.
    pub solutions: Vec<(f64, Vec<f64>)>,
    /// The node could not be decided (LP failed twice with every integer fixed, or an
    /// integral LP point failed the model check); its bound stays open.
    pub unresolved_bound: Option<f64>,
}

/// One worker's node processor: its own LP, domain and branching rule.
pub struct Processor<'c, 'm> {
    ctx: &'c SearchContext<'m>,
    lp: Box<dyn LpEngine>,
    dom: LocalDomain,
    /// Columns whose LP bounds differ from the root bounds.
    lp_touched: Vec<usize>,
    rule: Box<dyn BranchingRule>,
    /// Counters of this worker.
    pub stats: SearchStats,
    candidates: Vec<Candidate>,
    iterations_reported: u64,
    heuristics: Vec<Box<dyn PrimalHeuristic>>,
    /// A heuristic moved the LP away from the basis of the last processed node.
    basis_moved: bool,
}

impl<'c, 'm> Processor<'c, 'm> {
    /// A processor with a fresh LP engine and the given rule.
    pub fn new(ctx: &'c SearchContext<'m>, rule: Box<dyn BranchingRule>) -> Self {
        let lp = ctx.settings.lp_backend.create(&ctx.problem);
        Processor {
            ctx,
            lp,
            dom: LocalDomain::new(ctx.root_lower.clone(), ctx.root_upper.clone()),
            lp_touched: Vec::new(),
            rule,
            stats: SearchStats::default(),
            candidates: Vec::new(),
            iterations_reported: 0,
            heuristics: default_heuristics(),
            basis_moved: false,
        }
    }

    /// The branching rule (for forking to other workers).
    pub fn rule(&self) -> &dyn BranchingRule {
        self.rule.as_ref()
    }

    /// LP iterations since the last call.
    pub fn take_new_iterations(&mut self) -> u64 {
        let total = self.lp.iterations();
        let new = total - self.iterations_reported;
        self.iterations_reported = total;
        new
    }

    /// Processes `node`. `incumbent` is the objective of the best known solution
    /// (minimisation form); `warm` tells that the LP still holds the basis of the
    /// node's parent (the node is a child just created by this processor).
    pub fn process(&mut self, node: Node, incumbent: f64, warm: bool) -> Processed {
        let started = Instant::now();
        let is_root = node.depth == 0;
        let processed = self.process_inner(node, incumbent, warm);
        if is_root {
            self.stats.time_root += started.elapsed().as_secs_f64();
        }
        processed
    }

    fn process_inner(&mut self, node: Node, incumbent: f64, warm: bool) -> Processed {
        self.stats.nodes += 1;
        self.stats.max_depth = self.stats.max_depth.max(node.depth);
        let mut result = Processed {
            outcome: Outcome::Closed { bound: node.bound },
            solutions: Vec::new(),
            unresolved_bound: None,
        };
        let cutoff = self.ctx.cutoff(incumbent);
        let pruned_bound = self.ctx.pruned_bound(incumbent);
        if node.bound >= cutoff {
            self.stats.pruned_bound += 1;
            result.outcome = Outcome::Closed {
                bound: node.bound.max(pruned_bound),
            };
            return result;
        }
        // Bounds of the node, then propagation from its own branching change.
        load_chain(&mut self.dom, node.chain.as_ref());
        let seeds: SmallVec<[usize; 4]> = match (&node.chain, node.depth) {
            (_, 0) => SmallVec::new(),
            (Some(link), _) => link.changes.iter().map(|c| c.col).collect(),
            (None, _) => SmallVec::new(),
        };
        let started = Instant::now();
        let propagation = if node.depth == 0 {
            propagate(&self.ctx.structure, &mut self.dom, None)
        } else {
            propagate(&self.ctx.structure, &mut self.dom, Some(&seeds))
        };
        self.stats.time_propagation += started.elapsed().as_secs_f64();
        let derived = match propagation {
            Propagation::Infeasible => {
                self.stats.pruned_infeasible += 1;
                self.observe(&node, f64::INFINITY);
                result.outcome = Outcome::Closed {
                    bound: f64::INFINITY,
                };
                return result;
            }
            Propagation::Feasible(changes) => changes,
        };
        self.stats.propagated_bounds += derived.len() as u64;
        self.sync_lp_bounds();
        if !warm || self.basis_moved {
            if let Some(basis) = &node.basis {
                self.lp.set_basis(basis);
            }
            self.basis_moved = false;
        }
        let status = self.solve_lp(cutoff);
        match status {
            LpStatus::Optimal => {}
            LpStatus::Infeasible => {
                self.stats.pruned_infeasible += 1;
                self.observe(&node, f64::INFINITY);
                result.outcome = Outcome::Closed {
                    bound: f64::INFINITY,
                };
                return result;
            }
            LpStatus::CutoffReached => {
                self.stats.pruned_bound += 1;
                result.outcome = Outcome::Closed {
                    bound: pruned_bound.max(node.bound),
                };
                return result;
            }
            LpStatus::Unbounded if node.depth == 0 => {
                result.outcome = Outcome::Unbounded;
                return result;
            }
            LpStatus::TimeLimit => {
                result.outcome = Outcome::Interrupted(node);
                return result;
            }
            _ => return self.branch_without_bound(node, derived, result),
        }
        let objective = self.lp.objective();
        if node.depth == 0 {
            self.stats.root_lp_objective = Some(self.ctx.to_model_objective(objective));
        }
        self.observe(&node, objective);
        let bound = self.ctx.strengthen_bound(objective.max(node.bound));
        if bound >= cutoff {
            self.stats.pruned_bound += 1;
            result.outcome = Outcome::Closed {
                bound: bound.max(pruned_bound),
            };
            return result;
        }
        self.collect_candidates();
        if self.candidates.is_empty() {
            match self.ctx.accept_candidate(self.lp.primal()) {
                Some(solution) => {
                    result.outcome = Outcome::Closed { bound: solution.0 };
                    result.solutions.push(solution);
                }
                None => {
                    self.stats.rejected_solutions += 1;
                    result.unresolved_bound = Some(bound);
                }
            }
            return result;
        }
        let basis = self.lp.basis().map(Arc::new);
        result
            .solutions
            .extend(self.run_heuristics(&node, objective, incumbent));
        let best_known = result
            .solutions
            .iter()
            .map(|s| s.0)
            .fold(incumbent, f64::min);
        let started = Instant::now();
        let ctx = BranchContext {
            candidates: &self.candidates,
            lp_objective: objective,
            depth: node.depth,
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
        };
        let decision = self.rule.select(&ctx, &mut probe);
        self.stats.strong_branching_lps += probe.probes;
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
        let parent = self.extend_chain(&node, derived);
        let down_node = child(
            &parent,
            &node,
            down,
            bound,
            basis.clone(),
            Some(record(Direction::Down, c.fraction)),
        );
        let up_node = child(
            &parent,
            &node,
            up,
            bound,
            basis,
            Some(record(Direction::Up, 1.0 - c.fraction)),
        );
        result.outcome = Outcome::Branched {
            children: match decision.first {
                Direction::Down => [down_node, up_node],
                Direction::Up => [up_node, down_node],
            },
        };
        result
    }

    /// Runs the heuristics due at this node on its LP solution; returns the checked
    /// solutions they found.
    fn run_heuristics(
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
            };
            if !h.should_run(&input) {
                continue;
            }
            self.basis_moved |= h.uses_lp();
            if let Some(point) = h.run(&input, self.lp.as_mut()) {
                if let Some((value, point)) = self.ctx.accept_candidate(&point) {
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

    /// The chain of the node's children: the node's chain plus its derived bounds.
    fn extend_chain(
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

    /// Applies the domain's bounds to the LP, touching only columns that differ.
    fn sync_lp_bounds(&mut self) {
        let mut cols: Vec<usize> = std::mem::take(&mut self.lp_touched);
        cols.extend_from_slice(self.dom.touched());
        for &j in &cols {
            let target = (self.dom.lower[j], self.dom.upper[j]);
            if self.lp.col_bounds(j) != target {
                self.lp.set_col_bounds(j, target.0, target.1);
            }
        }
        self.lp_touched = self.dom.touched().to_vec();
    }

    /// Solves the LP warm; on failure once more cold.
    fn solve_lp(&mut self, cutoff: f64) -> LpStatus {
        let limits = LpLimits {
            max_iterations: u64::MAX,
            deadline: self.ctx.deadline,
            objective_cutoff: cutoff,
        };
        let started = Instant::now();
        self.stats.lp_solves += 1;
        let mut status = self.lp.solve(&limits);
        if status.is_failure() && status != LpStatus::TimeLimit {
            self.stats.lp_failures += 1;
            self.lp.reset_basis();
            self.stats.lp_solves += 1;
            status = self.lp.solve(&limits);
        }
        self.stats.time_lp += started.elapsed().as_secs_f64();
        status
    }

    /// Integer columns with fractional LP values.
    fn collect_candidates(&mut self) {
        let tol = self.ctx.settings.tolerances.integrality;
        self.candidates.clear();
        for (col, &value) in self.lp.primal().iter().enumerate() {
            if !self.ctx.structure.integral[col] {
                continue;
            }
            let fraction = value - value.floor();
            if fraction > tol && fraction < 1.0 - tol {
                self.candidates.push(Candidate {
                    col,
                    value,
                    fraction,
                });
            }
        }
    }

    /// Reports the child's objective gain to the branching rule.
    fn observe(&mut self, node: &Node, objective: f64) {
        if let Some(rec) = node.branched {
            let gain = if objective.is_finite() {
                objective - rec.parent_objective
            } else {
                f64::INFINITY
            };
            self.rule.observe(&BranchObservation {
                col: rec.col,
                direction: rec.direction,
                distance: rec.distance,
                gain,
            });
        }
    }

    /// After two LP failures: split the domain of an unfixed integer column in the
    /// middle, keeping the parent's bound; a node with every integer fixed stays
    /// unresolved.
    fn branch_without_bound(
        &mut self,
        node: Node,
        derived: SmallVec<[BoundChange; 4]>,
        mut result: Processed,
    ) -> Processed {
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
        let parent = self.extend_chain(&node, derived);
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
                child(&parent, &node, down, node.bound, None, None),
                child(&parent, &node, up_change, node.bound, None, None),
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
}

impl ChildProbe for LpProbe<'_> {
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

fn child(
    parent: &Option<Arc<ChainLink>>,
    node: &Node,
    change: BoundChange,
    bound: f64,
    basis: Option<Arc<crate::lp::Basis>>,
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
        branched,
        seq: 0,
    }
}
