//! Options shared by the commands that run a search: limits, search settings, and the
//! command-line names of the library's choices (`clap::ValueEnum` mirrors of its
//! plain enums).

use anyhow::Result;
use clap::{Args, ValueEnum};
use relumip_solver::branch::RuleKind;
use relumip_solver::cuts::CutFamilies;
use relumip_solver::formulate::Formulation;
use relumip_solver::io::relu::ReluSource;
use relumip_solver::lp::LpBackend;
use relumip_solver::search::{InputSplits, Schedule, Settings, SettingsBuilder, UnitSplits};
use relumip_solver::verify::BoundsMethod;
use std::time::Duration;

/// Branching rules, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BranchingArg {
    /// fsb for models with a ReLU structure, reliability for the others.
    Auto,
    /// Pseudocosts, measured by strong branching while unreliable.
    Reliability,
    /// Pseudocosts initialised by the first branchings.
    Pseudocost,
    /// The most fractional candidate.
    MostFractional,
    /// The unstable ReLU whose relaxation costs the objective's bound most.
    Babsr,
    /// Filtered smart branching: the best BaBSR candidates, children bounded by
    /// propagation.
    Fsb,
}

impl From<BranchingArg> for RuleKind {
    fn from(arg: BranchingArg) -> Self {
        match arg {
            BranchingArg::Auto => RuleKind::Auto,
            BranchingArg::Reliability => RuleKind::Reliability,
            BranchingArg::Pseudocost => RuleKind::Pseudocost,
            BranchingArg::MostFractional => RuleKind::MostFractional,
            BranchingArg::Babsr => RuleKind::Babsr,
            BranchingArg::Fsb => RuleKind::Fsb,
        }
    }
}

/// LP engines, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LpArg {
    /// relumip's bounded dual simplex.
    Dual,
    /// The microlp crate.
    Microlp,
}

impl From<LpArg> for LpBackend {
    fn from(arg: LpArg) -> Self {
        match arg {
            LpArg::Dual => LpBackend::DualSimplex,
            LpArg::Microlp => LpBackend::MicroLp,
        }
    }
}

/// Default `--time-limit` (seconds) of the commands that run searches of their own
/// accord (`sparse`, `train`, `adversarial`, `verify`); `solve` has none, like HiGHS
/// and CBC. Each command sets it with [`default_time_limit`].
pub const DEFAULT_TIME_LIMIT: &str = "300";

/// Help of `--time-limit` for `solve`, which has no default limit.
pub const NO_DEFAULT_TIME_LIMIT_HELP: &str =
    "Wall-clock time limit in seconds (inf: none) [default: none]";

/// Gives `--time-limit` the default [`DEFAULT_TIME_LIMIT`] (shown in `--help`).
pub fn default_time_limit(arg: clap::Arg) -> clap::Arg {
    arg.default_value(DEFAULT_TIME_LIMIT)
}

/// Limits of a search.
#[derive(Args, Debug)]
pub struct LimitArgs {
    /// Wall-clock time limit in seconds (inf: none).
    #[arg(long, value_name = "S")]
    pub time_limit: Option<f64>,
    /// Maximum number of branch-and-bound nodes.
    #[arg(long, value_name = "N")]
    pub node_limit: Option<u64>,
    /// Resident memory in MB at which the search stops with status memory_limit
    /// (past 80 % of it the workers dive depth-first) [default: 75 % of the
    /// machine's memory].
    #[arg(long, value_name = "MB")]
    pub memory_limit: Option<u64>,
    /// Relative gap at which to stop (default 1e-6).
    #[arg(long, value_name = "G")]
    pub gap: Option<f64>,
    /// Absolute gap at which to stop (default 1e-6).
    #[arg(long, value_name = "A")]
    pub abs_gap: Option<f64>,
}

impl LimitArgs {
    /// Adds the limits to `builder`.
    pub fn apply(&self, mut builder: SettingsBuilder) -> SettingsBuilder {
        builder = builder
            .time_limit_seconds(self.time_limit.filter(|&t| t != f64::INFINITY))
            .node_limit(self.node_limit)
            .memory_limit(self.memory_limit.map(|mb| mb.saturating_mul(1 << 20)));
        if let Some(gap) = self.gap {
            builder = builder.relative_gap(gap);
        }
        if let Some(gap) = self.abs_gap {
            builder = builder.absolute_gap(gap);
        }
        builder
    }
}

/// How the search runs (shared by every command that solves MILPs).
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Same answer, node count and log lines on every run with the same thread count.
    #[arg(long)]
    pub deterministic: bool,
    /// Branching rule.
    #[arg(long, value_name = "RULE", value_enum, default_value_t = BranchingArg::Auto)]
    pub branching: BranchingArg,
    /// LP engine.
    #[arg(long, value_name = "ENGINE", value_enum, default_value_t = LpArg::Dual)]
    pub lp: LpArg,
    /// Seed for tie-breaking and randomised heuristics.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// Cut families separated at the root: all, none, or a comma-separated list of
    /// relu, gomory, knapsack-cover.
    #[arg(long, value_name = "FAMILIES", default_value = "all", value_parser = parse_cut_families)]
    pub cuts: CutFamilies,
    /// Do not separate cutting planes at the root (the same as --cuts none).
    #[arg(long, conflicts_with = "cuts")]
    pub no_cuts: bool,
    /// Local ReLU cuts at nodes, separated with the node's bounds and kept in its
    /// LP only: off, on (nodes up to the default depth), or the deepest node depth
    /// (default: the library's).
    #[arg(long, value_name = "off|on|DEPTH", value_parser = parse_local_cuts)]
    pub local_cuts: Option<LocalCutsArg>,
    /// Children inherit the node cuts that were active at their parent's last LP
    /// (default: the library's).
    #[arg(long, value_name = "on|off", value_enum)]
    pub node_cut_inherit: Option<SwitchArg>,
    /// Keep the root cuts left out of the LP in a pool with aging and add them back
    /// at nodes that violate them (default: the library's).
    #[arg(long, value_name = "on|off", value_enum)]
    pub cut_pool: Option<SwitchArg>,
    /// Tighten integer columns at every LP-bounded node by their reduced costs and
    /// the cutoff (default: on).
    #[arg(long, value_name = "on|off", value_enum)]
    pub reduced_cost_fixing: Option<SwitchArg>,
    /// Do not use the model's ReLU structure in the search (no neuron-stability
    /// propagation at the nodes).
    #[arg(long)]
    pub no_relu_propagation: bool,
    /// Branch on the inputs of the model's network, without an LP, at nodes that
    /// leave units unstable: auto (networks with at most 10 inputs), on (any
    /// bounded inputs) or off.
    #[arg(long, value_name = "auto|on|off", value_enum, default_value_t = InputSplitsArg::Auto)]
    pub input_splits: InputSplitsArg,
    /// Nodes with at most this many unstable units are bounded by their LP and
    /// branched on indicators instead of inputs.
    #[arg(long, value_name = "N", default_value_t = relumip_solver::search::DEFAULT_INPUT_SPLIT_UNSTABLE)]
    pub input_split_unstable: usize,
    /// Adam steps of optimised lower slopes on the objective's output functions at
    /// each input-split node before its split (0: off); a node they prove beyond the
    /// cutoff is closed.
    #[arg(long, value_name = "N", default_value_t = relumip_solver::search::DEFAULT_INPUT_SPLIT_ALPHA_STEPS)]
    pub input_split_alpha: usize,
    /// Branch on unit indicators without an LP (nodes bounded by propagation and
    /// optimised slopes) while more than 10 units are unstable: auto (feasibility
    /// questions on networks with more than 10 inputs), on or off.
    #[arg(long, value_name = "auto|on|off", value_enum, default_value_t = InputSplitsArg::Off)]
    pub unit_splits: InputSplitsArg,
    /// Print nothing but errors (and the answer).
    #[arg(long)]
    pub quiet: bool,
    /// Seconds between periodic log lines.
    #[arg(long, value_name = "S", default_value_t = 5.0)]
    pub log_interval: f64,
}

impl SearchArgs {
    /// A settings builder with these options (no limits).
    pub fn builder(&self) -> Result<SettingsBuilder> {
        let mut builder = Settings::builder()
            .schedule(if self.deterministic {
                Schedule::Deterministic
            } else {
                Schedule::Opportunistic
            })
            .branching(self.branching.into())
            .lp_backend(self.lp.into())
            .seed(self.seed)
            .cuts(if self.no_cuts {
                CutFamilies::none()
            } else {
                self.cuts
            })
            .relu_propagation(!self.no_relu_propagation)
            .input_splits(self.input_splits.into())
            .input_split_unstable(self.input_split_unstable)
            .input_split_alpha_steps(self.input_split_alpha)
            .unit_splits(self.unit_splits.into())
            .log_interval(seconds("log-interval", self.log_interval)?);
        if let Some(LocalCutsArg(depth)) = self.local_cuts {
            builder = builder.local_cuts(depth);
        }
        if let Some(inherit) = self.node_cut_inherit {
            builder = builder.inherit_node_cuts(inherit == SwitchArg::On);
        }
        if let Some(pool) = self.cut_pool {
            builder = builder.cut_pool(pool == SwitchArg::On);
        }
        if let Some(fixing) = self.reduced_cost_fixing {
            builder = builder.reduced_cost_fixing(fixing == SwitchArg::On);
        }
        if let Some(threads) = self.threads {
            anyhow::ensure!(threads >= 1, "--threads must be at least 1");
            builder = builder.threads(threads);
        }
        Ok(builder)
    }

    /// The validated search settings these options ask for (no limits).
    pub fn settings(&self) -> Result<Settings> {
        Ok(self.builder()?.build()?)
    }

    /// The validated search settings with `limits`.
    pub fn settings_with(&self, limits: &LimitArgs) -> Result<Settings> {
        Ok(limits.apply(self.builder()?).build()?)
    }
}

/// `--input-splits` and `--unit-splits`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputSplitsArg {
    /// By the model (the option's help says how).
    Auto,
    /// For every model where the split applies.
    On,
    /// Never.
    Off,
}

impl From<InputSplitsArg> for UnitSplits {
    fn from(arg: InputSplitsArg) -> Self {
        match arg {
            InputSplitsArg::Auto => UnitSplits::Auto,
            InputSplitsArg::On => UnitSplits::On,
            InputSplitsArg::Off => UnitSplits::Off,
        }
    }
}

impl From<InputSplitsArg> for InputSplits {
    fn from(arg: InputSplitsArg) -> Self {
        match arg {
            InputSplitsArg::Auto => InputSplits::Auto,
            InputSplitsArg::On => InputSplits::On,
            InputSplitsArg::Off => InputSplits::Off,
        }
    }
}

/// An option that is on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SwitchArg {
    /// Switched on.
    On,
    /// Switched off.
    Off,
}

/// `--local-cuts`: the deepest node depth of local cuts, `None` for off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalCutsArg(pub Option<u32>);

/// `--local-cuts` from its command-line form: `off`, `on` (the default depth) or a
/// depth.
pub fn parse_local_cuts(text: &str) -> std::result::Result<LocalCutsArg, String> {
    match text.trim() {
        "off" => Ok(LocalCutsArg(None)),
        "on" => Ok(LocalCutsArg(Some(
            relumip_solver::search::DEFAULT_LOCAL_CUT_DEPTH,
        ))),
        depth => depth
            .parse::<u32>()
            .map(|d| LocalCutsArg(Some(d)))
            .map_err(|_| format!("expected off, on or a node depth, got '{depth}'")),
    }
}

/// A set of cut families from its command-line form (`all`, `none`, or names).
pub fn parse_cut_families(text: &str) -> std::result::Result<CutFamilies, String> {
    text.parse()
}

/// A time limit in seconds as a duration, `None` for `inf` (no limit); refuses
/// negative values and NaN.
pub fn time_limit(name: &str, value: f64) -> Result<Option<Duration>> {
    if value == f64::INFINITY {
        return Ok(None);
    }
    seconds(name, value).map(Some)
}

/// Seconds as a duration, refusing negative and non-finite values.
pub fn seconds(name: &str, value: f64) -> Result<Duration> {
    if !(value.is_finite() && value >= 0.0) {
        anyhow::bail!("--{name} must be a non-negative number of seconds, got {value}");
    }
    Ok(Duration::from_secs_f64(value))
}

/// Pre-activation bound methods, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BoundsArg {
    /// Interval arithmetic.
    Interval,
    /// Symbolic back-substitution.
    Symbolic,
    /// Symbolic, then LP tightening.
    Lp,
}

impl From<BoundsArg> for BoundsMethod {
    fn from(arg: BoundsArg) -> Self {
        match arg {
            BoundsArg::Interval => BoundsMethod::Interval,
            BoundsArg::Symbolic => BoundsMethod::Symbolic,
            BoundsArg::Lp => BoundsMethod::Lp,
        }
    }
}

/// A MILP formulation from its command-line name (`bigm`, `partition`,
/// `partition:P`).
pub fn parse_formulation(name: &str) -> std::result::Result<Formulation, String> {
    Formulation::from_name(name).ok_or_else(|| {
        format!(
            "unknown formulation '{name}' (expected bigm, partition or partition:P with P >= 1)"
        )
    })
}

/// Where `solve` takes the model's ReLU structure from, by its command-line value:
/// `auto` (the sidecar beside the file, else detection), `off`, or a sidecar file.
pub fn parse_relu_source(value: &str) -> std::result::Result<ReluSource, String> {
    if value.is_empty() {
        return Err("expected auto, off or the path of a JSON sidecar".into());
    }
    Ok(ReluSource::from_arg(value))
}
