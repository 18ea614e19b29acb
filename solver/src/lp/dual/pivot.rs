//! The basis exchange shared by the dual and the primal simplex: the values move
//! along the pivot column and row, the leaving variable goes to its bound, the
//! bookkeeping of the basis changes and the LU factors are updated.

use super::solve::Outcome;
use super::{DualSimplex, State, NONE};

/// One basis change, with the transformed entering column in `self.col` and the
/// pivot row in `self.alpha` / `self.alpha_idx`.
pub(super) struct Pivot {
    /// Basis position of the leaving variable.
    pub row: usize,
    /// The entering variable.
    pub entering: usize,
    /// Change of the entering variable's value; the basic values follow along
    /// `self.col`.
    pub primal_step: f64,
    /// Change of the entering variable's dual value: each nonbasic reduced cost
    /// `d_j` falls by `dual_step * alpha_j`, and the leaving variable's becomes
    /// `-dual_step`.
    pub dual_step: f64,
    /// True when the leaving variable becomes nonbasic at its lower bound (else at
    /// its upper bound).
    pub leaves_at_lower: bool,
}

impl DualSimplex {
    /// Carries out `pivot`: primal values, reduced costs, the leaving variable's
    /// bound and state, the basis head, the LU update and the iteration count. `Some`
    /// when the LU update failed and the refactorisation asks the iteration to stop
    /// (see [`DualSimplex::refresh`]).
    pub(super) fn exchange_basis(&mut self, pivot: Pivot) -> Option<Outcome> {
        let Pivot {
            row: r,
            entering: q,
            primal_step,
            dual_step,
            leaves_at_lower,
        } = pivot;
        let p = self.head[r];
        let pivot_element = self.col[r];
        self.move_entering(q, primal_step);
        if dual_step != 0.0 {
            for &j in &self.alpha_idx {
                self.d[j] -= dual_step * self.alpha[j];
            }
        }
        self.d[p] = -dual_step;
        self.d[q] = 0.0;
        self.replace_basic(r, q);
        self.x[p] = if leaves_at_lower {
            self.lower[p]
        } else {
            self.upper[p]
        };
        self.state[p] = if leaves_at_lower || self.lower[p] == self.upper[p] {
            State::Lower
        } else {
            State::Upper
        };
        let updated = self.factor.update(r, pivot_element);
        self.iterations += 1;
        if updated {
            None
        } else {
            self.refresh()
        }
    }

    /// Computes `rho = B^{-T} e_r` in `self.rho` and the pivot row of basis position
    /// `r` in `self.alpha` / `self.alpha_idx`.
    pub(super) fn compute_row_of(&mut self, r: usize) {
        self.rho.iter_mut().for_each(|v| *v = 0.0);
        self.rho[r] = 1.0;
        self.factor.btran(&mut self.rho);
        self.compute_pivot_row();
    }

    /// Computes the transformed column `B^{-1} a_q` of the entering variable `q` in
    /// `self.col` (keeping the spike for the LU update).
    pub(super) fn compute_entering_column(&mut self, q: usize) {
        self.col.iter_mut().for_each(|v| *v = 0.0);
        let mut col = std::mem::take(&mut self.col);
        self.add_column(q, 1.0, &mut col);
        self.factor.ftran_entering(&mut col);
        self.col = col;
    }

    /// Puts `entering` into the basis at `position` in place of the variable there,
    /// which it returns; the caller sets that variable's nonbasic state and value.
    pub(super) fn replace_basic(&mut self, position: usize, entering: usize) -> usize {
        let leaving = self.head[position];
        self.head[position] = entering;
        self.pos[entering] = position;
        self.pos[leaving] = NONE;
        self.state[entering] = State::Basic;
        leaving
    }

    /// Moves the entering variable by `step` and the basic variables along with it
    /// (along the transformed column in `self.col`).
    pub(super) fn move_entering(&mut self, q: usize, step: f64) {
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
