//! Primal simplex phase 2: from a primal feasible basis to an optimal one or an
//! unbounded ray. Used to clean up dual infeasibilities left after removing the cost
//! perturbation and to finish LPs whose dual is infeasible.

use super::ratio_test::PrimalStep;
use super::solve::{Control, Outcome};
use super::{DualSimplex, State, NONE};

impl DualSimplex {
    /// Runs primal simplex iterations until no reduced cost has the wrong sign.
    pub(super) fn primal_phase2(&mut self, ctl: &Control) -> Outcome {
        let outcome = self.primal_loop(ctl);
        // The dual steepest-edge weights are stale after primal iterations.
        self.dse.iter_mut().for_each(|w| *w = 1.0);
        outcome
    }

    fn primal_loop(&mut self, ctl: &Control) -> Outcome {
        loop {
            if self.factor.wants_refactor() {
                if let Some(o) = self.refresh() {
                    return o;
                }
            }
            let Some((q, dir)) = self.choose_entering() else {
                return Outcome::Optimal;
            };
            if let Some(o) = ctl.check(self.iterations) {
                return o;
            }
            self.col.iter_mut().for_each(|v| *v = 0.0);
            let mut col = std::mem::take(&mut self.col);
            self.add_column(q, 1.0, &mut col);
            self.factor.ftran_entering(&mut col);
            self.col = col;
            match self.primal_ratio_test(q, dir) {
                PrimalStep::Unbounded => {
                    if self.factor.num_updates() > 0 {
                        if let Some(o) = self.refresh() {
                            return o;
                        }
                        continue;
                    }
                    return Outcome::Unbounded;
                }
                PrimalStep::Flip(range) => {
                    self.move_entering(q, dir * range);
                    self.state[q] = if self.state[q] == State::Lower {
                        State::Upper
                    } else {
                        State::Lower
                    };
                    self.x[q] = self.nonbasic_value(q);
                    self.iterations += 1;
                }
                PrimalStep::Pivot(r, theta, to_lower) => {
                    let p = self.head[r];
                    let a_col = self.col[r];
                    self.rho.iter_mut().for_each(|v| *v = 0.0);
                    self.rho[r] = 1.0;
                    self.factor.btran(&mut self.rho);
                    self.compute_pivot_row();
                    let a_row = self.alpha[q];
                    if (a_row - a_col).abs() > 1e-8 * (1.0 + a_col.abs())
                        && self.factor.num_updates() > 0
                    {
                        if let Some(o) = self.refresh() {
                            return o;
                        }
                        continue;
                    }
                    self.move_entering(q, dir * theta);
                    let theta_d = self.d[q] / a_col;
                    for &j in &self.alpha_idx {
                        self.d[j] -= theta_d * self.alpha[j];
                    }
                    self.d[p] = -theta_d;
                    self.d[q] = 0.0;
                    self.x[p] = if to_lower {
                        self.lower[p]
                    } else {
                        self.upper[p]
                    };
                    self.state[p] = if to_lower || self.lower[p] == self.upper[p] {
                        State::Lower
                    } else {
                        State::Upper
                    };
                    self.head[r] = q;
                    self.pos[q] = r;
                    self.pos[p] = NONE;
                    self.state[q] = State::Basic;
                    let updated = self.factor.update(r, a_col);
                    self.iterations += 1;
                    if !updated {
                        if let Some(o) = self.refresh() {
                            return o;
                        }
                    }
                }
            }
        }
    }

    /// Moves the entering variable by `step` and the basic variables along with it.
    fn move_entering(&mut self, q: usize, step: f64) {
        if step == 0.0 {
            return;
        }
        for (k, &a) in self.col.iter().enumerate() {
            if a != 0.0 {
                self.x[self.head[k]] -= step * a;
            }
        }
        self.x[q] += step;
    }
}
