//! The solve driver: dual phase 1 and 2, perturbation removal, primal cleanup, final
//! verification with fresh factors, and the retry from a slack basis on doubt.

use super::{DualSimplex, State, CHECK_TOL};
use crate::lp::{LpLimits, LpStatus};
use std::time::Instant;

/// Limits of one solve call.
pub(super) struct Control {
    /// Iteration count (engine total) at which to stop.
    pub iter_limit: u64,
    /// Iteration count beyond which the solve is taken to cycle.
    pub safety_limit: u64,
    pub deadline: Option<Instant>,
    pub cutoff: f64,
}

impl Control {
    /// The limit reached, if any.
    pub fn check(&self, iterations: u64) -> Option<Outcome> {
        if iterations >= self.iter_limit {
            return Some(Outcome::IterationLimit);
        }
        if iterations >= self.safety_limit {
            return Some(Outcome::Trouble);
        }
        if iterations % 4 == 0 && crate::interrupt::past(self.deadline) {
            return Some(Outcome::TimeLimit);
        }
        None
    }
}

/// Outcome of a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    Optimal,
    Infeasible,
    Unbounded,
    Cutoff,
    IterationLimit,
    TimeLimit,
    /// The basis was repaired; start the round again.
    Restart,
    /// Numerical trouble.
    Trouble,
}

/// Updates after which the final verification refactorises first.
const VERIFY_REFACTOR: usize = 50;
/// Iterations after which the final verification recomputes values from the factors.
const VERIFY_RECOMPUTE: u64 = 25;
/// Rounds of (phase 1, phase 2, cleanup, verification) before giving up.
const MAX_ROUNDS: usize = 8;

impl DualSimplex {
    /// Solves the LP warm from the current basis (see [`crate::lp::LpEngine::solve`]).
    pub(super) fn solve_impl(&mut self, limits: &LpLimits) -> LpStatus {
        self.ray = None;
        if self.has_crossed_bounds() {
            return LpStatus::Infeasible;
        }
        let mut ctl = Control {
            iter_limit: self.iterations.saturating_add(limits.max_iterations),
            safety_limit: self
                .iterations
                .saturating_add(50 * (self.n + self.m()) as u64 + 50_000),
            deadline: limits.deadline,
            cutoff: if limits.objective_cutoff.is_nan() {
                f64::INFINITY
            } else {
                limits.objective_cutoff
            },
        };
        match self.run(&ctl) {
            Ok(status) => status,
            Err(()) => {
                self.slack_basis();
                ctl.safety_limit = self
                    .iterations
                    .saturating_add(50 * (self.n + self.m()) as u64 + 50_000);
                match self.run(&ctl) {
                    Ok(status) => status,
                    Err(()) => {
                        self.slack_basis();
                        LpStatus::NumericalFailure
                    }
                }
            }
        }
    }

    fn has_crossed_bounds(&self) -> bool {
        let crossed = |l: f64, u: f64| l > u || l == f64::INFINITY || u == f64::NEG_INFINITY;
        (0..self.n).any(|j| crossed(self.col_lower[j], self.col_upper[j]))
            || self.rows.iter().any(|r| crossed(r.lower, r.upper))
    }

    /// Maps a final phase outcome to a status (`Err` on numerical trouble).
    fn finish(outcome: Outcome) -> Result<LpStatus, ()> {
        match outcome {
            Outcome::Optimal => Ok(LpStatus::Optimal),
            Outcome::Infeasible => Ok(LpStatus::Infeasible),
            Outcome::Unbounded => Ok(LpStatus::Unbounded),
            Outcome::Cutoff => Ok(LpStatus::CutoffReached),
            Outcome::IterationLimit => Ok(LpStatus::IterationLimit),
            Outcome::TimeLimit => Ok(LpStatus::TimeLimit),
            Outcome::Restart | Outcome::Trouble => Err(()),
        }
    }

    /// Removes cost perturbations and shifts (recomputing the duals); true when there
    /// were any.
    fn restore_costs(&mut self) -> bool {
        if self.perturbed {
            self.cost.clone_from(&self.scaled_cost);
            self.perturbed = false;
            self.compute_duals();
            return true;
        }
        false
    }

    fn run(&mut self, ctl: &Control) -> Result<LpStatus, ()> {
        if !self.factor_ok && !self.factorize() {
            return Err(());
        }
        if self.perturbed {
            self.cost.clone_from(&self.scaled_cost);
            self.perturbed = false;
            self.duals_ok = false;
        }
        // Known dual feasible except for the columns whose bounds changed?
        let clean = self.dual_clean && self.duals_ok;
        self.dual_clean = false;
        if !self.duals_ok {
            self.compute_duals();
        }
        let mut dirty = std::mem::take(&mut self.dirty);
        let mut round = 0;
        loop {
            round += 1;
            if round > MAX_ROUNDS {
                return Err(());
            }
            let bad = if clean && round == 1 {
                self.make_listed_dual_feasible(&dirty)
            } else {
                self.make_dual_feasible()
            };
            dirty.clear();
            self.dirty = std::mem::take(&mut dirty);
            self.sync_primal();
            let mut after_primal_route = false;
            if bad > 0 {
                match self.dual_phase1(ctl) {
                    Outcome::Optimal => {}
                    Outcome::Infeasible => {
                        // The dual is infeasible: the LP is infeasible or unbounded.
                        match self.primal_route(ctl) {
                            Outcome::Optimal => after_primal_route = true,
                            Outcome::Restart => continue,
                            o => return Self::finish(o),
                        }
                    }
                    Outcome::Restart => continue,
                    o => return Self::finish(o),
                }
            }
            if !after_primal_route {
                match self.dual_phase2(ctl, true) {
                    Outcome::Optimal => {}
                    Outcome::Restart => continue,
                    o => {
                        // Dual phase 2 keeps the basis dual feasible for the costs.
                        self.dual_clean = !self.perturbed && o != Outcome::Trouble;
                        return Self::finish(o);
                    }
                }
                // Without perturbation the basis is dual feasible (up to the Harris
                // tolerance, which the verification below checks).
                if self.restore_costs() && self.dual_infeasibilities().0 > 0 {
                    match self.primal_phase2(ctl) {
                        Outcome::Optimal => {}
                        Outcome::Restart => continue,
                        o => return Self::finish(o),
                    }
                }
            }
            // Verification with recomputed values (fresh factors when many updates have
            // accumulated or the previous round failed) and original costs.
            self.restore_costs();
            if round > 1 || self.factor.num_updates() >= VERIFY_REFACTOR {
                match self.refresh() {
                    None => {}
                    Some(Outcome::Restart) => continue,
                    Some(_) => return Err(()),
                }
            } else if self.iterations - self.recomputed_at > VERIFY_RECOMPUTE {
                self.compute_primal();
                self.compute_duals();
            }
            if self.verify_optimal() {
                self.store_solution();
                self.dual_clean = true;
                return Ok(LpStatus::Optimal);
            }
        }
    }

    /// Dual phase 1 on the auxiliary problem (see the module docs). Returns
    /// [`Outcome::Optimal`] when the basis is now dual feasible (nonbasic variables put
    /// on their bounds), [`Outcome::Infeasible`] when the LP's dual is infeasible, or
    /// another outcome that ends the solve.
    fn dual_phase1(&mut self, ctl: &Control) -> Outcome {
        let saved_lower = self.lower.clone();
        let saved_upper = self.upper.clone();
        for j in 0..self.n + self.m() {
            let (l, u) = (saved_lower[j], saved_upper[j]);
            let (nl, nu) = match (l.is_finite(), u.is_finite()) {
                (true, true) => (0.0, 0.0),
                (true, false) => (0.0, 1.0),
                (false, true) => (-1.0, 0.0),
                (false, false) => (-1.0, 1.0),
            };
            self.lower[j] = nl;
            self.upper[j] = nu;
        }
        self.make_dual_feasible();
        self.compute_primal();
        let outcome = self.dual_phase2(ctl, false);
        self.lower = saved_lower;
        self.upper = saved_upper;
        self.restore_costs();
        let bad = self.make_dual_feasible();
        self.sync_primal();
        match outcome {
            Outcome::Optimal if bad == 0 => Outcome::Optimal,
            Outcome::Optimal => Outcome::Infeasible,
            Outcome::Infeasible => Outcome::Trouble,
            o => o,
        }
    }

    /// For an LP whose dual is infeasible: a dual simplex with zero costs finds a
    /// feasible basis (or proves infeasibility), then the primal simplex finds the
    /// optimum or an unbounded ray.
    fn primal_route(&mut self, ctl: &Control) -> Outcome {
        self.cost.iter_mut().for_each(|c| *c = 0.0);
        self.perturbed = true;
        self.compute_duals();
        self.make_dual_feasible();
        self.compute_primal();
        match self.dual_phase2(ctl, false) {
            Outcome::Optimal => {}
            o => return o,
        }
        self.restore_costs();
        self.primal_phase2(ctl)
    }

    /// Checks primal and dual feasibility of the current basis in unscaled terms.
    fn verify_optimal(&self) -> bool {
        let n = self.n;
        for j in 0..n + self.m() {
            let f = self.unscale[j];
            if self.state[j] == State::Basic {
                let x = self.x[j];
                let (l, u) = (self.lower[j], self.upper[j]);
                let tol_l = CHECK_TOL * (1.0 + 0.01 * (l * f).abs());
                let tol_u = CHECK_TOL * (1.0 + 0.01 * (u * f).abs());
                if !x.is_finite() || (l - x) * f > tol_l || (x - u) * f > tol_u {
                    return false;
                }
            } else {
                let d = self.d[j] * self.inv_unscale[j];
                let c = if j < n { self.orig_cost[j].abs() } else { 0.0 };
                let tol = CHECK_TOL * (1.0 + 0.01 * c);
                let (l, u) = (self.lower[j], self.upper[j]);
                if l == u {
                    continue;
                }
                let bad = match self.state[j] {
                    State::Lower => d < -tol,
                    State::Upper => d > tol,
                    State::Zero => d.abs() > tol,
                    State::Basic => false,
                };
                if bad || !d.is_finite() {
                    return false;
                }
            }
        }
        true
    }
}
