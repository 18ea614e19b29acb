//! `relumip solve FILE`: read an MPS file, run the branch-and-bound, print the log and
//! write the requested result files.

use super::args::{parse_relu_source, LimitArgs, SearchArgs, NO_DEFAULT_TIME_LIMIT_HELP};
use crate::log::{print_solve_header, print_summary, LogPrinter};
use crate::output::{write_solution, write_stats};
use anyhow::Result;
use clap::Args;
use relumip_solver::exact::check_solution_exactly;
use relumip_solver::io::mps::read_mps;
use relumip_solver::io::relu::{attach_relu_structure, ReluSource};
use relumip_solver::model::Model;
use relumip_solver::search::{solve, NoProgress, ProgressSink, Settings, SolveResult};
use std::path::PathBuf;
use std::time::Instant;

/// Options of `relumip solve`.
#[derive(Args, Debug)]
#[command(mut_arg("time_limit", |a| a.help(NO_DEFAULT_TIME_LIMIT_HELP)))]
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
    /// The ReLU structure for the search: `auto` (the JSON sidecar beside the file,
    /// same name with `.json` for `.mps`/`.mps.gz`, if it exists, else detection in
    /// the rows), `off`, or the path of a sidecar written by `relumip export`.
    #[arg(long, value_name = "auto|off|FILE", default_value = "auto", value_parser = parse_relu_source)]
    pub relu: ReluSource,
    /// Stop at the first feasible solution (status solution_limit); for feasibility
    /// questions such as the verification MILPs of `relumip export`.
    #[arg(long)]
    pub first_solution: bool,
    /// Re-check the reported solution in exact rational arithmetic against the model
    /// as read (row activities, bounds, integrality; integer columns rounded for the
    /// exact verdict) and fail if it violates the tolerances.
    #[arg(long)]
    pub exact_check: bool,
}

/// Builds the search settings from the command-line options.
pub fn settings_from(args: &SolveArgs) -> Result<Settings> {
    Ok(args
        .limits
        .apply(args.search.builder()?)
        .stop_at_first_solution(args.first_solution)
        .build()?)
}

/// Runs `relumip solve`.
pub fn run(args: &SolveArgs) -> Result<()> {
    let settings = settings_from(args)?;
    let read_started = Instant::now();
    let mut model = read_mps(&args.file)?;
    let read_time = read_started.elapsed();
    let relu = attach_relu_structure(&mut model, &args.file, &args.relu)?;
    let printer = LogPrinter::new(args.search.quiet);
    if !args.search.quiet {
        print_solve_header(&model, &settings, &args.file, read_time, &relu);
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
        write_stats(
            path,
            &model,
            &settings,
            &result,
            read_time,
            write_time,
            Some(&relu),
        )?;
        write_time += started.elapsed();
    }
    if !args.search.quiet {
        print_summary(&model, &result, read_time, write_time);
    }
    if args.exact_check {
        exact_check(&model, &result, &settings)?;
    }
    Ok(())
}

/// `--exact-check`: prints the exact check's line; fails when the solution violates
/// the model beyond the tolerances.
fn exact_check(model: &Model, result: &SolveResult, settings: &Settings) -> Result<()> {
    let Some(x) = &result.solution else {
        println!("exact check: no solution to check");
        return Ok(());
    };
    let started = Instant::now();
    let check = check_solution_exactly(model, x, &settings.tolerances)?;
    println!(
        "exact check: {} ({:.3}s)",
        check.summary(),
        started.elapsed().as_secs_f64()
    );
    anyhow::ensure!(
        check.within_tolerances,
        "exact check failed: the reported solution violates the model beyond the tolerances"
    );
    Ok(())
}
