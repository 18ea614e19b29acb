//! Pseudocost branching.
//!
//! A pseudocost is the average objective gain per unit of distance observed when a
//! column was branched on, kept separately for the down and the up child. The score of
//! a candidate is the product `max(down, eps) * max(up, eps)` of its estimated gains.
//! A direction that has never been observed uses the average over all observed
//! columns; before any observation every estimate is 1, so the first choices are those
//! of most-fractional branching, and the gains of these first branchings initialise
//! the pseudocosts.

use super::{
    better, tie_key, BranchContext, BranchDecision, BranchObservation, BranchingRule, Candidate,
    ChildProbe, Direction,
};

/// Smallest gain used in the product score.
const SCORE_EPS: f64 = 1e-6;
/// Gain counted for an infeasible child, in units of the average gain.
const INFEASIBLE_GAIN_FACTOR: f64 = 10.0;

/// Running sums of observed per-unit gains, per column and direction.
#[derive(Clone, Debug, Default)]
pub struct Pseudocosts {
    sum: [Vec<f64>; 2],
    count: [Vec<u32>; 2],
    total_sum: [f64; 2],
    total_count: [u64; 2],
}

fn slot(direction: Direction) -> usize {
    match direction {
        Direction::Down => 0,
        Direction::Up => 1,
    }
}

impl Pseudocosts {
    /// Empty pseudocosts for `num_cols` columns.
    pub fn new(num_cols: usize) -> Self {
        Pseudocosts {
            sum: [vec![0.0; num_cols], vec![0.0; num_cols]],
            count: [vec![0; num_cols], vec![0; num_cols]],
            total_sum: [0.0; 2],
            total_count: [0; 2],
        }
    }

    /// Average per-unit gain over all observations in a direction (1 if none).
    pub fn average(&self, direction: Direction) -> f64 {
        let d = slot(direction);
        if self.total_count[d] == 0 {
            1.0
        } else {
            self.total_sum[d] / self.total_count[d] as f64
        }
    }

    /// Estimated per-unit gain of `col` in `direction`.
    pub fn unit_gain(&self, col: usize, direction: Direction) -> f64 {
        let d = slot(direction);
        match self.count[d].get(col) {
            Some(&n) if n > 0 => self.sum[d][col] / n as f64,
            _ => self.average(direction),
        }
    }

    /// Number of observations of `col` in `direction`.
    pub fn observations(&self, col: usize, direction: Direction) -> u32 {
        self.count[slot(direction)].get(col).copied().unwrap_or(0)
    }

    /// Estimated objective gains `(down, up)` of branching on a candidate.
    pub fn estimates(&self, c: &Candidate) -> (f64, f64) {
        (
            self.unit_gain(c.col, Direction::Down) * c.fraction,
            self.unit_gain(c.col, Direction::Up) * (1.0 - c.fraction),
        )
    }

    /// Records one observation.
    pub fn record(&mut self, obs: &BranchObservation) {
        let d = slot(obs.direction);
        if obs.col >= self.sum[d].len() || obs.distance <= 0.0 {
            return;
        }
        let unit = if obs.gain.is_finite() {
            obs.gain.max(0.0) / obs.distance
        } else {
            INFEASIBLE_GAIN_FACTOR * self.average(obs.direction)
        };
        self.sum[d][obs.col] += unit;
        self.count[d][obs.col] += 1;
        self.total_sum[d] += unit;
        self.total_count[d] += 1;
    }
}

/// The product score of estimated down and up gains.
pub fn product_score(down: f64, up: f64) -> f64 {
    down.max(SCORE_EPS) * up.max(SCORE_EPS)
}

/// The child to explore first: the one expected to keep the bound lower (up on ties
/// when the value is closer to its ceiling).
pub fn first_direction(down: f64, up: f64, fraction: f64) -> Direction {
    if up < down || (up == down && fraction >= 0.5) {
        Direction::Up
    } else {
        Direction::Down
    }
}

/// Product-score pseudocost branching.
#[derive(Clone, Debug)]
pub struct PseudocostBranching {
    costs: Pseudocosts,
    seed: u64,
}

impl PseudocostBranching {
    /// A rule with no observations yet; `seed` breaks ties.
    pub fn new(num_cols: usize, seed: u64) -> Self {
        PseudocostBranching {
            costs: Pseudocosts::new(num_cols),
            seed,
        }
    }

    /// The learned pseudocosts.
    pub fn pseudocosts(&self) -> &Pseudocosts {
        &self.costs
    }
}

impl BranchingRule for PseudocostBranching {
    fn name(&self) -> &'static str {
        "pseudocost"
    }

    fn select(&mut self, ctx: &BranchContext<'_>, _probe: &mut dyn ChildProbe) -> BranchDecision {
        let mut best = ctx.candidates[0];
        let mut best_score = f64::NEG_INFINITY;
        let mut best_key = u64::MAX;
        let mut best_down = 0.0;
        let mut best_up = 0.0;
        for c in ctx.candidates {
            let (down, up) = self.costs.estimates(c);
            let score = product_score(down, up);
            let key = tie_key(self.seed, c);
            if better(score, key, best_score, best_key) {
                best = *c;
                best_score = score;
                best_key = key;
                best_down = down;
                best_up = up;
            }
        }
        BranchDecision {
            candidate: best,
            first: first_direction(best_down, best_up, best.fraction),
        }
    }

    fn observe(&mut self, observation: &BranchObservation) {
        self.costs.record(observation);
    }

    fn fork(&self) -> Box<dyn BranchingRule> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::branch::{Candidate, NoProbe};

    #[test]
    fn learns_from_observed_gains() {
        let mut rule = PseudocostBranching::new(3, 0);
        let cands = [
            Candidate {
                col: 0,
                value: 0.5,
                fraction: 0.5,
            },
            Candidate {
                col: 1,
                value: 0.5,
                fraction: 0.5,
            },
        ];
        // Column 1 has shown large gains in both directions.
        for direction in [Direction::Down, Direction::Up] {
            rule.observe(&BranchObservation {
                col: 1,
                direction,
                distance: 0.5,
                gain: 5.0,
            });
            rule.observe(&BranchObservation {
                col: 0,
                direction,
                distance: 0.5,
                gain: 0.1,
            });
        }
        let ctx = BranchContext {
            candidates: &cands,
            lp_objective: 0.0,
            depth: 3,
            units: &[],
        };
        assert_eq!(rule.select(&ctx, &mut NoProbe).candidate.col, 1);
        assert!((rule.pseudocosts().unit_gain(1, Direction::Up) - 10.0).abs() < 1e-12);
        // An unobserved column gets the average.
        let avg = rule.pseudocosts().average(Direction::Down);
        assert!((rule.pseudocosts().unit_gain(2, Direction::Down) - avg).abs() < 1e-12);
    }
}
