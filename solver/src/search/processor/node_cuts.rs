//! Cuts at a node: a few rounds of local ReLU cuts (separated with the node's
//! bounds, valid in its subtree only) and of cuts from the pool (root cuts left out
//! of the LP, valid everywhere), each round added to the node's LP and re-solved.
//!
//! The rows belong to the node's subtree only. When the node is branched,
//! [`Processor::finish_node_rows`] hands the rows that were active at its last LP to
//! its children ([`Node::cuts`], when [`crate::search::Settings::inherit_node_cuts`]
//! is on; otherwise none) with the basis over them; before a node's LP,
//! [`Processor::load_node_rows`] makes the LP's rows beyond the shared ones exactly
//! the node's own, so no node's cuts reach another subtree's LP. After the node's
//! last LP, the pool learns which of its cuts were active (aging).

use super::evaluate::LpVerdict;
use super::{Outcome, Processed, Processor};
use crate::cuts::{cosine, select_cuts, Cut, MAX_PARALLELISM};
use crate::lp::{BasisStatus, LpRow, LpStatus};
use crate::propagation::BoundChange;
use crate::search::node::Node;
use smallvec::SmallVec;
use std::sync::Arc;
use std::time::Instant;

/// Most rounds of node cuts.
const MAX_NODE_ROUNDS: usize = 3;
/// Most local ReLU cuts added per round.
const MAX_LOCAL_CUTS: usize = 20;
/// Most pool cuts added per round.
const MAX_POOL_CUTS: usize = 20;
/// Smallest efficacy of a local cut (violation over the coefficient norm); higher
/// than the root's [`crate::cuts::MIN_EFFICACY`], since a node's LP re-solve must be
/// paid for by a few nodes' worth of bound.
const NODE_MIN_EFFICACY: f64 = 1e-3;

impl Processor<'_, '_> {
    /// Rounds of node cuts on the node's optimal LP (objective `objective`, bound
    /// `bound`); returns the verdict of the node's last LP.
    pub(super) fn cut_node(
        &mut self,
        node: &Node,
        derived: &SmallVec<[BoundChange; 4]>,
        cutoff: f64,
        pruned_bound: f64,
        objective: f64,
        bound: f64,
    ) -> LpVerdict {
        let local =
            node.depth <= self.ctx.settings.local_cut_depth && self.ctx.node_separator.is_some();
        let pool = self.pool.as_ref().is_some_and(|p| !p.is_empty());
        if !local && !pool {
            return LpVerdict::Bounded { objective, bound };
        }
        let started = Instant::now();
        let mut verdict = LpVerdict::Bounded { objective, bound };
        for _ in 0..MAX_NODE_ROUNDS {
            let (rows, origins) = self.separate_node_round(local);
            if rows.is_empty() {
                break;
            }
            let saved = self.lp.basis();
            if self.node_origins.is_empty() {
                self.stats.node_cut_nodes += 1;
            }
            self.stats.node_cut_rounds += 1;
            self.stats.local_cuts += origins.iter().filter(|o| o.is_none()).count() as u64;
            self.stats.pool_readds += origins.iter().filter(|o| o.is_some()).count() as u64;
            let first = self.lp.add_rows(&rows);
            let before = self.node_origins.len();
            self.node_origins.extend(origins);
            self.extra_rows.extend(rows);
            self.loaded = None;
            verdict = match self.solve_lp(cutoff) {
                LpStatus::Optimal => {
                    let objective = self.lp.objective();
                    let bound = self.ctx.strengthen_bound(objective.max(node.bound));
                    if bound >= cutoff {
                        self.stats.pruned_bound += 1;
                        self.stats.pruned_by_node_cuts += 1;
                        settled(Outcome::Closed {
                            bound: bound.max(pruned_bound),
                        })
                    } else {
                        LpVerdict::Bounded { objective, bound }
                    }
                }
                LpStatus::Infeasible => {
                    self.stats.pruned_infeasible += 1;
                    self.stats.pruned_by_node_cuts += 1;
                    settled(Outcome::Closed {
                        bound: f64::INFINITY,
                    })
                }
                LpStatus::CutoffReached => {
                    self.stats.pruned_bound += 1;
                    self.stats.pruned_by_node_cuts += 1;
                    settled(Outcome::Closed {
                        bound: pruned_bound.max(node.bound),
                    })
                }
                LpStatus::TimeLimit => settled(Outcome::Interrupted(node.clone())),
                _ => {
                    let LpVerdict::Bounded { objective, bound } = verdict else {
                        break;
                    };
                    self.node_origins.truncate(before);
                    self.withdraw_round(node, derived, first, saved, objective, bound)
                }
            };
            if !matches!(verdict, LpVerdict::Bounded { .. }) || self.lp.num_rows() == first {
                break;
            }
        }
        if matches!(verdict, LpVerdict::Bounded { .. }) {
            self.age_pool();
        }
        self.stats.time_node_cuts += started.elapsed().as_secs_f64();
        verdict
    }

    /// One round's rows: the local ReLU cuts at the LP point (when `local`), then the
    /// violated pool cuts not added before at this node and not parallel to a chosen
    /// row; with their origins (`None`: local, `Some(k)`: pool position `k`).
    fn separate_node_round(&self, local: bool) -> (Vec<LpRow>, Vec<Option<usize>>) {
        let point = self.lp.primal();
        let (lower, upper) = (&self.dom.lower, &self.dom.upper);
        let mut rows = Vec::new();
        if let Some(separator) = self.ctx.node_separator.as_ref().filter(|_| local) {
            let cuts: Vec<Cut> = separator
                .separate_at(lower, upper, point)
                .into_iter()
                .filter(|c| c.efficacy >= NODE_MIN_EFFICACY)
                .collect();
            rows = select_cuts(cuts, MAX_LOCAL_CUTS);
        }
        let mut origins = vec![None; rows.len()];
        if let Some(pool) = &self.pool {
            for (k, cut) in pool.violated(lower, upper, point, MAX_POOL_CUTS) {
                let added = self.node_origins.contains(&Some(k));
                if !added && rows.iter().all(|r| cosine(r, &cut.row) < MAX_PARALLELISM) {
                    rows.push(cut.row);
                    origins.push(Some(k));
                }
            }
        }
        (rows, origins)
    }

    /// Withdraws the rows from `first` on after an LP failure and re-solves the LP
    /// as it was (from `saved`); the node keeps its earlier verdict, or is branched
    /// without a bound if even that fails.
    fn withdraw_round(
        &mut self,
        node: &Node,
        derived: &SmallVec<[BoundChange; 4]>,
        first: usize,
        saved: Option<crate::lp::Basis>,
        objective: f64,
        bound: f64,
    ) -> LpVerdict {
        let rows: Vec<usize> = (first..self.lp.num_rows()).collect();
        self.lp.remove_rows(&rows);
        let base = self.ctx.problem.num_rows();
        self.extra_rows.truncate(first.saturating_sub(base));
        if let Some(basis) = &saved {
            self.lp.set_basis(basis);
        }
        match self.solve_lp(f64::INFINITY) {
            LpStatus::Optimal => LpVerdict::Bounded { objective, bound },
            _ => LpVerdict::Settled(self.branch_without_bound(node, derived.clone())),
        }
    }

    /// Tells the pool which of its cuts were active at the node's last LP.
    fn age_pool(&mut self) {
        let Some(pool) = self.pool.as_mut() else {
            return;
        };
        let own_first = self.lp.num_rows().saturating_sub(self.node_origins.len());
        let statuses = self.lp.basis().map(|b| b.rows).unwrap_or_default();
        let uses: Vec<(usize, bool)> = self
            .node_origins
            .iter()
            .enumerate()
            .filter_map(|(i, origin)| {
                let k = (*origin)?;
                let active = statuses
                    .get(own_first + i)
                    .is_some_and(|&s| s != BasisStatus::Basic);
                Some((k, active))
            })
            .collect();
        if !uses.is_empty() {
            pool.record(&uses);
            self.stats.pool_aged_out = pool.aged_out();
        }
    }

    /// Makes the LP's rows beyond the shared ones the node's inherited rows; when
    /// they change, the node's basis (over those rows) is installed before its LP.
    pub(super) fn load_node_rows(&mut self, node: &Node) {
        self.node_rows_loaded = true;
        let same = match (&node.cuts, &self.loaded) {
            (Some(wanted), Some(loaded)) => Arc::ptr_eq(wanted, loaded),
            (None, _) => self.extra_rows.is_empty(),
            (Some(_), None) => false,
        };
        if same {
            return;
        }
        self.remove_extra_rows();
        if let Some(rows) = &node.cuts {
            self.lp.add_rows(rows);
            self.extra_rows.extend(rows.iter().cloned());
        }
        self.loaded = node.cuts.clone();
        self.basis_moved = true;
    }

    /// Removes every row beyond the shared ones from the LP.
    fn remove_extra_rows(&mut self) {
        let base = self.ctx.problem.num_rows();
        let rows: Vec<usize> = (base..self.lp.num_rows()).collect();
        if !rows.is_empty() {
            self.lp.remove_rows(&rows);
        }
        self.extra_rows.clear();
        self.loaded = None;
    }

    /// After the node: the children of a branched node get the rows beyond the
    /// shared ones that were active at the node's last LP (all removed when
    /// inheritance is off) and the basis over the rows kept. Children of a node
    /// branched without an LP keep the node's own rows and basis: the LP still
    /// holds another node's rows, which need not hold in this subtree.
    pub(super) fn finish_node_rows(&mut self, processed: &mut Processed) {
        self.node_origins.clear();
        let Outcome::Branched { children } = &mut processed.outcome else {
            return;
        };
        if !self.node_rows_loaded {
            // The children start from the node's basis, not the LP's.
            self.basis_moved = true;
            return;
        }
        if self.extra_rows.is_empty() {
            return;
        }
        if self.basis_moved {
            // Heuristics or strong branching moved the LP: back to the node's basis.
            if let Some(basis) = &children[0].basis {
                self.lp.set_basis(basis);
            }
        }
        let base = self.ctx.problem.num_rows();
        if self.ctx.settings.inherit_node_cuts {
            let statuses = self.lp.basis().map(|b| b.rows).unwrap_or_default();
            let inactive: Vec<usize> = (0..self.extra_rows.len())
                .filter(|&k| {
                    statuses
                        .get(base + k)
                        .is_none_or(|&s| s == BasisStatus::Basic)
                })
                .collect();
            if !inactive.is_empty() || self.loaded.is_none() {
                let rows: Vec<usize> = inactive.iter().map(|&k| base + k).collect();
                self.lp.remove_rows(&rows);
                let mut k = 0;
                self.extra_rows.retain(|_| {
                    k += 1;
                    inactive.binary_search(&(k - 1)).is_err()
                });
                self.loaded =
                    (!self.extra_rows.is_empty()).then(|| Arc::new(self.extra_rows.clone()));
            }
        } else {
            self.remove_extra_rows();
        }
        let basis = self.lp.basis().map(Arc::new);
        for child in children.iter_mut() {
            child.basis.clone_from(&basis);
            child.cuts.clone_from(&self.loaded);
        }
        self.basis_moved = false;
    }
}

fn settled(outcome: Outcome) -> LpVerdict {
    LpVerdict::Settled(Processed {
        outcome,
        solutions: Vec::new(),
        unresolved_bound: None,
    })
}
