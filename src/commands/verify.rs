//! `relumip verify NET PROP`: answer a VNN-LIB property (sat / unsat / timeout /
//! unknown) and write the VNN-COMP result file.

use super::args::{parse_formulation, time_limit, BoundsArg, SearchArgs, DEFAULT_TIME_LIMIT};
use crate::log::{format_limit, format_value};
use anyhow::Result;
use clap::{Args, ValueEnum};
use relumip_solver::exact::check_counterexample_exactly;
use relumip_solver::formulate::Formulation;
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::search::{Progress, ProgressKind, ProgressSink};
use relumip_solver::verify::{
    verify_with_search_log, write_result_file, Answer, CaseReport, DisjunctionMode, Strategy,
    VerifyOptions,
};
use std::path::PathBuf;
use std::time::Instant;

/// Periodic lines of the running search on stderr (every `--log-interval` seconds),
/// on runs past two seconds.
struct SearchLog {
    started: Instant,
    quiet: bool,
}

impl ProgressSink for SearchLog {
    fn progress(&self, p: &Progress) {
        let seconds = self.started.elapsed().as_secs_f64();
        if self.quiet || p.kind != ProgressKind::Periodic || seconds < 2.0 {
            return;
        }
        eprintln!(
            "[{seconds:.1}s] search: {} nodes, {} open, bound {} ({:.1}s; refuted once the bound exceeds 0)",
            p.nodes,
            p.open,
            format_value(Some(p.bound)),
            p.elapsed.as_secs_f64()
        );
    }
}

/// How disjunctive properties are solved, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DisjunctionArg {
    /// One MILP per case.
    Separate,
    /// One MILP per input region.
    Combined,
}

impl From<DisjunctionArg> for DisjunctionMode {
    fn from(arg: DisjunctionArg) -> Self {
        match arg {
            DisjunctionArg::Separate => DisjunctionMode::Separate,
            DisjunctionArg::Combined => DisjunctionMode::Combined,
        }
    }
}

/// Which splits the search may use, as named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StrategyArg {
    /// For at most 10 inputs: input splits (with fewer than 200 unstable units only in the top 8 levels of the tree, indicator splits below); indicator splits for larger inputs.
    Auto,
    /// Indicator splits only (the LP-bounded MILP search).
    #[value(alias = "milp")]
    ReluSplit,
    /// Input splits while units stay unstable, then indicator splits.
    InputSplit,
}

impl From<StrategyArg> for Strategy {
    fn from(arg: StrategyArg) -> Self {
        match arg {
            StrategyArg::Auto => Strategy::Auto,
            StrategyArg::ReluSplit => Strategy::ReluSplit,
            StrategyArg::InputSplit => Strategy::InputSplit,
        }
    }
}

/// Options of `relumip verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The network (.onnx, .onnx.gz or .nnet).
    pub network: PathBuf,
    /// The property (.vnnlib or .vnnlib.gz): the unsafe region.
    pub property: PathBuf,
    /// Time limit in seconds (also --time-limit; inf: none).
    #[arg(long, visible_alias = "time-limit", value_name = "S", default_value = DEFAULT_TIME_LIMIT)]
    pub timeout: f64,
    /// Write the VNN-COMP result file here.
    #[arg(long, value_name = "FILE")]
    pub result: Option<PathBuf>,
    /// MILP formulation: bigm, partition (2 groups) or partition:P.
    #[arg(long, default_value = "bigm", value_name = "F", value_parser = parse_formulation)]
    pub formulation: Formulation,
    /// Pre-activation bounds: interval, symbolic or lp (symbolic then LP tightening).
    #[arg(long, value_enum, default_value_t = BoundsArg::Lp, value_name = "METHOD")]
    pub bounds: BoundsArg,
    /// Disjunctive properties: one MILP per case (separate) or per input region (combined).
    #[arg(long, value_enum, default_value_t = DisjunctionArg::Separate)]
    pub disjunction: DisjunctionArg,
    /// Which splits the search of each case may use after the attack.
    #[arg(long, value_enum, default_value_t = StrategyArg::Auto)]
    pub strategy: StrategyArg,
    /// Fold a .nnet file's normalisation in (raw units).
    #[arg(long)]
    pub nnet_raw: bool,
    /// Re-check a counterexample in exact rational arithmetic (forward pass, input
    /// region, output constraints of every case) and fail if it does not hold within
    /// the tolerance.
    #[arg(long)]
    pub exact_check: bool,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Runs `relumip verify`.
pub fn run(args: &VerifyArgs) -> Result<()> {
    let net = read_network(&args.network, args.nnet_raw)?;
    let property = read_vnnlib(&args.property)?;
    let timeout = time_limit("timeout", args.timeout)?;
    if !args.search.quiet {
        eprintln!("time limit {}", format_limit(timeout));
    }
    let options = VerifyOptions {
        timeout,
        search: args.search.settings()?,
        formulation: args.formulation,
        bounds: args.bounds.into(),
        disjunction: args.disjunction.into(),
        strategy: args.strategy.into(),
        ..VerifyOptions::default()
    };
    // On long runs (past two seconds), a line per finished search and a line of the
    // running search every --log-interval seconds, on stderr; the per-case summary
    // follows at the end.
    let started = std::time::Instant::now();
    let quiet = args.search.quiet;
    let progress = |case: &CaseReport, searches: usize| {
        if !quiet && started.elapsed().as_secs_f64() >= 2.0 {
            eprintln!(
                "[{:.1}s] cases {:?}: {} ({} nodes; {} searches in this round)",
                started.elapsed().as_secs_f64(),
                case.cases,
                case.outcome,
                case.nodes,
                searches
            );
        }
    };
    let log = SearchLog { started, quiet };
    let report = verify_with_search_log(&net, &property, &options, &progress, &log)?;
    println!("{}", report.answer.as_str());
    if let Answer::Unknown(why) = &report.answer {
        eprintln!("unknown: {why}");
    }
    if !args.search.quiet {
        for c in &report.cases {
            eprintln!(
                "cases {:?}: {} ({} unstable neurons, {} binaries, {} nodes ({} input splits), bounds {:.3}s, total {:.3}s)",
                c.cases, c.outcome, c.unstable, c.binaries, c.nodes, c.input_splits, c.bounds_time, c.time
            );
        }
        eprintln!("time {:.3}s", report.time);
    }
    if let Some(path) = &args.result {
        write_result_file(path, &report.answer)?;
    }
    if args.exact_check {
        let Answer::Sat(cex) = &report.answer else {
            println!("exact check: no counterexample to check");
            return Ok(());
        };
        let started = std::time::Instant::now();
        let check = check_counterexample_exactly(&net, &property, cex.case, &cex.input)?;
        println!(
            "exact check: {} ({:.3}s)",
            check.summary(),
            started.elapsed().as_secs_f64()
        );
        anyhow::ensure!(
            check.within_tolerance(),
            "exact check failed: the counterexample does not violate the property"
        );
    }
    Ok(())
}
