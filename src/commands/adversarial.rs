//! `relumip adversarial NET --input FILE --target K`: the input closest in L1 norm to a
//! given one that the network classifies as class K with a margin (seed 002, 4.2).

use super::args::{default_time_limit, parse_formulation, seconds, LimitArgs, SearchArgs};
use crate::log::{format_limit, LogPrinter};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use relumip_solver::adversarial::{adversarial, AdversarialOptions, AdversarialQuery};
use relumip_solver::exact::check_adversarial_exactly;
use relumip_solver::formulate::{Decision, Formulation};
use relumip_solver::io::read_network;
use relumip_solver::io::vectors::read_vector;
use relumip_solver::search::Status;
use relumip_solver::verify::BoundsMethod;
use std::path::PathBuf;

/// Whether the class is the largest or the smallest output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    /// The class is the largest output.
    Argmax,
    /// The class is the smallest output.
    Argmin,
}

impl From<DecisionArg> for Decision {
    fn from(arg: DecisionArg) -> Self {
        match arg {
            DecisionArg::Argmax => Decision::Argmax,
            DecisionArg::Argmin => Decision::Argmin,
        }
    }
}

/// Options of `relumip adversarial`.
#[derive(Args, Debug)]
#[command(mut_arg("time_limit", default_time_limit))]
pub struct AdversarialArgs {
    /// The network (.onnx, .onnx.gz or .nnet).
    pub network: PathBuf,
    /// The reference input: one line of comma-separated values.
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Target class.
    #[arg(long, value_name = "K")]
    pub target: usize,
    /// Margin: the target output must be at least this multiple of every other
    /// (argmax), or every other at least this multiple of the target (argmin).
    #[arg(long, default_value_t = 1.2)]
    pub margin: f64,
    /// Whether the class is the largest or the smallest output.
    #[arg(long, value_enum, default_value_t = DecisionArg::Argmax)]
    pub decision: DecisionArg,
    /// Largest allowed L1 distance (also bounds the search box when --box is absent).
    #[arg(long, value_name = "D")]
    pub max_distance: Option<f64>,
    /// The input domain as LO,UP for every input (default: the L1 ball's box).
    #[arg(
        long = "box",
        value_name = "LO,UP",
        value_delimiter = ',',
        num_args = 2
    )]
    pub input_box: Option<Vec<f64>>,
    /// Write the adversarial input here (one comma-separated line).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// MILP formulation: bigm, partition or partition:P.
    #[arg(long, default_value = "bigm", value_parser = parse_formulation)]
    pub formulation: Formulation,
    /// Seconds that LP bound tightening may use.
    #[arg(long, default_value_t = 10.0, value_name = "S")]
    pub bounds_budget: f64,
    /// Fold a .nnet file's normalisation in (raw units).
    #[arg(long)]
    pub nnet_raw: bool,
    /// Re-check the adversarial input in exact rational arithmetic (domain, distance,
    /// classification with the margin) and fail if it does not hold within the
    /// tolerance.
    #[arg(long)]
    pub exact_check: bool,
    /// Limits.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Values as one comma-separated line (shortest round-trip form).
fn line(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Runs `relumip adversarial`.
pub fn run(args: &AdversarialArgs) -> Result<()> {
    let net = read_network(&args.network, args.nnet_raw)?;
    let reference = read_vector(&args.input, net.input_dim())?;
    let query = AdversarialQuery::new(
        reference,
        args.target,
        args.margin,
        args.decision.into(),
        args.max_distance,
        args.input_box.as_ref().map(|b| (b[0], b[1])),
    )?;
    let options = AdversarialOptions {
        formulation: args.formulation,
        bounds: BoundsMethod::Lp,
        bounds_budget: seconds("bounds-budget", args.bounds_budget)?,
        search: args.search.settings_with(&args.limits)?,
    };
    // The search log (distance found, bound) goes to stderr: stdout holds the answer.
    let quiet = args.search.quiet;
    if !quiet {
        eprintln!("time limit {}", format_limit(options.search.time_limit));
    }
    let printer = LogPrinter::on_stderr(quiet);
    let report = adversarial(&net, &query, &options, &printer)?;
    if let Some(why) = &report.refused {
        eprintln!("refused: the solver's input fails the forward check ({why})");
    }
    match (&report.example, report.status) {
        (_, Status::Infeasible) => println!(
            "no input within the domain is classified as {} with margin {}",
            args.target, args.margin
        ),
        (Some(example), status) => {
            println!("distance {:?}", example.distance);
            if status == Status::Optimal {
                println!(
                    "optimal: no input closer than this distance is classified as {}",
                    args.target
                );
            } else {
                println!(
                    "{}: the smallest distance is at least {:?}",
                    status.as_str(),
                    report.best_bound
                );
            }
            println!("output {}", line(&example.output));
            match &args.output {
                Some(path) => relumip_solver::io::write_atomically(
                    path,
                    (line(&example.input) + "\n").as_bytes(),
                )
                .with_context(|| format!("cannot write {}", path.display()))?,
                None => println!("input {}", line(&example.input)),
            }
        }
        (None, status) => println!(
            "{}: no adversarial input found (bound {:?})",
            status.as_str(),
            report.best_bound
        ),
    }
    if args.exact_check {
        let Some(example) = &report.example else {
            println!("exact check: no adversarial input to check");
            return Ok(());
        };
        let check = check_adversarial_exactly(&net, &query, &example.input)?;
        println!("exact check: {}", check.summary());
        anyhow::ensure!(
            check.within_tolerance,
            "exact check failed: the input is not an adversarial example"
        );
    }
    Ok(())
}
