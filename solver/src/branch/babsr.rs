//! BaBSR branching (Bunel, Lu, Turkaslan, Torr, Kohli, Kumar 2020): split the
//! unstable ReLU whose triangle relaxation costs the objective's bound most.
//!
//! The objective's lower bound back-substituted through the network reaches every
//! unstable unit's post-activation `y` with a coefficient `lambda`. A negative
//! `lambda` means the bound used the unit's upper relaxation `y <= u (x - l) / (u -
//! l)`, whose intercept `-u l / (u - l)` lowered the bound by `-lambda` times that
//! intercept; splitting the unit removes it. That loss is the score; units whose
//! coefficient is positive score by the size of their relaxation only (a small
//! second term), so that they are chosen when no unit has a loss. Candidates that
//! are not indicators of unstable units come last, by fractionality.

use super::{better, tie_key, BranchContext, BranchDecision, BranchingRule, ChildProbe, Direction};
use super::{Candidate, UnitInfo};

/// Weight of the relaxation size in the score of units without an intercept loss.
const SIZE_WEIGHT: f64 = 1e-3;

/// The BaBSR score of a unit: the bound lost to its upper relaxation's intercept,
/// plus a small multiple of its relaxation's size; 0 for stable units.
pub fn babsr_score(unit: &UnitInfo) -> f64 {
    let (l, u) = (unit.lower, unit.upper);
    if !(l < 0.0 && u > 0.0 && l.is_finite() && u.is_finite()) {
        return 0.0;
    }
    let intercept = -u * l / (u - l);
    let loss = (-unit.objective_coefficient).max(0.0) * intercept;
    loss + SIZE_WEIGHT * unit.objective_coefficient.abs() * intercept + f64::MIN_POSITIVE
}

/// The candidate with the best BaBSR score and its score; candidates without a
/// unit score below every unit, by fractionality.
pub(super) fn ranked(ctx: &BranchContext<'_>, seed: u64) -> Vec<(f64, u64, Candidate)> {
    let mut ranked: Vec<(f64, u64, Candidate)> = ctx
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let score = match ctx.units.get(i).copied().flatten() {
                Some(unit) => babsr_score(&unit),
                None => -1.0 + c.fraction.min(1.0 - c.fraction),
            };
            (score, tie_key(seed, c), *c)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
}

/// The child whose indicator value the LP is closer to.
pub(super) fn nearer_child(c: &Candidate) -> Direction {
    if c.fraction >= 0.5 {
        Direction::Up
    } else {
        Direction::Down
    }
}

/// BaBSR branching.
#[derive(Clone, Copy, Debug, Default)]
pub struct Babsr {
    seed: u64,
}

impl Babsr {
    /// The rule; `seed` breaks ties.
    pub fn new(seed: u64) -> Self {
        Babsr { seed }
    }
}

impl BranchingRule for Babsr {
    fn name(&self) -> &'static str {
        "babsr"
    }

    fn select(&mut self, ctx: &BranchContext<'_>, _probe: &mut dyn ChildProbe) -> BranchDecision {
        let mut best = ctx.candidates[0];
        let (mut best_score, mut best_key) = (f64::NEG_INFINITY, u64::MAX);
        for (score, key, c) in ranked(ctx, self.seed) {
            if better(score, key, best_score, best_key) {
                (best, best_score, best_key) = (c, score, key);
            }
        }
        BranchDecision {
            candidate: best,
            first: nearer_child(&best),
        }
    }

    fn fork(&self) -> Box<dyn BranchingRule> {
        Box::new(*self)
    }

    fn wants_units(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::branch::NoProbe;

    fn unit(lower: f64, upper: f64, coefficient: f64) -> Option<UnitInfo> {
        Some(UnitInfo {
            layer: 0,
            neuron: 0,
            lower,
            upper,
            objective_coefficient: coefficient,
        })
    }

    #[test]
    fn the_largest_intercept_loss_wins() {
        let candidates: Vec<Candidate> = (0..4)
            .map(|col| Candidate {
                col,
                value: 0.5,
                fraction: 0.5,
            })
            .collect();
        // Losses: 0.5 * 1 * 1 / 2 = 0.25; 2 * 1 * 3 / 4 = 1.5; none (positive
        // coefficient); none (stable).
        let units = [
            unit(-1.0, 1.0, -0.5),
            unit(-1.0, 3.0, -2.0),
            unit(-5.0, 5.0, 4.0),
            unit(0.5, 3.0, -9.0),
        ];
        let ctx = BranchContext {
            candidates: &candidates,
            lp_objective: 0.0,
            depth: 0,
            units: &units,
        };
        let decision = Babsr::new(0).select(&ctx, &mut NoProbe);
        assert_eq!(decision.candidate.col, 1);
        assert!(babsr_score(&units[3].expect("unit")) == 0.0);
        assert!(babsr_score(&units[2].expect("unit")) > 0.0);
    }
}
