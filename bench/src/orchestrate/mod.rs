//! The orchestration of a benchmark run (`relumip bench`).
//!
//! Every solver, relumip included, runs as a subprocess (relumip as its own
//! executable), so a crash or a runaway memory use of one run cannot take the
//! benchmark down, and every solver is measured the same way. Runs alternate between
//! the solvers instance by instance (the order rotated by one at each instance), so
//! that the drift of a noisy machine hits all of them alike.
//!
//! [`run`] plans the instances, then: [`solvers`] picks the solvers that can run
//! (configurations of relumip resolved into options of its executable),
//! [`export`] writes network instances as MPS files, [`runs`] runs every solver on
//! every instance (with the bar of [`progress`]), and [`reports`] cross-checks the
//! runs and writes the reports and the plots, with the notes, date and machine of
//! [`about`].

mod about;
mod export;
mod options;
mod progress;
mod reports;
mod runs;
mod solvers;

pub use options::{BenchOptions, BenchOutcome, DEFAULT_TIME_LIMIT};

use crate::network::Exported;
use crate::peers::SolverKind;
use crate::suite::{load_suite, Instance, InstanceKind, Suite};
use anyhow::{Context, Result};
use relumip_solver::io::mps::read_mps;
use relumip_solver::model::ObjSense;
use std::path::{Path, PathBuf};

/// What is fixed about one instance before the runs.
struct Planned<'a> {
    instance: &'a Instance,
    time_limit: f64,
    maximize: bool,
    /// Network instances: the exported cases (or why the export failed).
    exported: Option<std::result::Result<Exported, String>>,
}

/// Runs a benchmark: every solver on every instance of the suite, then the reports
/// (`results.csv`, `summary.md`) and the plots in the output folder.
pub fn run(options: &BenchOptions) -> Result<BenchOutcome> {
    options.validate()?;
    let mut suite = load_suite(&options.suite)?;
    if let Some(re) = &options.filter {
        suite.retain(|name| re.is_match(name));
    }
    anyhow::ensure!(
        !suite.instances.is_empty(),
        "no instance of {} matches the filter",
        suite.path.display()
    );
    let is_network = suite.is_network();
    let (solvers, skipped) =
        solvers::choose_solvers(options.solvers.as_deref(), is_network, &options.relumip)?;
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("bench-out").join(&suite.name));
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;

    let mut plan = plan(&suite, options);
    let export_seconds =
        if is_network && solvers.iter().any(|s| s.kind != SolverKind::RelumipVerify) {
            export::export_all(&mut plan, &out, options)
        } else {
            0.0
        };

    let records = runs::run_all(&plan, &solvers, options, &out)?;
    if relumip_solver::interrupt::requested() {
        // Interrupted: the reports cover the instances every solver finished.
        plan.retain(|p| records.iter().any(|r| r.instance == p.instance.name));
        anyhow::ensure!(!plan.is_empty(), "interrupted before any instance finished");
    }

    let finished = reports::Finished {
        suite: &suite,
        plan: &plan,
        solvers: &solvers,
        skipped,
        records,
        export_seconds,
    };
    reports::write_reports(finished, options, &out)
}

/// The time limit and the objective sense of every instance.
fn plan<'a>(suite: &'a Suite, options: &BenchOptions) -> Vec<Planned<'a>> {
    suite
        .instances
        .iter()
        .map(|instance| Planned {
            instance,
            time_limit: options
                .time_limit
                .or(instance.time_limit)
                .unwrap_or(DEFAULT_TIME_LIMIT),
            maximize: match &instance.kind {
                InstanceKind::Mps(path) => {
                    read_mps(path).is_ok_and(|m| m.sense == ObjSense::Maximize)
                }
                InstanceKind::Network { .. } => false,
            },
            exported: None,
        })
        .collect()
}

/// Empties `dir`, creating it if needed.
fn fresh_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}
