//! `relumip solve FILE`: read an MPS file, run the branch-and-bound, print the log and
//! write the requested result files.

use crate::log::{print_header, print_summary, LogPrinter};
use crate::output::{write_solution, write_stats};
use anyhow::{Context, Result};
use clap::Args;
use relumip_solver::branch::RULE_NAMES;
use relumip_solver::io::mps::read_mps;
use relumip_solver::lp::LpBackend;
use relumip_solver::search::{solve, NoProgress, ProgressSink, Schedule, Settings};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Limits of a search.
#[derive(Args, Debug)]
pub struct LimitArgs {
    /// Wall-clock time limit in seconds.
    #[arg(long, value_name = "S")]
    pub time_limit: Option<f64>,
    /// Maximum number of branch-and-bound nodes.
    #[arg(long, value_name = "N")]
    pub node_limit: Option<u64>,
    /// Relative gap at which to stop (default 1e-6).
    #[arg(long, value_name = "G")]
    pub gap: Option<f64>,
    /// Absolute gap at which to stop (default 1e-6).
    #[arg(long, value_name = "A")]
    pub abs_gap: Option<f64>,
}

impl LimitArgs {
    /// Writes the limits into `settings`.
    pub fn apply(&self, settings: &mut Settings) -> Result<()> {
        settings.time_limit = self
            .time_limit
            .map(|t| seconds("time-limit", t))
            .transpose()?;
        settings.node_limit = self.node_limit;
        if let Some(gap) = self.gap {
            anyhow::ensure!(gap >= 0.0, "--gap must be non-negative, got {gap}");
            settings.relative_gap = gap;
        }
        if let Some(gap) = self.abs_gap {
            anyhow::ensure!(gap >= 0.0, "--abs-gap must be non-negative, got {gap}");
            settings.absolute_gap = gap;
        }
        Ok(())
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
    #[arg(long, value_name = "RULE", default_value = "reliability", value_parser = clap::builder::PossibleValuesParser::new(RULE_NAMES))]
    pub branching: String,
    /// LP engine.
    #[arg(long, value_name = "ENGINE", default_value = "dual", value_parser = ["dual", "microlp"])]
    pub lp: String,
    /// Seed for tie-breaking and randomised heuristics.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// Do not separate cutting planes at the root.
    #[arg(long)]
    pub no_cuts: bool,
    /// Print nothing but errors (and the answer).
    #[arg(long)]
    pub quiet: bool,
    /// Seconds between periodic log lines.
    #[arg(long, value_name = "S", default_value_t = 5.0)]
    pub log_interval: f64,
}

impl SearchArgs {
    /// The search settings these options ask for (no limits).
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        if let Some(threads) = self.threads {
            anyhow::ensure!(threads >= 1, "--threads must be at least 1");
            settings.threads = threads;
        }
        settings.schedule = if self.deterministic {
            Schedule::Deterministic
        } else {
            Schedule::Opportunistic
        };
        settings.branching = self.branching.clone();
        settings.lp_backend = LpBackend::from_name(&self.lp)
            .with_context(|| format!("unknown LP engine '{}'", self.lp))?;
        settings.seed = self.seed;
        settings.cuts = !self.no_cuts;
        settings.log_interval = seconds("log-interval", self.log_interval)?;
        Ok(settings)
    }
}

/// Options of `relumip solve`.
#[derive(Args, Debug)]
pub struct SolveArgs {
    /// The model: MPS (free or fixed), plain or gzip-compressed.
    pub file: PathBuf,
    /// Limits.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
    /// Write the solution: status and objective, then one `name value` line per column.
    #[arg(long, value_name = "FILE")]
    pub solution: Option<PathBuf>,
    /// Write every figure of the summary as JSON.
    #[arg(long, value_name = "FILE.json")]
    pub stats: Option<PathBuf>,
    /// Stop at the first feasible solution (status solution_limit); for feasibility
    /// questions such as the verification MILPs of `relumip export`.
    #[arg(long)]
    pub first_solution: bool,
}

/// Seconds as a duration, refusing negative and non-finite values.
pub fn seconds(name: &str, value: f64) -> Result<Duration> {
    if !(value.is_finite() && value >= 0.0) {
        anyhow::bail!("--{name} must be a non-negative number of seconds, got {value}");
    }
    Ok(Duration::from_secs_f64(value))
}

/// Builds the search settings from the command-line options.
pub fn settings_from(args: &SolveArgs) -> Result<Settings> {
    let mut settings = args.search.settings()?;
    args.limits.apply(&mut settings)?;
    settings.stop_at_first_solution = args.first_solution;
    Ok(settings)
}

/// Runs `relumip solve`.
pub fn run(args: &SolveArgs) -> Result<()> {
    let settings = settings_from(args)?;
    let read_started = Instant::now();
    let model = read_mps(&args.file)?;
    let read_time = read_started.elapsed();
    let printer = LogPrinter::new(args.search.quiet);
    if !args.search.quiet {
        print_header(&model, &settings, &args.file, read_time);
    }
    let sink: &dyn ProgressSink = if args.search.quiet {
        &NoProgress
    } else {
        &printer
    };
    let result = solve(&model, &settings, sink)?;
    let write_started = Instant::now();
    if let Some(path) = &args.solution {
        write_solution(path, &model, &result)?;
    }
    let mut write_time = write_started.elapsed();
    if let Some(path) = &args.stats {
        let started = Instant::now();
        write_stats(path, &model, &settings, &result, read_time, write_time)?;
        write_time += started.elapsed();
    }
    if !args.search.quiet {
        print_summary(&model, &result, read_time, write_time);
    }
    Ok(())
}
