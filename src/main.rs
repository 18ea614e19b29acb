//! relumip: a parallel branch-and-bound MILP solver specialised for ReLU networks.
//!
//! This binary holds only the command line: argument parsing, log printing and file
//! output. Everything else lives in the libraries: `relumip-solver`, and
//! `relumip-bench` for `relumip bench`.

// The statistics file is one large `serde_json::json!` literal.
#![recursion_limit = "256"]

mod commands;
mod log;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// relumip: a MILP solver that knows the ReLU networks it solves.
#[derive(Parser, Debug)]
#[command(name = "relumip", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Solve a MILP given as an MPS file (free or fixed, optionally gzip-compressed).
    Solve(commands::solve::SolveArgs),
    /// Generate an instance (knapsack, set cover, facility location, ReLU network) as MPS,
    /// or planted regression data (CSV + teacher ONNX).
    Gen(commands::generate::GenArgs),
    /// Evaluate a network on input vectors (comma-separated, one per line).
    Eval(commands::eval::EvalArgs),
    /// Answer a VNN-LIB property on a network: sat (with counterexample) or unsat.
    Verify(commands::verify::VerifyArgs),
    /// Write the verification MILPs of a network and property as MPS (+ JSON sidecar).
    Export(commands::export::ExportArgs),
    /// Find the input closest in L1 norm that the network classifies as a target class.
    Adversarial(commands::adversarial::AdversarialArgs),
    /// Run a suite through relumip, HiGHS and CBC on the same MILPs and compare them.
    Bench(commands::bench::BenchArgs),
    /// Find the sparsest one-hidden-layer ReLU network that fits regression data.
    Sparse(commands::sparse::SparseArgs),
    /// Train a ReLU classifier: layer-wise MILPs, Adam, or one pruning MILP.
    Train(commands::train::TrainArgs),
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .format_timestamp(None)
        .format_target(false)
        .init();
    let cli = Cli::parse();
    stop_on_signals();
    let outcome = match cli.command {
        Command::Solve(args) => commands::solve::run(&args),
        Command::Gen(args) => commands::generate::run(&args),
        Command::Eval(args) => commands::eval::run(&args),
        Command::Verify(args) => commands::verify::run(&args),
        Command::Export(args) => commands::export::run(&args),
        Command::Adversarial(args) => commands::adversarial::run(&args),
        Command::Bench(args) => commands::bench::run(&args),
        Command::Sparse(args) => commands::sparse::run(&args),
        Command::Train(args) => commands::train::run(&args),
    };
    if relumip_solver::interrupt::requested() {
        eprintln!("Interrupted: stopped with what was found so far.");
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM end the running command as its time limit would: the
/// search stops, the summary is printed and the output files are written. A second
/// signal exits at once (status 130).
fn stop_on_signals() {
    let installed = ctrlc::set_handler(|| {
        if relumip_solver::interrupt::request() {
            std::process::exit(130);
        }
        eprintln!("Stopping (the time limit's way); press Ctrl-C again to exit at once.");
    });
    if let Err(e) = installed {
        eprintln!("warning: cannot catch Ctrl-C: {e}");
    }
}
