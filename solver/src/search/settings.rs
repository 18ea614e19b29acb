//! Search settings: every knob of a solve, with documented defaults.

use crate::lp::LpBackend;
use crate::model::Tolerances;
use std::time::Duration;

/// How the open nodes are spread over the threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Schedule {
    /// Work stealing: fastest, but node counts and logs vary between runs.
    #[default]
    Opportunistic,
    /// Synchronous rounds: the same answer, node count and log on every run with the
    /// same number of threads.
    Deterministic,
}

/// Settings of one branch-and-bound run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Wall-clock limit for the whole solve.
    pub time_limit: Option<Duration>,
    /// Maximum number of nodes to process.
    pub node_limit: Option<u64>,
    /// Stop when `|incumbent - bound| <= relative_gap * |incumbent|` (default 1e-6).
    pub relative_gap: f64,
    /// Stop when `|incumbent - bound| <= absolute_gap` (default 1e-6).
    pub absolute_gap: f64,
    /// Number of worker threads (at least 1).
    pub threads: usize,
    /// Work stealing or deterministic rounds.
    pub schedule: Schedule,
    /// Name of the branching rule (see [`crate::branch::RULE_NAMES`]).
    pub branching: String,
    /// Seed for every randomised choice (tie-breaking, heuristics).
    pub seed: u64,
    /// LP backend.
    pub lp_backend: LpBackend,
    /// Feasibility and integrality tolerances.
    pub tolerances: Tolerances,
    /// Interval between periodic progress events.
    pub log_interval: Duration,
    /// Separate cutting planes at the root.
    pub cuts: bool,
    /// Only solutions at least this good (model sense) are wanted; subtrees that
    /// cannot reach it are pruned, and a search that finds none ends `infeasible`
    /// ("no solution within the limit").
    pub objective_limit: Option<f64>,
    /// Stop at the first accepted solution (status `solution_limit`).
    pub stop_at_first_solution: bool,
    /// A known solution (one value per column) to start from: if it passes the
    /// check against the model, it is the first incumbent; otherwise it is ignored
    /// with a warning.
    pub initial_solution: Option<Vec<f64>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            time_limit: None,
            node_limit: None,
            relative_gap: DEFAULT_RELATIVE_GAP,
            absolute_gap: DEFAULT_ABSOLUTE_GAP,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            schedule: Schedule::Opportunistic,
            branching: "reliability".to_string(),
            seed: 0,
            lp_backend: LpBackend::default(),
            tolerances: Tolerances::default(),
            log_interval: Duration::from_secs(5),
            cuts: true,
            objective_limit: None,
            stop_at_first_solution: false,
            initial_solution: None,
        }
    }
}

/// Relative gap at which a run counts as optimal.
pub const DEFAULT_RELATIVE_GAP: f64 = 1e-6;
/// Absolute gap at which a run counts as optimal.
pub const DEFAULT_ABSOLUTE_GAP: f64 = 1e-6;
