//! The reports of a finished run: the cross-checks between runs, `results.csv`,
//! `summary.md` and the plots.

use super::about::{machine, notes, today};
use super::solvers::version;
use super::{BenchOptions, BenchOutcome, Planned};
use crate::check::{disagreements, Claim, Disagreement};
use crate::peers::Solver;
use crate::plot;
use crate::report::{build_table, results_csv, summary_markdown, ReportMeta, RunRecord};
use crate::stats::summarize;
use crate::suite::Suite;
use anyhow::{Context, Result};
use std::path::Path;

/// A finished run: what the reports are made of.
pub(super) struct Finished<'a> {
    /// The suite.
    pub suite: &'a Suite,
    /// Its instances, as planned and exported.
    pub plan: &'a [Planned<'a>],
    /// The solvers that ran.
    pub solvers: &'a [Solver],
    /// Solvers asked for but not run, with the reason.
    pub skipped: Vec<String>,
    /// Every run, in the order of the plan, then of the solvers, then of the repeats.
    pub records: Vec<RunRecord>,
    /// Seconds spent exporting network instances.
    pub export_seconds: f64,
}

/// Every pair of runs on the same instance that contradict each other.
fn find_disagreements(plan: &[Planned<'_>], records: &[RunRecord]) -> Vec<Disagreement> {
    let mut found: Vec<Disagreement> = Vec::new();
    for p in plan {
        let claims: Vec<Claim<'_>> = records
            .iter()
            .filter(|r| r.instance == p.instance.name)
            .map(|r| Claim {
                solver: &r.solver,
                repeat: r.repeat,
                result: &r.result,
            })
            .collect();
        found.extend(disagreements(&p.instance.name, &claims, p.maximize));
    }
    found
}

/// Writes `results.csv`, `summary.md` and the plots into `out` (a plot that fails is a
/// warning), and removes the scratch folders.
pub(super) fn write_reports(
    run: Finished<'_>,
    options: &BenchOptions,
    out: &Path,
) -> Result<BenchOutcome> {
    let Finished {
        suite,
        plan,
        solvers,
        skipped,
        records,
        export_seconds,
    } = run;
    let instance_names: Vec<String> = plan.iter().map(|p| p.instance.name.clone()).collect();
    let solver_names: Vec<String> = solvers.iter().map(|s| s.name.clone()).collect();
    let table = build_table(&records, &instance_names, &solver_names);
    let reference = solver_names
        .iter()
        .position(|s| s == "relumip")
        .unwrap_or(0);
    let summaries = summarize(&table, reference);
    let found = find_disagreements(plan, &records);
    let meta = ReportMeta {
        suite: format!("{} (`{}`)", suite.name, suite.path.display()),
        command: options.command.clone(),
        date: options.date.clone().unwrap_or_else(today),
        machine: options.machine.clone().unwrap_or_else(machine),
        solvers: solvers
            .iter()
            .map(|s| (s.name.clone(), version(s, out)))
            .collect(),
        skipped,
        notes: notes(options, plan, solvers, suite.is_network(), export_seconds),
        reference: solver_names.get(reference).cloned().unwrap_or_default(),
    };
    let csv_path = out.join("results.csv");
    relumip_solver::io::write_atomically(&csv_path, results_csv(&records).as_bytes())
        .with_context(|| format!("cannot write {}", csv_path.display()))?;
    let summary = summary_markdown(&meta, &records, &table, &summaries, &found);
    let md_path = out.join("summary.md");
    relumip_solver::io::write_atomically(&md_path, summary.as_bytes())
        .with_context(|| format!("cannot write {}", md_path.display()))?;
    let max_limit = plan.iter().map(|p| p.time_limit).fold(0.0, f64::max);
    let plots = match plot::write_plots(&table, &suite.name, max_limit, out) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("warning: {e:#}");
            Vec::new()
        }
    };
    let _ = std::fs::remove_dir_all(out.join("work"));
    let wrong = records
        .iter()
        .filter(|r| r.verdict.as_str() == "wrong")
        .count();
    Ok(BenchOutcome {
        results_csv: csv_path,
        summary_md: md_path,
        summary,
        plots,
        wrong,
        disagreements: found.len(),
    })
}
