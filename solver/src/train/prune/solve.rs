//! Solving the pruning MILP: warm start, search, polishing of the solution, and the
//! forward-pass check of the network read from it.

use super::{prune_milp, PruneMilp, PruneOptions};
use crate::error::{Error, Result};
use crate::search::{solve, NoProgress, ProgressSink, Settings, SolveResult, Status};
use crate::train::classify::Params;
use std::time::{Duration, Instant};

/// The outcome of [`train_prune`].
#[derive(Clone, Debug)]
pub struct PruneOutcome {
    /// The search result.
    pub result: SolveResult,
    /// The trained network's parameters (standardised inputs), if a solution exists.
    pub params: Option<Params>,
    /// Hidden neurons switched off.
    pub pruned_neurons: usize,
    /// Zero weights (both layers, biases not counted).
    pub zero_weights: usize,
    /// All weights (both layers).
    pub total_weights: usize,
    /// Samples in the MILP.
    pub milp_samples: usize,
    /// Samples whose LP big-M bounds are tighter than interval bounds.
    pub tighter_than_interval: usize,
    /// Largest difference between the MILP's outputs and a forward pass.
    pub max_output_mismatch: f64,
}

/// Builds and solves the pruning MILP on `xs`/`ys`, then checks by a forward pass
/// that the network's outputs agree with the MILP's on every sample in it.
pub fn train_prune(
    xs: &[Vec<f64>],
    ys: &[usize],
    classes: usize,
    options: &PruneOptions,
    settings: &Settings,
    sink: &dyn ProgressSink,
) -> Result<PruneOutcome> {
    let milp = prune_milp(xs, ys, classes, options)?;
    solve_prune(&milp, xs, settings, sink)
}

/// Longest time of the polishing LP.
const POLISH_TIME: Duration = Duration::from_secs(60);
/// Shortest time of the polishing LP, even past the time limit (within the
/// allowance of half a second past it).
const MIN_POLISH_TIME: Duration = Duration::from_millis(500);

/// Solves a built pruning MILP; see [`train_prune`].
pub fn solve_prune(
    milp: &PruneMilp,
    xs: &[Vec<f64>],
    settings: &Settings,
    sink: &dyn ProgressSink,
) -> Result<PruneOutcome> {
    // The time limit covers the warm start, the search and the polishing LP.
    let deadline = settings.time_limit.map(|t| Instant::now() + t);
    let left = || deadline.map(|d| d.saturating_duration_since(Instant::now()));
    let mut settings = settings.clone();
    if milp.options.warm_start && settings.initial_solution.is_none() {
        settings.initial_solution = milp.warm_start(xs)?;
    }
    settings.time_limit = left();
    let result = solve(&milp.model, &settings, sink)?;
    let mut outcome = PruneOutcome {
        params: None,
        pruned_neurons: 0,
        zero_weights: 0,
        total_weights: 0,
        milp_samples: milp.samples.len(),
        tighter_than_interval: milp.tighter_than_interval,
        max_output_mismatch: 0.0,
        result,
    };
    let Some(solution) = outcome.result.solution.clone() else {
        return Ok(outcome);
    };
    // The polishing LP is short; it gets at least half a second past the limit.
    let polish_time = left().map_or(POLISH_TIME, |l| l.max(MIN_POLISH_TIME).min(POLISH_TIME));
    let x = milp.polish(solution, &settings, polish_time)?;
    let params = milp.params(&x);
    let net = params.network()?;
    let (mismatch, scale) = milp.output_mismatch(&net, xs, &x);
    if mismatch > 1e-5 * (1.0 + scale) {
        return Err(Error::Invalid(format!(
            "the network read from the MILP solution disagrees with the MILP's outputs by {mismatch:.3e}: refusing the answer"
        )));
    }
    outcome.max_output_mismatch = mismatch;
    outcome.pruned_neurons = milp.pruned_neurons(&x);
    let all: Vec<f64> = params.weights.iter().flatten().copied().collect();
    outcome.total_weights = all.len();
    outcome.zero_weights = all.iter().filter(|v| **v == 0.0).count();
    outcome.params = Some(params);
    Ok(outcome)
}

impl PruneMilp {
    /// The solution `x` re-solved as an LP with its binaries fixed, so that the
    /// outputs hold with LP accuracy (`x` itself when that LP is not solved to
    /// optimality).
    fn polish(&self, x: Vec<f64>, settings: &Settings, time: Duration) -> Result<Vec<f64>> {
        let mut fixed = self.model.clone();
        for (var, &value) in fixed.variables.iter_mut().zip(&x) {
            if var.kind.is_integral() {
                var.lower = value.round();
                var.upper = value.round();
            }
        }
        let lp_settings = Settings {
            threads: 1,
            time_limit: Some(time),
            ..settings.clone()
        };
        let polished = solve(&fixed, &lp_settings, &NoProgress)?;
        match (polished.status, polished.solution) {
            (Status::Optimal, Some(polished_x)) => Ok(polished_x),
            _ => Ok(x),
        }
    }
}
