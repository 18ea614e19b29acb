//! Reduced-cost fixing at a node: with the node's LP optimum `z`, the cutoff `c`
//! (only points below it are wanted) and an integer column nonbasic at its lower
//! bound `l` with reduced cost `d > 0`, every point of the node's LP with
//! `x_j = l + k` costs at least `z + k d`, so `x_j <= l + floor((c - z) / d)` holds
//! for every wanted point of the subtree (and symmetrically at the upper bound with
//! `d < 0`). The tightened bounds go to the children with the node's other derived
//! changes; the LP point keeps satisfying them (the column sits at the bound that
//! stays).

use super::Processor;
use crate::propagation::BoundChange;
use smallvec::SmallVec;

/// A reduced cost smaller than this (in absolute value) fixes nothing.
const MIN_REDUCED_COST: f64 = 1e-7;

/// A column this close to a bound sits at it.
const AT_BOUND: f64 = 1e-9;

/// Slack added to the allowed change before rounding down (LP tolerances).
const ROUNDING_SLACK: f64 = 1e-6;

impl Processor<'_, '_> {
    /// Tightens the bounds of integer columns by their reduced costs (see the
    /// module documentation) and records the changes in `derived`; `objective` is
    /// the node's LP optimum and `cutoff` the objective from which points are
    /// unwanted (minimisation form).
    pub(super) fn fix_by_reduced_costs(
        &mut self,
        derived: &mut SmallVec<[BoundChange; 4]>,
        objective: f64,
        cutoff: f64,
    ) {
        if !self.ctx.settings.reduced_cost_fixing || !cutoff.is_finite() {
            return;
        }
        let gap = cutoff - objective;
        if gap <= 0.0 {
            return;
        }
        let Some(reduced) = self.lp.reduced_costs() else {
            return;
        };
        let primal = self.lp.primal();
        let mut fixed = Vec::new();
        for (j, (&d, &x)) in reduced.iter().zip(primal).enumerate() {
            if !self.ctx.structure.integral[j] || d.abs() < MIN_REDUCED_COST {
                continue;
            }
            let (lower, upper) = (self.dom.lower[j], self.dom.upper[j]);
            let reach = (gap / d.abs() + ROUNDING_SLACK).floor();
            let tightened = if d > 0.0 && (x - lower).abs() <= AT_BOUND {
                (lower, upper.min(lower + reach))
            } else if d < 0.0 && (x - upper).abs() <= AT_BOUND {
                (lower.max(upper - reach), upper)
            } else {
                continue;
            };
            if tightened != (lower, upper) {
                fixed.push(BoundChange {
                    col: j,
                    lower: tightened.0,
                    upper: tightened.1,
                });
            }
        }
        self.stats.reduced_cost_fixings += fixed.len() as u64;
        for change in fixed {
            self.dom.set(change.col, change.lower, change.upper);
            match derived.iter_mut().find(|c| c.col == change.col) {
                Some(existing) => *existing = change,
                None => derived.push(change),
            }
        }
    }
}
