//! Evaluating a node: its bounds and their propagation, then the LP relaxation and
//! what its status decides (pruned, infeasible, interrupted, or a bound to branch on).

use super::{Outcome, Processed, Processor};
use crate::branch::{BranchObservation, Candidate};
use crate::lp::{LpLimits, LpStatus};
use crate::propagation::{propagate, BoundChange, Propagation};
use crate::search::node::{load_chain, Node};
use smallvec::SmallVec;
use std::time::Instant;

/// What the node's LP decided.
pub(super) enum LpVerdict {
    /// The node is settled: pruned, infeasible, interrupted, the unbounded root, or
    /// branched without a bound after LP failures.
    Settled(Processed),
    /// The LP bound is below the cutoff: the node must be branched on.
    Bounded {
        /// LP objective (minimisation form).
        objective: f64,
        /// The node's bound (LP objective, strengthened by objective integrality).
        bound: f64,
    },
}

impl Processor<'_, '_> {
    /// Loads the node's bounds and propagates from its own branching change (from all
    /// rows at the root). Returns the derived bound changes, or `None` when
    /// propagation proves the node infeasible.
    pub(super) fn propagate_node(&mut self, node: &Node) -> Option<SmallVec<[BoundChange; 4]>> {
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
        match propagation {
            Propagation::Infeasible => {
                self.stats.pruned_infeasible += 1;
                self.observe(node, f64::INFINITY);
                None
            }
            Propagation::Feasible(changes) => {
                self.stats.propagated_bounds += changes.len() as u64;
                Some(changes)
            }
        }
    }

    /// Neuron-stability propagation from the layers that the node's changes (its
    /// branching change and `derived`) can affect, then row propagation from what it
    /// changed. Appends the changes to `derived`; returns false when the node is
    /// proved infeasible.
    pub(super) fn propagate_structure(
        &mut self,
        node: &Node,
        derived: &mut SmallVec<[BoundChange; 4]>,
    ) -> bool {
        let Some(propagator) = &self.ctx.relu else {
            return true;
        };
        let first = if node.depth == 0 {
            Some(0)
        } else {
            let own = node.chain.as_ref().map(|l| &l.changes[..]).unwrap_or(&[]);
            own.iter()
                .chain(derived.iter())
                .filter_map(|c| propagator.first_affected_layer(c.col))
                .min()
        };
        let Some(first) = first else {
            return true;
        };
        let started = Instant::now();
        let outcome = propagator.propagate(&mut self.dom, first);
        let mut feasible = !outcome.infeasible;
        // A later entry for a column overrides an earlier one when the chain is
        // loaded, and bounds only tighten: appending keeps the latest bounds.
        derived.extend(outcome.changes.iter().copied());
        // A node that will be split on an input gets no LP: the row propagation of
        // its ReLU changes would only serve that LP.
        let input_split = self.ctx.input_splitter.is_some()
            && outcome
                .bounds
                .as_ref()
                .is_some_and(|b| b.relu_counts().unstable > self.ctx.settings.input_split_unstable);
        if feasible && !outcome.changes.is_empty() && !input_split {
            let seeds: SmallVec<[usize; 8]> = outcome.changes.iter().map(|c| c.col).collect();
            match propagate(&self.ctx.structure, &mut self.dom, Some(&seeds)) {
                Propagation::Infeasible => feasible = false,
                Propagation::Feasible(more) => derived.extend(more),
            }
        }
        self.stats.time_relu_propagation += started.elapsed().as_secs_f64();
        if !feasible {
            self.stats.relu_infeasible += 1;
            self.observe(node, f64::INFINITY);
            return false;
        }
        self.stats.relu_fixed += u64::from(outcome.fixed);
        self.stats.relu_tightened += outcome.changes.len() as u64;
        self.node_bounds = outcome.bounds;
        true
    }

    /// The objective's lower bound over the domain's column bounds (minimisation
    /// form): `sum c_j l_j` over positive costs plus `sum c_j u_j` over negative ones.
    pub(super) fn domain_objective_bound(&self) -> f64 {
        self.domain_objective(false)
    }

    /// The objective over the domain's column bounds at its best (`worst` false:
    /// the lower bound) or worst (`worst` true: no point of the node is worse).
    pub(super) fn domain_objective(&self, worst: bool) -> f64 {
        let costs = &self.ctx.problem.costs;
        costs
            .iter()
            .enumerate()
            .filter(|(_, &c)| c != 0.0)
            .map(|(j, &c)| {
                if (c > 0.0) != worst {
                    c * self.dom.lower[j]
                } else {
                    c * self.dom.upper[j]
                }
            })
            .sum()
    }

    /// Solves the node's LP (warm from the parent's basis) and reads its verdict.
    pub(super) fn evaluate_lp(
        &mut self,
        node: &Node,
        derived: &SmallVec<[BoundChange; 4]>,
        cutoff: f64,
        pruned_bound: f64,
        warm: bool,
    ) -> LpVerdict {
        self.load_node_rows(node);
        self.sync_lp_bounds();
        if !warm || self.basis_moved {
            if let Some(basis) = &node.basis {
                self.lp.set_basis(basis);
            }
            self.basis_moved = false;
        }
        let settled = |outcome| {
            LpVerdict::Settled(Processed {
                outcome,
                solutions: Vec::new(),
                unresolved_bound: None,
            })
        };
        match self.solve_lp(cutoff) {
            LpStatus::Optimal => {}
            LpStatus::Infeasible => {
                self.stats.pruned_infeasible += 1;
                self.observe(node, f64::INFINITY);
                return settled(Outcome::Closed {
                    bound: f64::INFINITY,
                });
            }
            LpStatus::CutoffReached => {
                self.stats.pruned_bound += 1;
                return settled(Outcome::Closed {
                    bound: pruned_bound.max(node.bound),
                });
            }
            LpStatus::Unbounded if node.depth == 0 => return settled(Outcome::Unbounded),
            LpStatus::TimeLimit => return settled(Outcome::Interrupted(node.clone())),
            _ => return LpVerdict::Settled(self.branch_without_bound(node, derived.clone())),
        }
        let objective = self.lp.objective();
        if node.depth == 0 {
            self.stats.root_lp_objective = Some(self.ctx.to_model_objective(objective));
        }
        self.observe(node, objective);
        let bound = self.ctx.strengthen_bound(objective.max(node.bound));
        if bound >= cutoff {
            self.stats.pruned_bound += 1;
            return settled(Outcome::Closed {
                bound: bound.max(pruned_bound),
            });
        }
        LpVerdict::Bounded { objective, bound }
    }

    /// An LP point without fractional integers: a solution if it passes the check,
    /// otherwise an unresolved node.
    pub(super) fn accept_integral_point(&mut self, bound: f64) -> Processed {
        match self.ctx.accept_candidate(self.lp.primal(), true) {
            Some(solution) => Processed {
                outcome: Outcome::Closed { bound: solution.0 },
                solutions: vec![solution],
                unresolved_bound: None,
            },
            None => {
                self.stats.rejected_solutions += 1;
                Processed {
                    outcome: Outcome::Closed { bound },
                    solutions: Vec::new(),
                    unresolved_bound: Some(bound),
                }
            }
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
    pub(super) fn solve_lp(&mut self, cutoff: f64) -> LpStatus {
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
    pub(super) fn collect_candidates(&mut self) {
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
}
