//! Most-fractional (most-infeasible) branching: the candidate whose fraction is
//! closest to one half; ties go to the lowest column index.

use super::{better, tie_key, BranchContext, BranchDecision, BranchingRule, ChildProbe, Direction};

/// Branch on the candidate with fraction closest to 0.5.
#[derive(Clone, Copy, Debug, Default)]
pub struct MostFractional {
    seed: u64,
}

impl MostFractional {
    /// The rule; `seed` breaks ties.
    pub fn new(seed: u64) -> Self {
        MostFractional { seed }
    }
}

impl BranchingRule for MostFractional {
    fn name(&self) -> &'static str {
        "most-fractional"
    }

    fn select(&mut self, ctx: &BranchContext<'_>, _probe: &mut dyn ChildProbe) -> BranchDecision {
        let mut best = ctx.candidates[0];
        let mut best_score = f64::NEG_INFINITY;
        let mut best_key = u64::MAX;
        for c in ctx.candidates {
            let score = c.fraction.min(1.0 - c.fraction);
            let key = tie_key(self.seed, c);
            if better(score, key, best_score, best_key) {
                best = *c;
                best_score = score;
                best_key = key;
            }
        }
        let first = if best.fraction >= 0.5 {
            Direction::Up
        } else {
            Direction::Down
        };
        BranchDecision {
            candidate: best,
            first,
        }
    }

    fn fork(&self) -> Box<dyn BranchingRule> {
        Box::new(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::branch::{Candidate, NoProbe};

    #[test]
    fn picks_fraction_nearest_half() {
        let cands = [
            Candidate {
                col: 0,
                value: 0.1,
                fraction: 0.1,
            },
            Candidate {
                col: 3,
                value: 2.45,
                fraction: 0.45,
            },
            Candidate {
                col: 5,
                value: 0.7,
                fraction: 0.7,
            },
        ];
        let ctx = BranchContext {
            candidates: &cands,
            lp_objective: 0.0,
            depth: 0,
            units: &[],
        };
        let d = MostFractional::new(0).select(&ctx, &mut NoProbe);
        assert_eq!(d.candidate.col, 3);
        assert_eq!(d.first, Direction::Down);
    }
}
