//! Pricing: dual steepest edge for the dual simplex (leaving row) and Dantzig's rule
//! with scaled reduced costs for the primal simplex (entering column).

use super::{DualSimplex, State};

impl DualSimplex {
    /// Primal infeasibility of basic variable `j` (positive below its lower bound,
    /// negative above its upper bound, zero within the tolerance).
    pub(super) fn basic_infeasibility(&self, j: usize) -> f64 {
        let x = self.x[j];
        let tol = self.ptol[j];
        if x < self.lower[j] - tol {
            self.lower[j] - x
        } else if x > self.upper[j] + tol {
            self.upper[j] - x
        } else {
            0.0
        }
    }

    /// Dual steepest-edge choice of the leaving basis position: the largest
    /// `infeasibility^2 / weight`. None when the basis is primal feasible.
    pub(super) fn choose_leaving_row(&self) -> Option<usize> {
        let mut best = None;
        let mut best_score = 0.0;
        for (r, &j) in self.head.iter().enumerate() {
            let inf = self.basic_infeasibility(j);
            if inf != 0.0 {
                let score = inf * inf / self.dse[r];
                if score > best_score {
                    best_score = score;
                    best = Some(r);
                }
            }
        }
        best
    }

    /// Updates the dual steepest-edge weights after a basis change at position `r` with
    /// the transformed entering column `self.col` and `self.tau = B^{-1} rho_r`;
    /// `w_r = ||rho_r||^2` must be current in `self.dse[r]`.
    pub(super) fn update_dse_weights(&mut self, r: usize) {
        let alpha_r = self.col[r];
        let w_r = self.dse[r];
        for k in 0..self.col.len() {
            let a = self.col[k];
            if k == r || a == 0.0 {
                continue;
            }
            let ratio = a / alpha_r;
            let w = self.dse[k] + ratio * (ratio * w_r - 2.0 * self.tau[k]);
            self.dse[k] = w.max(1e-4 * ratio * ratio * w_r).max(1e-8);
        }
        self.dse[r] = (w_r / (alpha_r * alpha_r)).max(1e-8);
    }

    /// Dantzig choice of the entering variable for the primal simplex: the largest
    /// `|d_j|` among nonbasic variables whose reduced cost has the wrong sign for the
    /// side they are on. Returns the variable and its direction (+1 increase, -1
    /// decrease).
    pub(super) fn choose_entering(&self) -> Option<(usize, f64)> {
        let mut best = None;
        let mut best_score = 0.0;
        for j in 0..self.n + self.m() {
            let dj = self.d[j];
            let tol = self.dtol[j];
            let dir = match self.state[j] {
                State::Basic => continue,
                _ if self.lower[j] == self.upper[j] => continue,
                State::Lower if dj < -tol => 1.0,
                State::Upper if dj > tol => -1.0,
                State::Zero if dj.abs() > tol => -dj.signum(),
                _ => continue,
            };
            let score = dj.abs() / tol;
            if score > best_score {
                best_score = score;
                best = Some((j, dir));
            }
        }
        best
    }

    /// Number of nonbasic variables whose reduced cost violates dual feasibility, and
    /// how many of them cannot be fixed by a bound flip (not boxed).
    pub(super) fn dual_infeasibilities(&self) -> (usize, usize) {
        let (mut all, mut unfixable) = (0, 0);
        for j in 0..self.n + self.m() {
            let dj = self.d[j];
            let tol = self.dtol[j];
            let (l, u) = (self.lower[j], self.upper[j]);
            let bad = match self.state[j] {
                State::Basic => false,
                _ if l == u => false,
                State::Lower => dj < -tol,
                State::Upper => dj > tol,
                State::Zero => dj.abs() > tol,
            };
            if bad {
                all += 1;
                if !(l.is_finite() && u.is_finite()) {
                    unfixable += 1;
                }
            }
        }
        (all, unfixable)
    }

    /// Moves nonbasic variables to the bound their reduced cost prefers (dual phase 1
    /// for boxed variables). Returns the number of dual infeasibilities no flip can
    /// fix. Basic values must be recomputed afterwards.
    pub(super) fn make_dual_feasible(&mut self) -> usize {
        (0..self.n + self.m())
            .filter(|&j| self.make_var_dual_feasible(j))
            .count()
    }

    /// [`DualSimplex::make_dual_feasible`] for the listed variables only (when the
    /// others are known to be dual feasible).
    pub(super) fn make_listed_dual_feasible(&mut self, vars: &[usize]) -> usize {
        vars.iter()
            .filter(|&&j| j < self.state.len() && self.make_var_dual_feasible(j))
            .count()
    }

    /// Puts one nonbasic variable on the bound its reduced cost prefers; true when its
    /// reduced cost stays infeasible (no such bound).
    fn make_var_dual_feasible(&mut self, j: usize) -> bool {
        if self.state[j] == State::Basic {
            return false;
        }
        let dj = self.d[j];
        let tol = self.dtol[j];
        let (l, u) = (self.lower[j], self.upper[j]);
        let mut bad = false;
        if l == u {
            self.state[j] = State::Lower;
        } else if dj > tol {
            if l.is_finite() {
                self.state[j] = State::Lower;
            } else {
                bad = true;
                self.fix_nonbasic_state(j);
            }
        } else if dj < -tol {
            if u.is_finite() {
                self.state[j] = State::Upper;
            } else {
                bad = true;
                self.fix_nonbasic_state(j);
            }
        } else {
            self.fix_nonbasic_state(j);
        }
        self.move_nonbasic(j);
        bad
    }
}
