//! The orchestration of a benchmark run (`relumip bench`).
//!
//! Every solver, relumip included, runs as a subprocess (relumip as its own
//! executable), so a crash or a runaway memory use of one run cannot take the
//! benchmark down, and every solver is measured the same way. Runs alternate between
//! the solvers instance by instance (the order rotated by one at each instance), so
//! that the drift of a noisy machine hits all of them alike. The suite, the peer
//! commands, the log parsing, the cross-checks, the statistics and the reports are in
//! the other modules of the crate; this module drives them, shows the progress bar,
//! exports network instances and draws the plots.

mod options;

pub use options::{BenchOptions, BenchOutcome, DEFAULT_TIME_LIMIT};

use crate::check::{disagreements, verdict, Claim, Disagreement};
use crate::network::{export_instance, ExportOptions, Exported};
use crate::peers::{find_on_path, run_logged, RunSpec, Solver, SolverKind};
use crate::plot;
use crate::report::{build_table, results_csv, summary_markdown, ReportMeta, RunRecord};
use crate::stats::summarize;
use crate::suite::{load_suite, Instance, InstanceKind};
use crate::{RunResult, RunStatus};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use relumip_solver::io::mps::read_mps;
use relumip_solver::model::ObjSense;
use relumip_solver::verify::BoundsMethod;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("bench-out").join(&suite.name));
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let (solvers, skipped) =
        choose_solvers(options.solvers.as_deref(), is_network, &options.relumip)?;

    let mut plan: Vec<Planned<'_>> = suite
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
        .collect();
    let export_seconds =
        if is_network && solvers.iter().any(|s| s.kind != SolverKind::RelumipVerify) {
            export_all(&mut plan, &out, options)
        } else {
            0.0
        };

    let records = run_all(&plan, &solvers, options, &out)?;

    // Reports.
    let instance_names: Vec<String> = plan.iter().map(|p| p.instance.name.clone()).collect();
    let solver_names: Vec<String> = solvers.iter().map(|s| s.kind.name().to_string()).collect();
    let table = build_table(&records, &instance_names, &solver_names);
    let reference = solver_names
        .iter()
        .position(|s| s == "relumip")
        .unwrap_or(0);
    let summaries = summarize(&table, reference);
    let mut found: Vec<Disagreement> = Vec::new();
    for p in &plan {
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
    let meta = ReportMeta {
        suite: format!("{} (`{}`)", suite.name, suite.path.display()),
        command: options.command.clone(),
        date: options.date.clone().unwrap_or_else(today),
        machine: options.machine.clone().unwrap_or_else(machine),
        solvers: solvers
            .iter()
            .map(|s| (s.kind.name().to_string(), version(s, &out)))
            .collect(),
        skipped,
        notes: notes(options, &plan, is_network, export_seconds),
        reference: solver_names[reference].clone(),
    };
    let csv_path = out.join("results.csv");
    std::fs::write(&csv_path, results_csv(&records))
        .with_context(|| format!("cannot write {}", csv_path.display()))?;
    let summary = summary_markdown(&meta, &records, &table, &summaries, &found);
    let md_path = out.join("summary.md");
    std::fs::write(&md_path, &summary)
        .with_context(|| format!("cannot write {}", md_path.display()))?;
    let max_limit = plan.iter().map(|p| p.time_limit).fold(0.0, f64::max);
    let plots = match plot::write_plots(&table, &suite.name, max_limit, &out) {
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

/// The solvers asked for (or the defaults), those not found on `PATH` skipped.
fn choose_solvers(
    list: Option<&[SolverKind]>,
    is_network: bool,
    relumip: &Path,
) -> Result<(Vec<Solver>, Vec<String>)> {
    let default: &[SolverKind] = if is_network {
        &[
            SolverKind::RelumipVerify,
            SolverKind::Relumip,
            SolverKind::Highs,
            SolverKind::Cbc,
        ]
    } else {
        &[SolverKind::Relumip, SolverKind::Highs, SolverKind::Cbc]
    };
    let mut solvers: Vec<Solver> = Vec::new();
    let mut skipped = Vec::new();
    for &kind in list.unwrap_or(default) {
        if solvers.iter().any(|s| s.kind == kind) {
            continue;
        }
        if kind == SolverKind::RelumipVerify && !is_network {
            eprintln!("relumip-verify runs on network suites only: skipped");
            skipped.push("relumip-verify (network suites only)".to_string());
            continue;
        }
        let program = if kind.is_relumip() {
            relumip.to_path_buf()
        } else {
            match find_on_path(kind.program()) {
                Some(p) => p,
                None => {
                    eprintln!("{}: not found on PATH, skipped", kind.program());
                    skipped.push(format!(
                        "{} (`{}` not found on PATH)",
                        kind.name(),
                        kind.program()
                    ));
                    continue;
                }
            }
        };
        solvers.push(Solver { kind, program });
    }
    anyhow::ensure!(!solvers.is_empty(), "none of the solvers asked for can run");
    Ok((solvers, skipped))
}

fn progress_bar(len: u64, quiet: bool, run_started: Arc<Mutex<Instant>>) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:28} {pos}/{len} {msg} ({run})",
    )
    .map(|s| {
        s.with_key(
            "run",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let secs = run_started
                    .lock()
                    .map_or(0.0, |t| t.elapsed().as_secs_f64());
                let _ = write!(w, "{secs:.0} s");
            },
        )
    });
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// Prints a line above the bar (or on stderr when the bar is not drawn).
fn say(bar: &ProgressBar, quiet: bool, line: String) {
    if quiet {
        return;
    }
    if bar.is_hidden() {
        eprintln!("{line}");
    } else {
        bar.println(line);
    }
}

fn export_all(plan: &mut [Planned<'_>], out: &Path, options: &BenchOptions) -> f64 {
    let started = Arc::new(Mutex::new(Instant::now()));
    let bar = progress_bar(plan.len() as u64, options.quiet, started.clone());
    let mut total = 0.0;
    for p in plan.iter_mut() {
        let InstanceKind::Network { onnx, vnnlib } = &p.instance.kind else {
            continue;
        };
        if let Ok(mut t) = started.lock() {
            *t = Instant::now();
        }
        bar.set_message(format!("exporting {}", p.instance.name));
        let budget = options.bounds_budget.unwrap_or(0.2 * p.time_limit);
        let export = ExportOptions {
            formulation: options.formulation,
            bounds: options.bounds,
            budget: Duration::from_secs_f64(budget),
        };
        let dir = out.join("mps").join(&p.instance.name);
        let result = export_instance(onnx, vnnlib, &dir, &export).map_err(|e| format!("{e:#}"));
        match &result {
            Ok(e) => {
                total += e.seconds;
                say(
                    &bar,
                    options.quiet,
                    format!(
                        "exported {}: {} case(s), binaries {:?}, {:.1} s",
                        p.instance.name,
                        e.cases.len(),
                        e.binaries,
                        e.seconds
                    ),
                );
            }
            Err(e) => say(
                &bar,
                options.quiet,
                format!("export of {} failed: {e}", p.instance.name),
            ),
        }
        p.exported = Some(result);
        bar.inc(1);
    }
    bar.finish_and_clear();
    total
}

fn run_all(
    plan: &[Planned<'_>],
    solvers: &[Solver],
    options: &BenchOptions,
    out: &Path,
) -> Result<Vec<RunRecord>> {
    let total = (plan.len() * solvers.len() * options.repeat) as u64;
    let started = Arc::new(Mutex::new(Instant::now()));
    let bar = progress_bar(total, options.quiet, started.clone());
    let mut records = Vec::new();
    for repeat in 0..options.repeat {
        for (i, p) in plan.iter().enumerate() {
            for k in 0..solvers.len() {
                let solver = &solvers[(k + i + repeat) % solvers.len()];
                if let Ok(mut t) = started.lock() {
                    *t = Instant::now();
                }
                bar.set_message(format!(
                    "{} | {} (limit {} s)",
                    p.instance.name,
                    solver.kind.name(),
                    p.time_limit
                ));
                let record = run_one(solver, p, repeat, options, out)?;
                say(
                    &bar,
                    options.quiet,
                    format!(
                        "{} {}{}: {}{} in {:.2} s{}",
                        p.instance.name,
                        solver.kind.name(),
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
            solvers.iter().position(|s| s.kind.name() == r.solver),
            r.repeat,
        )
    };
    records.sort_by_key(order);
    Ok(records)
}

fn fresh_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}

/// One solver on one instance (all cases of a network instance).
fn run_one(
    solver: &Solver,
    p: &Planned<'_>,
    repeat: usize,
    options: &BenchOptions,
    out: &Path,
) -> Result<RunRecord> {
    let name = solver.kind.name();
    let logs = out.join("logs").join(name);
    std::fs::create_dir_all(&logs).with_context(|| format!("cannot create {}", logs.display()))?;
    let scratch = out.join("work").join(name);
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
        solver: name.to_string(),
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

/// The version line of a solver (its `--version` output, or the first line it prints).
fn version(solver: &Solver, out: &Path) -> String {
    if solver.kind.is_relumip() {
        return format!("relumip {}", env!("CARGO_PKG_VERSION"));
    }
    let scratch = out.join("work").join("version");
    if fresh_dir(&scratch).is_err() {
        return "version unknown".into();
    }
    let log = scratch.join("version.log");
    let mut cmd = std::process::Command::new(&solver.program);
    match solver.kind {
        SolverKind::Highs => cmd.arg("--version"),
        _ => cmd.arg("-quit"),
    };
    cmd.current_dir(&scratch);
    let text = run_logged(cmd, &log, Duration::from_secs(30))
        .ok()
        .and_then(|_| std::fs::read_to_string(&log).ok())
        .unwrap_or_default();
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map_or("version unknown".into(), |l| {
            format!("{l} ({})", solver.program.display())
        })
}

fn notes(
    options: &BenchOptions,
    plan: &[Planned<'_>],
    is_network: bool,
    export_seconds: f64,
) -> Vec<String> {
    let mut limits: Vec<f64> = plan.iter().map(|p| p.time_limit).collect();
    limits.sort_by(f64::total_cmp);
    limits.dedup();
    let limits = limits
        .iter()
        .map(|l| format!("{l} s"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut notes = vec![
        format!(
            "Time limit per instance: {limits}; {} thread(s) per solver; relative gap {:e}; {} run(s) of each solver on each instance, alternating between the solvers instance by instance.",
            options.threads, options.gap, options.repeat
        ),
        "Times are each solver's own figure (relumip: `time_seconds` of `--stats`; HiGHS: `Timing`; CBC: `Total time (Wallclock seconds)`; relumip verify: its `time` line); `results.csv` also has the wall-clock time of each subprocess.".to_string(),
    ];
    if is_network {
        notes.push(format!(
            "Network instances: each case exported once as a {} MILP with {} pre-activation bounds (`t <= 0`: feasible = counterexample), {:.1} s of export in all, not counted in any solver's time. MPS solvers run the cases in order within the instance's time limit and stop at the first solution (relumip `--first-solution`, HiGHS `mip_max_improving_sols = 1`, CBC `-maxSolutions 1`): any feasible case = sat, all infeasible = unsat. relumip-verify runs `relumip verify` on the network and property (its own bounds, attack and MILPs, all within the limit).",
            options.formulation.name(),
            bounds_name(options.bounds),
            export_seconds
        ));
    }
    notes
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|t| {
        t.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, m)| m.trim().to_string())
    });
    match model {
        Some(m) => format!("{cores} cores ({m})"),
        None => format!("{cores} cores"),
    }
}

/// The name of a bounds method, as `relumip verify --bounds` takes it.
fn bounds_name(method: BoundsMethod) -> &'static str {
    match method {
        BoundsMethod::Interval => "interval",
        BoundsMethod::Symbolic => "symbolic",
        BoundsMethod::Lp => "lp",
    }
}
