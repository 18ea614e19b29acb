//! What a benchmark run is asked to do, and what it wrote.

use crate::config::SolverSpec;
use anyhow::{ensure, Result};
use regex::Regex;
use relumip_solver::formulate::Formulation;
use relumip_solver::verify::BoundsMethod;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Default time limit of MPS suites (seconds).
pub const DEFAULT_TIME_LIMIT: f64 = 60.0;

/// The options of a benchmark run (those of `relumip bench`).
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// The suite: a folder of MPS files (with a `.solu` file of known answers), or a
    /// VNN-COMP `instances.csv` (or its folder, with a `groundtruth.csv` beside it).
    pub suite: PathBuf,
    /// The solvers asked for, in order, configurations of relumip among them; `None`
    /// for relumip, highs and cbc (with relumip-verify first on network suites). A
    /// peer missing from `PATH` is skipped.
    pub solvers: Option<Vec<SolverSpec>>,
    /// Time limit per instance in seconds; `None` for the instance list's timeout of
    /// network instances, else [`DEFAULT_TIME_LIMIT`].
    pub time_limit: Option<f64>,
    /// Threads of every solver (at least 1).
    pub threads: usize,
    /// Relative gap at which every solver stops (non-negative).
    pub gap: f64,
    /// Only the instances whose name matches this expression.
    pub filter: Option<Regex>,
    /// Output folder for the logs, the MPS files of network instances and the reports;
    /// `None` for `bench-out/<suite name>`.
    pub out: Option<PathBuf>,
    /// Runs of every solver on every instance (at least 1).
    pub repeat: usize,
    /// MILP formulation of network instances.
    pub formulation: Formulation,
    /// Pre-activation bounds of network instances.
    pub bounds: BoundsMethod,
    /// Seconds of LP bound tightening per input region when exporting network
    /// instances; `None` for a fifth of the instance's time limit (the share that
    /// `relumip verify` gives it).
    pub bounds_budget: Option<f64>,
    /// The machine as the summary names it; `None` for the core count and CPU model.
    pub machine: Option<String>,
    /// The date in the summary; `None` for today (UTC).
    pub date: Option<String>,
    /// No progress bar and no progress lines.
    pub quiet: bool,
    /// The relumip executable that the relumip solvers run.
    pub relumip: PathBuf,
    /// The command line as the summary shows it.
    pub command: String,
}

impl BenchOptions {
    /// Checks the numbers: at least one thread and one run, a non-negative gap, a
    /// positive time limit and a non-negative bounds budget.
    pub fn validate(&self) -> Result<()> {
        ensure!(self.threads >= 1, "--threads must be at least 1");
        ensure!(self.repeat >= 1, "--repeat must be at least 1");
        ensure!(
            self.gap >= 0.0 && self.gap.is_finite(),
            "--gap must be a non-negative number"
        );
        if let Some(t) = self.time_limit {
            ensure!(
                t.is_finite() && t > 0.0,
                "--time-limit must be a positive number of seconds"
            );
        }
        if let Some(b) = self.bounds_budget {
            ensure!(
                b.is_finite() && b >= 0.0,
                "--bounds-budget must be a non-negative number of seconds"
            );
        }
        Ok(())
    }
}

/// What a benchmark run wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchOutcome {
    /// `results.csv`.
    pub results_csv: PathBuf,
    /// `summary.md`.
    pub summary_md: PathBuf,
    /// The text of `summary.md`.
    pub summary: String,
    /// The plots written (none when plotting failed).
    pub plots: Vec<PathBuf>,
    /// Runs whose answer contradicts the known one.
    pub wrong: usize,
    /// Pairs of runs whose answers contradict each other.
    pub disagreements: usize,
}

impl BenchOutcome {
    /// The sections of the summary worth printing at the end of a run: the
    /// disagreements and the per-solver summary table.
    pub fn console_summary(&self) -> String {
        let mut text = String::new();
        let mut keep = false;
        for line in self.summary.lines() {
            if line.starts_with("## ") {
                keep = line == "## Disagreements" || line == "## Summary";
            }
            if keep {
                let _ = writeln!(text, "{line}");
            }
        }
        text
    }
}
