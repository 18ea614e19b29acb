//! Most-fractional (most-infeasible) branching: the candidate whose fraction is
//! closest to one half; ties go to the lowest column index.

use super::{BranchContext, BranchDecision, BranchingRule, Direction};

/// Branch on the candidate with fraction closest to 0.5.
#[derive(Clone, Copy, Debug, Default)]
pub struct MostFractional;

impl BranchingRule for MostFractional {
    fn name(&self) -> &'static str {
        "most-fractional"
    }

    fn select(&mut self, ctx: &BranchContext<'_>) -> BranchDecision {
        let mut best = ctx.candidates[0];
        let mut best_score = -1.0;
        for c in ctx.candidates {
            let score = c.fraction.min(1.0 - c.fraction);
            if score > best_score + 1e-12 {
                best = *c;
                best_score = score;
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
        Box::new(MostFractional)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::branch::Candidate;

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
        };
        let d = MostFractional.select(&ctx);
        assert_eq!(d.candidate.col, 3);
        assert_eq!(d.first, Direction::Down);
    }
}
