//! Ratio tests: the dual one (Harris two-pass with bound flipping) and the primal one
//! (Harris two-pass with the entering variable's own bound).

use super::{DualSimplex, State};

/// Pivots smaller than this (in the scaled pivot row or column) are never taken.
pub(super) const PIVOT_TOL: f64 = 1e-7;

/// Result of the primal ratio test.
pub(super) enum PrimalStep {
    /// The entering variable reaches its other bound first (no basis change).
    Flip(f64),
    /// The basic variable at this position leaves after a step of the given length,
    /// going to its lower (`true`) or upper bound.
    Pivot(usize, f64, bool),
    /// Nothing blocks the step.
    Unbounded,
}

impl DualSimplex {
    /// Dual ratio test on the pivot row in `self.alpha` for a leaving variable whose
    /// primal infeasibility is `slope` (> 0); `sign` is +1 when it leaves to its upper
    /// bound and -1 to its lower bound. Boxed variables whose breakpoints are passed
    /// while the slope stays positive are listed in `self.flips`; the slope left after
    /// them (the dual objective gain per unit step) is stored in `self.last_slope`. Returns the entering
    /// variable, or None when the dual is unbounded along this row.
    pub(super) fn dual_ratio_test(
        &mut self,
        slope: f64,
        sign: f64,
        pivot_tol: f64,
    ) -> Option<usize> {
        self.flips.clear();
        self.cands.clear();
        for &j in &self.alpha_idx {
            let a = sign * self.alpha[j];
            if a.abs() <= pivot_tol || self.lower[j] == self.upper[j] {
                continue;
            }
            let eligible = match self.state[j] {
                State::Lower => a > 0.0,
                State::Upper => a < 0.0,
                State::Zero => true,
                State::Basic => false,
            };
            if eligible {
                self.cands.push((j, a));
            }
        }
        let mut slope = slope;
        let mut cands = std::mem::take(&mut self.cands);
        let result = loop {
            if cands.is_empty() {
                break None;
            }
            // Pass 1: the Harris bound on the step.
            let mut theta_max = f64::INFINITY;
            for &(j, a) in &cands {
                let tol = self.dtol[j];
                let r = if a > 0.0 {
                    (self.d[j] + tol) / a
                } else {
                    (self.d[j] - tol) / a
                };
                theta_max = theta_max.min(r);
            }
            // The breakpoints up to that bound: pass them all if the slope allows.
            let mut drop = 0.0;
            let mut all_boxed = true;
            for &(j, a) in &cands {
                if self.d[j] / a <= theta_max {
                    let range = self.upper[j] - self.lower[j];
                    if range.is_finite() && self.state[j] != State::Zero {
                        drop += a.abs() * range;
                    } else {
                        all_boxed = false;
                    }
                }
            }
            if all_boxed && slope - drop > 1e-12 {
                slope -= drop;
                let mut k = 0;
                while k < cands.len() {
                    let (j, a) = cands[k];
                    if self.d[j] / a <= theta_max {
                        self.flips.push(j);
                        cands.swap_remove(k);
                    } else {
                        k += 1;
                    }
                }
                continue;
            }
            // Pass 2: the largest pivot among the breakpoints within the bound.
            let mut best = None;
            let mut best_abs = 0.0;
            for &(j, a) in &cands {
                if self.d[j] / a <= theta_max && a.abs() > best_abs {
                    best_abs = a.abs();
                    best = Some(j);
                }
            }
            break best;
        };
        if result.is_none() && !cands.is_empty() {
            // Cannot happen (some candidate attains the bound); keep flips consistent.
            self.flips.clear();
        }
        self.cands = cands;
        self.last_slope = slope;
        result
    }

    /// Primal ratio test for entering variable `q` moving in direction `dir`, with its
    /// transformed column in `self.col`.
    pub(super) fn primal_ratio_test(&self, q: usize, dir: f64) -> PrimalStep {
        let range = self.upper[q] - self.lower[q];
        let mut theta_max = if self.state[q] == State::Zero {
            f64::INFINITY
        } else {
            range
        };
        for (k, &a) in self.col.iter().enumerate() {
            if a.abs() <= PIVOT_TOL {
                continue;
            }
            let j = self.head[k];
            let rate = -dir * a;
            let t = if rate < 0.0 {
                (self.x[j] - self.lower[j] + self.ptol[j]) / -rate
            } else {
                (self.upper[j] - self.x[j] + self.ptol[j]) / rate
            };
            theta_max = theta_max.min(t);
        }
        if !theta_max.is_finite() {
            return PrimalStep::Unbounded;
        }
        let mut best = None;
        let mut best_abs = 0.0;
        for (k, &a) in self.col.iter().enumerate() {
            if a.abs() <= PIVOT_TOL {
                continue;
            }
            let j = self.head[k];
            let rate = -dir * a;
            let (t, to_lower) = if rate < 0.0 {
                ((self.x[j] - self.lower[j]) / -rate, true)
            } else {
                ((self.upper[j] - self.x[j]) / rate, false)
            };
            if t <= theta_max && a.abs() > best_abs {
                best_abs = a.abs();
                best = Some((k, t.max(0.0), to_lower));
            }
        }
        match best {
            Some((k, t, to_lower)) if !(range <= t && self.state[q] != State::Zero) => {
                PrimalStep::Pivot(k, t, to_lower)
            }
            _ if range.is_finite() && self.state[q] != State::Zero => PrimalStep::Flip(range),
            _ => PrimalStep::Unbounded,
        }
    }
}
