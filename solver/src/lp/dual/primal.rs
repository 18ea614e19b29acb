//! Primal simplex phase 2: from a primal feasible basis to an optimal one or an
//! unbounded ray. Used to clean up dual infeasibilities left after removing the cost
//! perturbation and to finish LPs whose dual is infeasible.

use super::pivot::Pivot;
use super::ratio_test::PrimalStep;
use super::solve::{Control, Outcome};
use super::{DualSimplex, State};

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
            self.compute_entering_column(q);
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
                    let a_col = self.col[r];
                    self.compute_row_of(r);
                    let a_row = self.alpha[q];
                    if (a_row - a_col).abs() > 1e-8 * (1.0 + a_col.abs())
                        && self.factor.num_updates() > 0
                    {
                        if let Some(o) = self.refresh() {
                            return o;
                        }
                        continue;
                    }
                    let pivot = Pivot {
                        row: r,
                        entering: q,
                        primal_step: dir * theta,
                        dual_step: self.d[q] / a_col,
                        leaves_at_lower: to_lower,
                    };
                    if let Some(o) = self.exchange_basis(pivot) {
                        return o;
                    }
                }
            }
        }
    }
}
