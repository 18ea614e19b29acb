//! The runs: every solver on every instance, the order rotated at each instance, each
//! run in its own scratch folder with its log kept.

use super::progress::{progress_bar, say};
use super::{fresh_dir, BenchOptions, Planned};
use crate::check::verdict;
use crate::network::Exported;
use crate::peers::{RunSpec, Solver, SolverKind};
use crate::report::RunRecord;
use crate::suite::InstanceKind;
use crate::{RunResult, RunStatus};
use anyhow::{Context, Result};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Runs every solver `options.repeat` times on every instance of `plan`; the records
/// come back in the order of the plan, then of `solvers`, then of the repeats. A stop
/// request (Ctrl-C, SIGTERM) ends the runs: the records of the instance under way
/// are dropped, those of the finished instances kept.
pub(super) fn run_all(
    plan: &[Planned<'_>],
    solvers: &[Solver],
    options: &BenchOptions,
    out: &Path,
) -> Result<Vec<RunRecord>> {
    let total = (plan.len() * solvers.len() * options.repeat) as u64;
    let started = Arc::new(Mutex::new(Instant::now()));
    let bar = progress_bar(total, options.quiet, started.clone());
    let mut records = Vec::new();
    'runs: for repeat in 0..options.repeat {
        for (i, p) in plan.iter().enumerate() {
            let finished = records.len();
            for k in 0..solvers.len() {
                let solver = &solvers[(k + i + repeat) % solvers.len()];
                if let Ok(mut t) = started.lock() {
                    *t = Instant::now();
                }
                bar.set_message(format!(
                    "{} | {} (limit {} s)",
                    p.instance.name, solver.name, p.time_limit
                ));
                let record = run_one(solver, p, repeat, options, out)?;
                if relumip_solver::interrupt::requested() {
                    records.truncate(finished);
                    break 'runs;
                }
                say(
                    &bar,
                    options.quiet,
                    format!(
                        "{} {}{}: {}{} in {:.2} s{}",
                        p.instance.name,
                        solver.name,
                        if options.repeat > 1 {
                            format!(" (run {})", repeat + 1)
                        } else {
                            String::new()
                        },
                        record.result.status.as_str(),
                        record
                            .result
                            .objective
                            .map(|o| format!(" {o}"))
                            .unwrap_or_default(),
                        record.result.time.unwrap_or(record.wall),
                        match record.verdict.as_str() {
                            "wrong" => " WRONG",
                            _ => "",
                        }
                    ),
                );
                records.push(record);
                bar.inc(1);
            }
        }
    }
    bar.finish_and_clear();
    let order = |r: &RunRecord| {
        (
            plan.iter().position(|p| p.instance.name == r.instance),
            solvers.iter().position(|s| s.name == r.solver),
            r.repeat,
        )
    };
    records.sort_by_key(order);
    Ok(records)
}

/// One solver on one instance (all cases of a network instance).
fn run_one(
    solver: &Solver,
    p: &Planned<'_>,
    repeat: usize,
    options: &BenchOptions,
    out: &Path,
) -> Result<RunRecord> {
    let logs = out.join("logs").join(&solver.folder);
    std::fs::create_dir_all(&logs).with_context(|| format!("cannot create {}", logs.display()))?;
    let scratch = out.join("work").join(&solver.folder);
    let suffix = if options.repeat > 1 {
        format!(".run{}", repeat + 1)
    } else {
        String::new()
    };
    let spec = RunSpec {
        time_limit: p.time_limit,
        threads: options.threads,
        relative_gap: options.gap,
        first_solution: false,
    };
    let rel = |path: &Path| path.strip_prefix(out).unwrap_or(path).display().to_string();
    let (result, wall, log) = match (&p.instance.kind, solver.kind) {
        (InstanceKind::Network { onnx, vnnlib }, SolverKind::RelumipVerify) => {
            fresh_dir(&scratch)?;
            let log = logs.join(format!("{}{suffix}.log", p.instance.name));
            let cmd = solver.verify_command(onnx, vnnlib, &spec, &scratch);
            let (result, wall) = solver.run(cmd, &spec, &scratch, &log);
            (result, wall, rel(&log))
        }
        (InstanceKind::Mps(model), _) => {
            fresh_dir(&scratch)?;
            let log = logs.join(format!("{}{suffix}.log", p.instance.name));
            let result = match solver.mps_command(model, &spec, &scratch) {
                Ok(cmd) => solver.run(cmd, &spec, &scratch, &log),
                Err(e) => (
                    RunResult::error(format!("cannot prepare the run: {e}")),
                    0.0,
                ),
            };
            (result.0, result.1, rel(&log))
        }
        (InstanceKind::Network { .. }, _) => match &p.exported {
            Some(Ok(exported)) => run_cases(
                solver,
                exported,
                &spec,
                &scratch,
                &logs,
                &p.instance.name,
                &suffix,
                out,
            )?,
            Some(Err(e)) => (
                RunResult::error(format!("export failed: {e}")),
                0.0,
                String::new(),
            ),
            None => (RunResult::error("not exported"), 0.0, String::new()),
        },
    };
    let verdict = verdict(&result, &p.instance.expected, p.maximize);
    Ok(RunRecord {
        instance: p.instance.name.clone(),
        solver: solver.name.clone(),
        repeat,
        result,
        wall,
        time_limit: p.time_limit,
        expected: p.instance.expected,
        verdict,
        log,
    })
}

/// The cases of a network instance in order, sharing the time limit, until one is
/// feasible (sat) or all are infeasible (unsat).
#[allow(clippy::too_many_arguments)]
fn run_cases(
    solver: &Solver,
    exported: &Exported,
    spec: &RunSpec,
    scratch: &Path,
    logs: &Path,
    instance: &str,
    suffix: &str,
    out: &Path,
) -> Result<(RunResult, f64, String)> {
    let mut results = Vec::new();
    let mut wall = 0.0;
    let mut used = 0.0;
    let mut log_names = Vec::new();
    for (k, case) in exported.cases.iter().enumerate() {
        let remaining = spec.time_limit - used;
        if remaining <= 0.0 {
            break;
        }
        let case_spec = RunSpec {
            time_limit: remaining,
            first_solution: true,
            ..*spec
        };
        fresh_dir(scratch)?;
        let log = logs.join(format!("{instance}.case{k}{suffix}.log"));
        let (result, w) = match solver.mps_command(case, &case_spec, scratch) {
            Ok(cmd) => solver.run(cmd, &case_spec, scratch, &log),
            Err(e) => (
                RunResult::error(format!("cannot prepare the run: {e}")),
                0.0,
            ),
        };
        wall += w;
        used += result.time.unwrap_or(w).max(0.0);
        log_names.push(log.strip_prefix(out).unwrap_or(&log).display().to_string());
        let decided = result.status.has_solution() || result.status == RunStatus::Error;
        results.push(result);
        if decided {
            break;
        }
    }
    let combined = RunResult::combine_cases(&results, exported.cases.len());
    Ok((combined, wall, log_names.join(" ")))
}
