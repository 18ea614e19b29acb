//! Reliability branching: pseudocost branching whose unreliable pseudocosts (fewer
//! than `RELIABLE` observations in a direction) are first measured by strong
//! branching, i.e. by solving the children's LPs with an iteration limit.
//!
//! Candidates are probed in order of their pseudocost score; probing stops after
//! `MAX_PROBES` candidates or when the best score has not changed for `LOOKAHEAD`
//! probes. Every probe result is recorded as a pseudocost observation, so the rule
//! becomes plain pseudocost branching once the pseudocosts are reliable.

use super::{
    better, first_direction, product_score, tie_key, BranchContext, BranchDecision,
    BranchObservation, BranchingRule, ChildProbe, Direction, ProbeOutcome, Pseudocosts,
};

/// Observations per direction after which a pseudocost is trusted.
const RELIABLE: u32 = 4;
/// Most candidates probed at one node.
const MAX_PROBES: usize = 10;
/// Probes without improvement of the best score before probing stops.
const LOOKAHEAD: usize = 4;

/// Reliability branching.
#[derive(Clone, Debug)]
pub struct ReliabilityBranching {
    costs: Pseudocosts,
    seed: u64,
}

impl ReliabilityBranching {
    /// A rule with no observations yet; `seed` breaks ties.
    pub fn new(num_cols: usize, seed: u64) -> Self {
        ReliabilityBranching {
            costs: Pseudocosts::new(num_cols),
            seed,
        }
    }

    fn reliable(&self, col: usize) -> bool {
        self.costs.observations(col, Direction::Down) >= RELIABLE
            && self.costs.observations(col, Direction::Up) >= RELIABLE
    }

    /// Gain of one probed child; records it as an observation.
    fn measure(
        &mut self,
        outcome: ProbeOutcome,
        col: usize,
        direction: Direction,
        distance: f64,
        parent: f64,
    ) -> Option<f64> {
        let gain = match outcome {
            ProbeOutcome::Objective(obj) => (obj - parent).max(0.0),
            ProbeOutcome::Pruned => f64::INFINITY,
            ProbeOutcome::Unknown => return None,
        };
        self.costs.record(&BranchObservation {
            col,
            direction,
            distance,
            gain,
        });
        Some(gain)
    }
}

impl BranchingRule for ReliabilityBranching {
    fn name(&self) -> &'static str {
        "reliability"
    }

    fn select(&mut self, ctx: &BranchContext<'_>, probe: &mut dyn ChildProbe) -> BranchDecision {
        // Pseudocost estimates, best first.
        let mut scored: Vec<(f64, f64, f64, usize)> = ctx
            .candidates
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let (down, up) = self.costs.estimates(c);
                (product_score(down, up), down, up, k)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.3.cmp(&b.3)));
        let mut best: Option<(usize, f64, f64, f64, u64)> = None; // (index, score, down, up, key)
        let mut probes = 0;
        let mut since_improvement = 0;
        for &(score, down, up, k) in &scored {
            let c = ctx.candidates[k];
            let (mut down, mut up, mut score) = (down, up, score);
            if !self.reliable(c.col) && probes < MAX_PROBES && since_improvement < LOOKAHEAD {
                probes += 1;
                let d = probe.probe(&c, Direction::Down);
                let u = probe.probe(&c, Direction::Up);
                let dg = self.measure(d, c.col, Direction::Down, c.fraction, ctx.lp_objective);
                let ug = self.measure(u, c.col, Direction::Up, 1.0 - c.fraction, ctx.lp_objective);
                down = dg.unwrap_or(down);
                up = ug.unwrap_or(up);
                score = product_score(down.min(1e12), up.min(1e12));
            }
            let key = tie_key(self.seed, &c);
            let improves = best.is_none_or(|(_, bs, _, _, bk)| better(score, key, bs, bk));
            if improves {
                best = Some((k, score, down, up, key));
                since_improvement = 0;
            } else {
                since_improvement += 1;
            }
        }
        let (k, _, down, up, _) = best.unwrap_or((0, 0.0, 0.0, 0.0, 0));
        let candidate = ctx.candidates[k];
        BranchDecision {
            candidate,
            first: first_direction(down, up, candidate.fraction),
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
    use crate::branch::Candidate;

    /// A probe with fixed child objectives per column.
    struct Table(Vec<(f64, f64)>, usize);

    impl ChildProbe for Table {
        fn probe(&mut self, c: &Candidate, d: Direction) -> ProbeOutcome {
            self.1 += 1;
            let (down, up) = self.0[c.col];
            ProbeOutcome::Objective(match d {
                Direction::Down => down,
                Direction::Up => up,
            })
        }
    }

    #[test]
    fn probes_unreliable_candidates_and_picks_the_best_product() {
        let cands: Vec<Candidate> = (0..3)
            .map(|col| Candidate {
                col,
                value: 0.5,
                fraction: 0.5,
            })
            .collect();
        let ctx = BranchContext {
            candidates: &cands,
            lp_objective: 0.0,
            depth: 0,
            units: &[],
        };
        let mut table = Table(vec![(1.0, 1.0), (3.0, 2.0), (10.0, 0.0)], 0);
        let mut rule = ReliabilityBranching::new(3, 0);
        let d = rule.select(&ctx, &mut table);
        assert_eq!(d.candidate.col, 1);
        assert_eq!(d.first, Direction::Up);
        assert_eq!(table.1, 6);
        // Once reliable, no more probes.
        for _ in 0..RELIABLE {
            rule.select(&ctx, &mut table);
        }
        let before = table.1;
        rule.select(&ctx, &mut table);
        assert_eq!(table.1, before);
    }
}
