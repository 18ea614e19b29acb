//! Processing one node: load its bounds, propagate, solve the LP warm, check for an
//! integral solution, run heuristics, and branch.
//!
//! The steps live in one file each: [`evaluate`] (bounds, propagation, the LP and
//! its verdict), [`heuristics`] (primal heuristics on the LP point) and
//! [`branching`] (the rule's choice, strong-branching probes, the children);
//! [`input_split`] branches on the network's inputs without an LP while a node
//! still has many unstable units; [`unit_split`] branches on unit indicators
//! without an LP on networks with many inputs.
//!
//! Rules that keep answers right: an LP failure never prunes a node (the LP is solved
//! again cold, and if that fails too the node is branched without a bound and counted
//! in the statistics); every candidate solution is checked against the original model
//! before it is offered.

mod branching;
mod evaluate;
mod heuristics;
mod input_split;
mod node_cuts;
mod reduced_cost;
mod unit_split;

use super::context::SearchContext;
use super::node::Node;
use super::result::SearchStats;
use super::settings::CUT_POOL_MAX_AGE;
use crate::bounds::NetworkBounds;
use crate::branch::{BranchingRule, Candidate};
use crate::cuts::CutPool;
use crate::heur::{default_heuristics, PrimalHeuristic};
use crate::lp::{LpEngine, LpRow};
use crate::propagation::LocalDomain;
use evaluate::LpVerdict;
use std::sync::Arc;
use std::time::Instant;

/// What became of a processed node.
#[derive(Debug)]
pub(crate) enum Outcome {
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
pub(crate) struct Processed {
    /// What became of the node.
    pub outcome: Outcome,
    /// Checked solutions `(minimisation objective, point)` found at the node.
    pub solutions: Vec<(f64, Vec<f64>)>,
    /// The node could not be decided (LP failed twice with every integer fixed, or an
    /// integral LP point failed the model check); its bound stays open.
    pub unresolved_bound: Option<f64>,
}

impl Processed {
    /// A node closed with `bound`, without solutions.
    fn closed(bound: f64) -> Self {
        Processed {
            outcome: Outcome::Closed { bound },
            solutions: Vec::new(),
            unresolved_bound: None,
        }
    }
}

/// One worker's node processor: its own LP, domain and branching rule.
pub(crate) struct Processor<'c, 'm> {
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
    /// The current node's rows were loaded into the LP (false for a node branched
    /// without an LP, whose LP still holds another node's rows).
    node_rows_loaded: bool,
    /// The node's network bounds from its neuron-stability propagation.
    node_bounds: Option<NetworkBounds>,
    /// Solutions that the attack of the node's stalled input split found, for the
    /// node's outcome.
    stalled_solutions: Vec<(f64, Vec<f64>)>,
    /// This worker's pool of global cuts (see [`node_cuts`]).
    pool: Option<CutPool>,
    /// Origin of every row the current node added to the LP after the shared rows
    /// (`None`: a local cut, `Some(k)`: the pool's cut `k`).
    node_origins: Vec<Option<usize>>,
    /// The rows of the LP beyond the shared rows (inherited, then the node's own).
    extra_rows: Vec<LpRow>,
    /// The inherited rows `extra_rows` equals, if it equals a node's rows.
    loaded: Option<Arc<Vec<LpRow>>>,
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
            node_rows_loaded: false,
            node_bounds: None,
            stalled_solutions: Vec::new(),
            pool: (!ctx.pool_rows.is_empty())
                .then(|| CutPool::new(ctx.pool_rows.clone(), CUT_POOL_MAX_AGE)),
            node_origins: Vec::new(),
            extra_rows: Vec::new(),
            loaded: None,
        }
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
        self.node_rows_loaded = false;
        let mut processed = self.process_inner(node, incumbent, warm);
        self.finish_node_rows(&mut processed);
        processed.solutions.append(&mut self.stalled_solutions);
        if is_root {
            self.stats.time_root += started.elapsed().as_secs_f64();
        }
        processed
    }

    fn process_inner(&mut self, node: Node, incumbent: f64, warm: bool) -> Processed {
        self.stats.nodes += 1;
        self.stats.max_depth = self.stats.max_depth.max(node.depth);
        let cutoff = self.ctx.cutoff(incumbent);
        let pruned_bound = self.ctx.pruned_bound(incumbent);
        if node.bound >= cutoff {
            self.stats.pruned_bound += 1;
            return Processed::closed(node.bound.max(pruned_bound));
        }
        self.node_bounds = None;
        let Some(mut derived) = self.propagate_node(&node) else {
            return Processed::closed(f64::INFINITY);
        };
        if !self.propagate_structure(&node, &mut derived) {
            return Processed::closed(f64::INFINITY);
        }
        let propagated_bound = self.ctx.strengthen_bound(self.domain_objective_bound());
        if propagated_bound >= cutoff {
            self.stats.pruned_before_lp += 1;
            return Processed::closed(propagated_bound.max(node.bound).max(pruned_bound));
        }
        let node_bound = propagated_bound.max(node.bound);
        if let Some(processed) = self.split_input(&node, &derived, node_bound, incumbent) {
            return processed;
        }
        if let Some(processed) = self.split_unit(&node, &derived, node_bound, incumbent) {
            return processed;
        }
        let (objective, bound) = match self.evaluate_lp(&node, &derived, cutoff, pruned_bound, warm)
        {
            LpVerdict::Settled(processed) => return processed,
            LpVerdict::Bounded { objective, bound } => (objective, bound),
        };
        let (objective, bound) =
            match self.cut_node(&node, &derived, cutoff, pruned_bound, objective, bound) {
                LpVerdict::Settled(processed) => return processed,
                LpVerdict::Bounded { objective, bound } => (objective, bound),
            };
        self.fix_by_reduced_costs(&mut derived, objective, cutoff);
        self.collect_candidates();
        if self.candidates.is_empty() {
            return self.accept_integral_point(bound);
        }
        let basis = self.lp.basis().map(Arc::new);
        let solutions = self.run_heuristics(&node, objective, incumbent);
        let best_known = solutions.iter().map(|s| s.0).fold(incumbent, f64::min);
        let children = self.branch(&node, derived, objective, bound, basis, best_known);
        Processed {
            outcome: Outcome::Branched { children },
            solutions,
            unresolved_bound: None,
        }
    }
}
