//! Dual simplex phase 2 (also used on the auxiliary problem of dual phase 1 and, with
//! zero costs, as a feasibility search).

use super::pivot::Pivot;
use super::ratio_test::PIVOT_TOL;
use super::solve::{Control, Outcome};
use super::{DualSimplex, State};

/// Iterations without dual objective progress before the costs are perturbed.
const STALL_ITERATIONS: usize = 30;

impl DualSimplex {
    /// Refactorises and recomputes primal and dual values. `Some` when the iteration
    /// must stop: the basis had to be repaired ([`Outcome::Restart`]) or could not be
    /// factorised ([`Outcome::Trouble`]).
    pub(super) fn refresh(&mut self) -> Option<Outcome> {
        let before = self.head.clone();
        if !self.factorize() {
            return Some(Outcome::Trouble);
        }
        self.compute_primal();
        self.compute_duals();
        if before != self.head {
            return Some(Outcome::Restart);
        }
        None
    }

    /// Runs dual simplex iterations from a dual feasible basis until the basis is
    /// primal feasible or another outcome is reached. With `use_cutoff`, stops once the
    /// Lagrangian bound reaches the cutoff of `ctl`.
    pub(super) fn dual_phase2(&mut self, ctl: &Control, use_cutoff: bool) -> Outcome {
        let mut stall = 0usize;
        let mut did_perturb = false;
        let check_cutoff = use_cutoff && ctl.cutoff < f64::INFINITY;
        // The Lagrangian bound is recomputed (O(n + m)) only when an estimate updated
        // by each step's dual objective gain reaches the cutoff, or every few
        // iterations while no finite bound is known.
        let mut estimate = f64::NEG_INFINITY;
        let mut since_exact = usize::MAX;
        loop {
            if self.factor.wants_refactor() {
                if let Some(o) = self.refresh() {
                    return o;
                }
            }
            if check_cutoff
                && (estimate >= ctl.cutoff || (estimate == f64::NEG_INFINITY && since_exact >= 8))
            {
                let bound = self.lagrangian_bound();
                if bound >= ctl.cutoff {
                    return Outcome::Cutoff;
                }
                estimate = bound;
                since_exact = 0;
            }
            since_exact = since_exact.saturating_add(1);
            let Some(r) = self.choose_leaving_row() else {
                return Outcome::Optimal;
            };
            // Limits apply only when an iteration is due.
            if let Some(o) = ctl.check(self.iterations) {
                return o;
            }
            let p = self.head[r];
            let (sign, target) = if self.x[p] < self.lower[p] {
                (-1.0, self.lower[p])
            } else {
                (1.0, self.upper[p])
            };
            let slope = (self.x[p] - target).abs();
            self.compute_row_of(r);
            self.dse[r] = self.rho.iter().map(|v| v * v).sum::<f64>().max(1e-8);
            let mut entering = self.dual_ratio_test(slope, sign, PIVOT_TOL);
            if entering.is_none() {
                if self.factor.num_updates() > 0 {
                    if let Some(o) = self.refresh() {
                        return o;
                    }
                    continue;
                }
                if self.certify_infeasible(r, sign) {
                    return Outcome::Infeasible;
                }
                entering = self.dual_ratio_test(slope, sign, 1e-10);
            }
            let Some(q) = entering else {
                return Outcome::Trouble;
            };
            // Transformed entering column, checked against the pivot row.
            self.compute_entering_column(q);
            let a_row = self.alpha[q];
            let a_col = self.col[r];
            let mismatch = (a_row - a_col).abs() > 1e-8 * (1.0 + a_col.abs());
            if (mismatch || a_col.abs() < 1e-11) && self.factor.num_updates() > 0 {
                if let Some(o) = self.refresh() {
                    return o;
                }
                continue;
            }
            if a_col.abs() < 1e-11 {
                return Outcome::Trouble;
            }
            let theta_d = self.dual_step(q, a_row, sign);
            estimate += theta_d.abs() * self.last_slope;
            if !self.flips.is_empty() {
                self.apply_bound_flips();
            }
            // Steepest-edge weights.
            self.tau.clone_from(&self.rho);
            self.factor.ftran(&mut self.tau);
            self.update_dse_weights(r);
            let pivot = Pivot {
                row: r,
                entering: q,
                primal_step: (self.x[p] - target) / a_col,
                dual_step: theta_d,
                leaves_at_lower: sign < 0.0,
            };
            if let Some(o) = self.exchange_basis(pivot) {
                return o;
            }
            // Stalling.
            if theta_d.abs() * slope <= 1e-12 {
                stall += 1;
                if stall >= STALL_ITERATIONS && !did_perturb {
                    self.perturb_costs();
                    did_perturb = true;
                }
            } else {
                stall = 0;
            }
        }
    }

    /// The dual step `d_q / alpha_q` of the entering variable `q` (pivot row entry
    /// `a_row`, leaving direction `sign`). When `d_q` is slightly infeasible, its cost
    /// is shifted instead so that the step is zero.
    fn dual_step(&mut self, q: usize, a_row: f64, sign: f64) -> f64 {
        let theta_d = self.d[q] / a_row;
        if sign * theta_d < 0.0 {
            self.cost[q] -= self.d[q];
            self.d[q] = 0.0;
            self.perturbed = true;
            return 0.0;
        }
        theta_d
    }

    /// Moves the boxed variables listed in `self.flips` (by the dual ratio test) to
    /// their other bound and updates the basic values accordingly.
    fn apply_bound_flips(&mut self) {
        // self.tau is free until the steepest-edge weight update.
        let mut delta = std::mem::take(&mut self.tau);
        delta.iter_mut().for_each(|v| *v = 0.0);
        let flips = std::mem::take(&mut self.flips);
        for &j in &flips {
            let (state, value) = if self.state[j] == State::Lower {
                (State::Upper, self.upper[j])
            } else {
                (State::Lower, self.lower[j])
            };
            self.add_column(j, value - self.x[j], &mut delta);
            self.x[j] = value;
            self.state[j] = state;
        }
        self.flips = flips;
        self.factor.ftran(&mut delta);
        for (k, &v) in delta.iter().enumerate() {
            if v != 0.0 {
                self.x[self.head[k]] -= v;
            }
        }
        self.tau = delta;
    }

    /// Random cost perturbation of the nonbasic variables in the direction that keeps
    /// their reduced costs feasible (removed before optimality is declared).
    pub(super) fn perturb_costs(&mut self) {
        for j in 0..self.n + self.m() {
            if self.lower[j] == self.upper[j] {
                continue;
            }
            let dir = match self.state[j] {
                State::Lower => 1.0,
                State::Upper => -1.0,
                _ => continue,
            };
            self.rng ^= self.rng << 13;
            self.rng ^= self.rng >> 7;
            self.rng ^= self.rng << 17;
            let u = (self.rng >> 11) as f64 / (1u64 << 53) as f64;
            let xi = dir * 5e-7 * (1.0 + self.scaled_cost[j].abs()) * (1.0 + u);
            self.cost[j] += xi;
            self.d[j] += xi;
        }
        self.perturbed = true;
    }

    /// Checks that basic variable at position `r` (primal infeasible, leaving in
    /// direction `sign`) cannot reach its bound over the box of the nonbasic variables,
    /// using the pivot row in `self.alpha`/`self.rho` (from fresh factors). Stores the
    /// unscaled Farkas ray when it holds.
    pub(super) fn certify_infeasible(&mut self, r: usize, sign: f64) -> bool {
        let p = self.head[r];
        // x_p = -sum_N alpha_j x_j; its supremum (sign < 0) or infimum (sign > 0).
        let mut extreme = 0.0;
        for &j in &self.alpha_idx {
            let c = -self.alpha[j];
            let b = if (c > 0.0) == (sign < 0.0) {
                self.upper[j]
            } else {
                self.lower[j]
            };
            if !b.is_finite() {
                return false;
            }
            extreme += c * b;
        }
        let holds = if sign < 0.0 {
            extreme < self.lower[p] - self.ptol[p]
        } else {
            extreme > self.upper[p] + self.ptol[p]
        };
        if holds {
            let orient = if sign < 0.0 { -1.0 } else { 1.0 };
            self.ray = Some(
                self.rho
                    .iter()
                    .zip(&self.row_scale)
                    .map(|(&v, &s)| orient * v * s)
                    .collect(),
            );
        }
        holds
    }
}
