//! `relumip bench SUITE`: run a suite through relumip and the peer solvers on the very
//! same MILPs and write the comparison (the harness is the `relumip-bench` library).

use super::args::{parse_formulation, BoundsArg};
use anyhow::{Context, Result};
use clap::Args;
use relumip_bench::config::parse_solvers;
use relumip_bench::report::command_line;
use relumip_bench::suite::name_filter;
use relumip_bench::BenchOptions;
use relumip_solver::formulate::Formulation;
use std::path::PathBuf;

/// Options of `relumip bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The suite: a folder of MPS files (with a .solu file of known answers), or a
    /// VNN-COMP instances.csv (or its folder, with a groundtruth.csv beside it).
    pub suite: PathBuf,
    /// Solvers, comma-separated: relumip, relumip-verify (network suites), highs, cbc,
    /// and configurations of relumip as solvers of their own, with settings in
    /// brackets: relumip[branching=babsr;seed=1] (keys: branching, lp, cuts, relu,
    /// propagation, seed, deterministic; relumip-verify also strategy, bounds,
    /// formulation, disjunction) [default: relumip,highs,cbc;
    /// relumip-verify,relumip,highs,cbc for network suites].
    #[arg(long, value_name = "LIST")]
    pub solvers: Option<String>,
    /// Time limit per instance in seconds [default: the instance list's timeout for
    /// network suites, else 60].
    #[arg(long, value_name = "S")]
    pub time_limit: Option<f64>,
    /// Threads of every solver.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub threads: usize,
    /// Relative gap at which every solver stops.
    #[arg(long, value_name = "G", default_value_t = 1e-6)]
    pub gap: f64,
    /// Only the instances whose name matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub filter: Option<String>,
    /// Output folder for the logs, the MPS files of network instances and the reports
    /// [default: bench-out/<suite name>].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Runs of every solver on every instance.
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub repeat: usize,
    /// MILP formulation of network instances: bigm, partition or partition:P.
    #[arg(long, default_value = "bigm", value_name = "F", value_parser = parse_formulation)]
    pub formulation: Formulation,
    /// Pre-activation bounds of network instances (as `relumip verify` computes them).
    #[arg(long, value_enum, default_value_t = BoundsArg::Lp, value_name = "METHOD")]
    pub bounds: BoundsArg,
    /// Seconds of LP bound tightening per input region when exporting [default: a fifth
    /// of the instance's time limit, the share `relumip verify` gives it].
    #[arg(long, value_name = "S")]
    pub bounds_budget: Option<f64>,
    /// The machine, as the summary should name it [default: core count and CPU model].
    #[arg(long, value_name = "TEXT")]
    pub machine: Option<String>,
    /// The date in the summary [default: today, UTC].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

impl BenchArgs {
    /// The options of the benchmark run.
    fn options(&self) -> Result<BenchOptions> {
        let mut words: Vec<String> = std::env::args().collect();
        if let Some(first) = words.first_mut() {
            *first = "relumip".into();
        }
        Ok(BenchOptions {
            suite: self.suite.clone(),
            solvers: self.solvers.as_deref().map(parse_solvers).transpose()?,
            time_limit: self.time_limit,
            threads: self.threads,
            gap: self.gap,
            filter: self.filter.as_deref().map(name_filter).transpose()?,
            out: self.out.clone(),
            repeat: self.repeat,
            formulation: self.formulation,
            bounds: self.bounds.into(),
            bounds_budget: self.bounds_budget,
            machine: self.machine.clone(),
            date: self.date.clone(),
            quiet: self.quiet,
            relumip: std::env::current_exe().context("cannot locate the relumip executable")?,
            command: command_line(&words),
        })
    }
}

/// Runs `relumip bench`.
pub fn run(args: &BenchArgs) -> Result<()> {
    let outcome = relumip_bench::run(&args.options()?)?;
    print!("{}", outcome.console_summary());
    if outcome.wrong > 0 || outcome.disagreements > 0 {
        eprintln!(
            "warning: {} wrong answer(s) and {} disagreement(s) between runs: see {}",
            outcome.wrong,
            outcome.disagreements,
            outcome.summary_md.display()
        );
    }
    println!(
        "wrote {} and {}",
        outcome.results_csv.display(),
        outcome.summary_md.display()
    );
    for p in &outcome.plots {
        println!("wrote {}", p.display());
    }
    Ok(())
}
