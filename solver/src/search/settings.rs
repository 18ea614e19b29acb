//! Search settings: every knob of a solve, with documented defaults, and a builder
//! that validates them.
//!
//! ```
//! use relumip_solver::search::{Schedule, Settings};
//! use relumip_solver::branch::RuleKind;
//! use std::time::Duration;
//!
//! let settings = Settings::builder()
//!     .threads(2)
//!     .time_limit(Duration::from_secs(10))
//!     .branching(RuleKind::Pseudocost)
//!     .schedule(Schedule::Deterministic)
//!     .build()
//!     .expect("valid settings");
//! assert_eq!(settings.threads, 2);
//! assert!(Settings::builder().relative_gap(-1.0).build().is_err());
//! ```

use crate::branch::RuleKind;
use crate::cuts::CutFamilies;
use crate::error::{Error, Result};
use crate::lp::LpBackend;
use crate::model::Tolerances;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
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

/// Whether the search branches on the inputs of the model's network (see
/// [`crate::relu::InputSplitter`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputSplits {
    /// On networks with at most [`crate::relu::INPUT_SPLIT_MAX_INPUTS`] inputs and
    /// units unstable at the root: for feasibility questions (the first solution
    /// wanted) at every depth with many unstable units, else in the top levels;
    /// when optimising until a node's best split stalls (see
    /// [`crate::search::AUTO_OPTIMISATION_STALL_SHARE`]).
    #[default]
    Auto,
    /// For every network whose inputs are bounded (also when optimising: a node
    /// whose inputs are all narrow goes to its LP).
    On,
    /// Never: only integer columns are branched on.
    Off,
}

impl InputSplits {
    /// Parses `auto`, `on` or `off`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(InputSplits::Auto),
            "on" => Some(InputSplits::On),
            "off" => Some(InputSplits::Off),
            _ => None,
        }
    }

    /// The name [`InputSplits::from_name`] reads.
    pub fn name(self) -> &'static str {
        match self {
            InputSplits::Auto => "auto",
            InputSplits::On => "on",
            InputSplits::Off => "off",
        }
    }
}

/// Whether the search branches on unit indicators without an LP at nodes with many
/// unstable units (see [`Settings::unit_splits`]).
///
/// Off by default: on local-robustness properties of networks with 64 and 784
/// inputs (2-6 hidden layers of 256 units, 30 s, 2 threads) the LP-free nodes are
/// 10-30x cheaper and decided more single cases on two instances, but lost cases
/// that the LP search decides (its root LP with ReLU cuts is far stronger than the
/// propagated bounds), and no instance was decided by LP-free splits alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UnitSplits {
    /// For feasibility questions on networks with more than
    /// [`crate::relu::INPUT_SPLIT_MAX_INPUTS`] inputs (where input splits do not
    /// pay and a node's LP is large).
    Auto,
    /// For every model with a ReLU structure and a linear objective over its outputs.
    On,
    /// Never: every indicator split is made on the node's LP.
    #[default]
    Off,
}

impl UnitSplits {
    /// Parses `auto`, `on` or `off`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(UnitSplits::Auto),
            "on" => Some(UnitSplits::On),
            "off" => Some(UnitSplits::Off),
            _ => None,
        }
    }

    /// The name [`UnitSplits::from_name`] reads.
    pub fn name(self) -> &'static str {
        match self {
            UnitSplits::Auto => "auto",
            UnitSplits::On => "on",
            UnitSplits::Off => "off",
        }
    }
}

/// Settings of one branch-and-bound run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Wall-clock limit for the whole solve.
    pub time_limit: Option<Duration>,
    /// Maximum number of nodes to process.
    pub node_limit: Option<u64>,
    /// Resident memory in bytes at which the search stops with status
    /// `memory_limit` (past 80 % of it the workers dive); `None`: the default,
    /// [`crate::search::memory::DEFAULT_MACHINE_SHARE`] of the machine.
    pub memory_limit: Option<u64>,
    /// Stop when `|incumbent - bound| <= relative_gap * |incumbent|` (default 1e-6).
    pub relative_gap: f64,
    /// Stop when `|incumbent - bound| <= absolute_gap` (default 1e-6).
    pub absolute_gap: f64,
    /// Number of worker threads (at least 1).
    pub threads: usize,
    /// Work stealing or deterministic rounds.
    pub schedule: Schedule,
    /// The branching rule.
    pub branching: RuleKind,
    /// Seed for every randomised choice (tie-breaking, heuristics).
    pub seed: u64,
    /// LP backend.
    pub lp_backend: LpBackend,
    /// Feasibility and integrality tolerances.
    pub tolerances: Tolerances,
    /// Interval between periodic progress events.
    pub log_interval: Duration,
    /// The families of cutting planes separated at the root (default: all; the
    /// ReLU family needs the model's ReLU structure).
    pub cuts: CutFamilies,
    /// Separate ReLU cuts at nodes with the node's bounds (needs the ReLU family in
    /// `cuts` and the model's ReLU structure). Such cuts are valid in the node's
    /// subtree only: they are rows of the node's LP while the node is processed and
    /// are removed before the next node.
    pub local_cuts: bool,
    /// Deepest node (root = 0) at which local ReLU cuts are separated.
    pub local_cut_depth: u32,
    /// Children inherit the rows their parent's LP added (local cuts and pool
    /// cuts) that were active at its last LP, instead of starting from the shared
    /// rows only.
    pub inherit_node_cuts: bool,
    /// Keep the root cuts that the root LP left out in a pool, and add them back at
    /// nodes whose LP point violates them (for the node's LP only); a cut inactive
    /// at [`CUT_POOL_MAX_AGE`] consecutive uses leaves the pool.
    pub cut_pool: bool,
    /// Tighten the bounds of integer columns at every LP-bounded node by their
    /// reduced costs and the cutoff (the children inherit them).
    pub reduced_cost_fixing: bool,
    /// Use the model's ReLU structure in the search (neuron-stability propagation
    /// at every node); off, the structure only serves the forward-pass heuristic
    /// and the ReLU cuts.
    pub relu_propagation: bool,
    /// Branch on the network's inputs (without an LP) at nodes that still have
    /// more than [`Settings::input_split_unstable`] unstable units; needs
    /// `relu_propagation`.
    pub input_splits: InputSplits,
    /// Nodes with at most this many unstable units are bounded by their LP and
    /// branched on indicators instead of inputs.
    pub input_split_unstable: usize,
    /// Adam steps of optimised lower slopes (alpha-CROWN style) on the objective's
    /// output functions at an input-split node whose propagated bound does not
    /// reach the cutoff, before it is split; the node is closed when the optimised
    /// bound reaches the cutoff (0: off).
    pub input_split_alpha_steps: usize,
    /// When optimising, `--input-splits auto` splits inputs only on networks with
    /// at least this many units unstable at the root (fewer: the LP search).
    pub optimisation_split_min_unstable: usize,
    /// Branch on unit indicators without an LP at nodes that are not input-split
    /// and leave more than [`LP_FREE_MAX_UNSTABLE`] units unstable: the node is
    /// bounded by its propagation and optimised lower slopes, and split on the unit
    /// whose children's propagated bounds are best (of the top BaBSR candidates);
    /// needs `relu_propagation`.
    pub unit_splits: UnitSplits,
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
    /// A stop from outside the search (another thread sets it): the search ends
    /// as at its time limit once it is set.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            time_limit: None,
            node_limit: None,
            memory_limit: None,
            relative_gap: DEFAULT_RELATIVE_GAP,
            absolute_gap: DEFAULT_ABSOLUTE_GAP,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            schedule: Schedule::Opportunistic,
            branching: RuleKind::default(),
            seed: 0,
            lp_backend: LpBackend::default(),
            tolerances: Tolerances::default(),
            log_interval: Duration::from_secs(5),
            cuts: CutFamilies::all(),
            local_cuts: false,
            local_cut_depth: DEFAULT_LOCAL_CUT_DEPTH,
            inherit_node_cuts: true,
            cut_pool: false,
            reduced_cost_fixing: true,
            relu_propagation: true,
            input_splits: InputSplits::default(),
            input_split_unstable: DEFAULT_INPUT_SPLIT_UNSTABLE,
            input_split_alpha_steps: DEFAULT_INPUT_SPLIT_ALPHA_STEPS,
            optimisation_split_min_unstable: DEFAULT_OPTIMISATION_SPLIT_MIN_UNSTABLE,
            unit_splits: UnitSplits::default(),
            objective_limit: None,
            stop_at_first_solution: false,
            initial_solution: None,
            cancel: None,
        }
    }
}

/// Nodes with at most this many unstable units go to their LP even when
/// [`Settings::unit_splits`] applies: its relaxation is nearly exact there, and a
/// node without unstable units needs it to decide its linear region.
pub const LP_FREE_MAX_UNSTABLE: usize = 10;

/// Default of [`Settings::input_split_unstable`].
pub const DEFAULT_INPUT_SPLIT_UNSTABLE: usize = 0;
/// Default of [`Settings::input_split_alpha_steps`]. On ACAS Xu net 1_1 property 5
/// (2 threads), case 2 takes 0.5 s with 20 steps, 21 s with 5 and 53 s without
/// (before the split choice by both halves and the stall rule of feasibility
/// questions); with those, 5 and 20 steps decide the same instances in about the
/// same time.
pub const DEFAULT_INPUT_SPLIT_ALPHA_STEPS: usize = 10;
/// Default of [`Settings::optimisation_split_min_unstable`]. The shipped
/// `relu5-16-16-3` (32 unstable units) takes 0.1 s with the LP search and 12 s with
/// input splits and the stall rule; the generated networks of the benchmark (40 to
/// 150 unstable units) gain from input splits (3 -> 11 of 16 solved).
pub const DEFAULT_OPTIMISATION_SPLIT_MIN_UNSTABLE: usize = 40;
/// Default deepest node of local ReLU cuts ([`Settings::local_cut_depth`]).
pub const DEFAULT_LOCAL_CUT_DEPTH: u32 = 10;
/// Consecutive inactive uses after which a cut leaves the pool
/// ([`Settings::cut_pool`]).
pub const CUT_POOL_MAX_AGE: u32 = 3;

/// Relative gap at which a run counts as optimal.
pub const DEFAULT_RELATIVE_GAP: f64 = 1e-6;
/// Absolute gap at which a run counts as optimal.
pub const DEFAULT_ABSOLUTE_GAP: f64 = 1e-6;

impl Settings {
    /// A builder starting from the defaults.
    pub fn builder() -> SettingsBuilder {
        SettingsBuilder {
            settings: Settings::default(),
            error: None,
        }
    }

    /// Checks every value: at least one thread, non-negative finite gaps, a positive
    /// log interval, tolerances in `(0, 0.5)`, a finite objective limit.
    pub fn validate(&self) -> Result<()> {
        let invalid = |what: String| Err(Error::Invalid(what));
        if self.threads == 0 {
            return invalid("the number of threads must be at least 1".into());
        }
        for (name, gap) in [
            ("relative gap", self.relative_gap),
            ("absolute gap", self.absolute_gap),
        ] {
            if !(gap.is_finite() && gap >= 0.0) {
                return invalid(format!(
                    "the {name} must be a non-negative number, got {gap}"
                ));
            }
        }
        if self.log_interval.is_zero() {
            return invalid("the log interval must be positive".into());
        }
        for (name, tol) in [
            ("feasibility tolerance", self.tolerances.feasibility),
            ("integrality tolerance", self.tolerances.integrality),
        ] {
            if !(tol > 0.0 && tol < 0.5) {
                return invalid(format!("the {name} must lie in (0, 0.5), got {tol}"));
            }
        }
        if let Some(limit) = self.objective_limit {
            if !limit.is_finite() {
                return invalid(format!("the objective limit must be finite, got {limit}"));
            }
        }
        if let Some(start) = &self.initial_solution {
            if start.iter().any(|v| !v.is_finite()) {
                return invalid("the initial solution has a non-finite value".into());
            }
        }
        Ok(())
    }
}

/// Builds validated [`Settings`]: every setter takes a plain value, [`build`]
/// checks them all.
///
/// [`build`]: SettingsBuilder::build
#[derive(Clone, Debug)]
pub struct SettingsBuilder {
    settings: Settings,
    /// The first value refused by a setter.
    error: Option<String>,
}

impl SettingsBuilder {
    /// Wall-clock limit for the whole solve (`None`: no limit).
    pub fn time_limit(mut self, limit: impl Into<Option<Duration>>) -> Self {
        self.settings.time_limit = limit.into();
        self
    }

    /// Wall-clock limit in seconds; a negative or non-finite value is an error at
    /// [`SettingsBuilder::build`].
    pub fn time_limit_seconds(mut self, seconds: Option<f64>) -> Self {
        match seconds.map(Duration::try_from_secs_f64) {
            None => self.settings.time_limit = None,
            Some(Ok(limit)) => self.settings.time_limit = Some(limit),
            Some(Err(_)) => {
                self.error.get_or_insert(format!(
                    "the time limit must be a non-negative number of seconds, got {}",
                    seconds.unwrap_or_default()
                ));
            }
        }
        self
    }

    /// Maximum number of nodes (`None`: no limit).
    pub fn node_limit(mut self, limit: Option<u64>) -> Self {
        self.settings.node_limit = limit;
        self
    }

    /// Resident memory in bytes at which the search stops (`None`: the default
    /// share of the machine).
    pub fn memory_limit(mut self, bytes: Option<u64>) -> Self {
        self.settings.memory_limit = bytes;
        self
    }

    /// Relative gap at which the search stops.
    pub fn relative_gap(mut self, gap: f64) -> Self {
        self.settings.relative_gap = gap;
        self
    }

    /// Absolute gap at which the search stops.
    pub fn absolute_gap(mut self, gap: f64) -> Self {
        self.settings.absolute_gap = gap;
        self
    }

    /// Number of worker threads.
    pub fn threads(mut self, threads: usize) -> Self {
        self.settings.threads = threads;
        self
    }

    /// Work stealing or deterministic rounds.
    pub fn schedule(mut self, schedule: Schedule) -> Self {
        self.settings.schedule = schedule;
        self
    }

    /// The branching rule.
    pub fn branching(mut self, rule: RuleKind) -> Self {
        self.settings.branching = rule;
        self
    }

    /// Seed for every randomised choice.
    pub fn seed(mut self, seed: u64) -> Self {
        self.settings.seed = seed;
        self
    }

    /// The LP backend.
    pub fn lp_backend(mut self, backend: LpBackend) -> Self {
        self.settings.lp_backend = backend;
        self
    }

    /// Feasibility and integrality tolerances.
    pub fn tolerances(mut self, tolerances: Tolerances) -> Self {
        self.settings.tolerances = tolerances;
        self
    }

    /// Interval between periodic progress events.
    pub fn log_interval(mut self, interval: Duration) -> Self {
        self.settings.log_interval = interval;
        self
    }

    /// The cut families separated at the root: a [`CutFamilies`] set, one
    /// [`crate::cuts::CutFamily`], or `true` (all) / `false` (none).
    pub fn cuts(mut self, cuts: impl Into<CutFamilies>) -> Self {
        self.settings.cuts = cuts.into();
        self
    }

    /// The cut families by name: `all`, `none`, or a comma-separated list such as
    /// `relu,gomory`; an unknown name is an error at [`SettingsBuilder::build`].
    pub fn cut_families(mut self, names: &str) -> Self {
        match names.parse::<CutFamilies>() {
            Ok(families) => self.settings.cuts = families,
            Err(message) => {
                self.error.get_or_insert(message);
            }
        }
        self
    }

    /// Local ReLU cuts at nodes of depth at most `depth` (`None`: none).
    pub fn local_cuts(mut self, depth: Option<u32>) -> Self {
        self.settings.local_cuts = depth.is_some();
        if let Some(depth) = depth {
            self.settings.local_cut_depth = depth;
        }
        self
    }

    /// Whether children inherit the active rows their parent's LP added.
    pub fn inherit_node_cuts(mut self, on: bool) -> Self {
        self.settings.inherit_node_cuts = on;
        self
    }

    /// Whether integer columns are tightened by reduced costs at nodes.
    pub fn reduced_cost_fixing(mut self, on: bool) -> Self {
        self.settings.reduced_cost_fixing = on;
        self
    }

    /// Whether dropped root cuts are kept in a pool and re-added at nodes.
    pub fn cut_pool(mut self, on: bool) -> Self {
        self.settings.cut_pool = on;
        self
    }

    /// Whether the search branches on the network's inputs.
    pub fn input_splits(mut self, mode: InputSplits) -> Self {
        self.settings.input_splits = mode;
        self
    }

    /// Nodes with at most this many unstable units are bounded by their LP.
    pub fn input_split_unstable(mut self, units: usize) -> Self {
        self.settings.input_split_unstable = units;
        self
    }

    /// Adam steps of optimised slopes at input-split nodes (0: off).
    pub fn input_split_alpha_steps(mut self, steps: usize) -> Self {
        self.settings.input_split_alpha_steps = steps;
        self
    }

    /// When optimising, input splits only with at least this many units unstable
    /// at the root (see [`Settings::optimisation_split_min_unstable`]).
    pub fn optimisation_split_min_unstable(mut self, units: usize) -> Self {
        self.settings.optimisation_split_min_unstable = units;
        self
    }

    /// Whether the search branches on unit indicators without an LP.
    pub fn unit_splits(mut self, mode: UnitSplits) -> Self {
        self.settings.unit_splits = mode;
        self
    }

    /// Whether the search uses the model's ReLU structure.
    pub fn relu_propagation(mut self, on: bool) -> Self {
        self.settings.relu_propagation = on;
        self
    }

    /// Only solutions at least this good (model sense) are wanted.
    pub fn objective_limit(mut self, limit: Option<f64>) -> Self {
        self.settings.objective_limit = limit;
        self
    }

    /// Stop at the first accepted solution.
    pub fn stop_at_first_solution(mut self, stop: bool) -> Self {
        self.settings.stop_at_first_solution = stop;
        self
    }

    /// A known solution to start from.
    pub fn initial_solution(mut self, solution: Option<Vec<f64>>) -> Self {
        self.settings.initial_solution = solution;
        self
    }

    /// The settings, or the first invalid value.
    pub fn build(self) -> Result<Settings> {
        if let Some(error) = self.error {
            return Err(Error::Invalid(error));
        }
        self.settings.validate()?;
        Ok(self.settings)
    }
}
