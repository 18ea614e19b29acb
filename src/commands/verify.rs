//! `relumip verify NET PROP`: answer a VNN-LIB property (sat / unsat / timeout /
//! unknown) and write the VNN-COMP result file.

use super::solve::SearchArgs;
use anyhow::{Context, Result};
use clap::Args;
use relumip_solver::formulate::Formulation;
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::verify::{
    verify, write_result_file, Answer, BoundsMethod, DisjunctionMode, Strategy, VerifyOptions,
};
use std::path::PathBuf;
use std::time::Duration;

/// Options of `relumip verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The network (.onnx, .onnx.gz or .nnet).
    pub network: PathBuf,
    /// The property (.vnnlib or .vnnlib.gz): the unsafe region.
    pub property: PathBuf,
    /// Time limit in seconds.
    #[arg(long, value_name = "S")]
    pub timeout: Option<f64>,
    /// Write the VNN-COMP result file here.
    #[arg(long, value_name = "FILE")]
    pub result: Option<PathBuf>,
    /// MILP formulation: bigm, partition (2 groups) or partition:P.
    #[arg(long, default_value = "bigm", value_name = "F")]
    pub formulation: String,
    /// Pre-activation bounds: interval, symbolic or lp (symbolic then LP tightening).
    #[arg(long, default_value = "lp", value_name = "METHOD", value_parser = ["interval", "symbolic", "lp"])]
    pub bounds: String,
    /// Disjunctive properties: one MILP per case (separate) or per input region (combined).
    #[arg(long, default_value = "separate", value_parser = ["separate", "combined"])]
    pub disjunction: String,
    /// How cases are decided after the attack: milp, input-split, or auto (input
    /// splitting for networks with at most 10 inputs).
    #[arg(long, default_value = "auto", value_parser = ["auto", "milp", "input-split"])]
    pub strategy: String,
    /// Fold a .nnet file's normalisation in (raw units).
    #[arg(long)]
    pub nnet_raw: bool,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Runs `relumip verify`.
pub fn run(args: &VerifyArgs) -> Result<()> {
    let net = read_network(&args.network, args.nnet_raw)?;
    let property = read_vnnlib(&args.property)?;
    let options = VerifyOptions {
        timeout: args
            .timeout
            .map(|t| {
                anyhow::ensure!(
                    t.is_finite() && t >= 0.0,
                    "--timeout must be a non-negative number of seconds"
                );
                Ok(Duration::from_secs_f64(t))
            })
            .transpose()?,
        search: args.search.settings()?,
        formulation: Formulation::from_name(&args.formulation).with_context(|| {
            format!(
                "unknown formulation '{}' (bigm, partition, partition:P)",
                args.formulation
            )
        })?,
        bounds: BoundsMethod::from_name(&args.bounds).context("unknown bounds method")?,
        disjunction: if args.disjunction == "combined" {
            DisjunctionMode::Combined
        } else {
            DisjunctionMode::Separate
        },
        strategy: Strategy::from_name(&args.strategy).context("unknown strategy")?,
        ..VerifyOptions::default()
    };
    let report = verify(&net, &property, &options)?;
    println!("{}", report.answer.as_str());
    if let Answer::Unknown(why) = &report.answer {
        eprintln!("unknown: {why}");
    }
    if !args.search.quiet {
        for c in &report.cases {
            eprintln!(
                "cases {:?}: {} ({} unstable neurons, {} binaries, {} nodes, bounds {:.3}s, total {:.3}s)",
                c.cases, c.outcome, c.unstable, c.binaries, c.nodes, c.bounds_time, c.time
            );
        }
        eprintln!("time {:.3}s", report.time);
    }
    if let Some(path) = &args.result {
        write_result_file(path, &report.answer)?;
    }
    Ok(())
}
