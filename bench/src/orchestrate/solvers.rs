//! The solvers of a run: those asked for that can run, configurations of relumip
//! resolved into options of its executable, and their version lines.

use super::fresh_dir;
use crate::config::{CliOptions, SolverSpec};
use crate::peers::{find_on_path, read_log, run_logged, Solver, SolverKind};
use anyhow::{bail, ensure, Result};
use std::path::Path;
use std::time::Duration;

/// The solvers asked for (or the defaults), those not found on `PATH` and
/// relumip-verify on MPS suites skipped (with the reason). Fails before any run when
/// a solver is named twice, when the relumip executable does not offer an option
/// that a configuration needs, or when two solvers would run the same command.
pub(super) fn choose_solvers(
    list: Option<&[SolverSpec]>,
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
    let specs: Vec<SolverSpec> = match list {
        Some(list) => list.to_vec(),
        None => default.iter().map(|&k| SolverSpec::plain(k)).collect(),
    };
    let cli = if specs.iter().any(|s| !s.settings.is_empty()) {
        Some(CliOptions::probe(relumip)?)
    } else {
        None
    };
    let mut solvers: Vec<Solver> = Vec::new();
    let mut skipped = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        let (kind, name) = (spec.kind, spec.name());
        if let Some(earlier) = specs[..i].iter().find(|s| s.same_as(spec)) {
            bail!("{} and {name} are the same solver", earlier.name());
        }
        if kind == SolverKind::RelumipVerify && !is_network {
            eprintln!("{name} runs on network suites only: skipped");
            skipped.push(format!("{name} (network suites only)"));
            continue;
        }
        let program = if kind.is_relumip() {
            relumip.to_path_buf()
        } else {
            match find_on_path(kind.program()) {
                Some(p) => p,
                None => {
                    eprintln!("{}: not found on PATH, skipped", kind.program());
                    skipped.push(format!("{name} (`{}` not found on PATH)", kind.program()));
                    continue;
                }
            }
        };
        let options = match &cli {
            Some(cli) => cli.arguments(spec)?,
            None => Vec::new(),
        };
        let solver = Solver {
            name,
            folder: spec.folder(),
            options,
            ..Solver::new(kind, program)
        };
        refuse_twins(&solvers, &solver)?;
        solvers.push(solver);
    }
    ensure!(!solvers.is_empty(), "none of the solvers asked for can run");
    Ok((solvers, skipped))
}

/// Refuses a solver that would run the same command as one already chosen (two
/// configurations whose settings come to the same options), or log into its folder.
fn refuse_twins(chosen: &[Solver], solver: &Solver) -> Result<()> {
    let sorted = |options: &[String]| {
        let mut o = options.to_vec();
        o.sort();
        o
    };
    for other in chosen {
        if other.kind == solver.kind && sorted(&other.options) == sorted(&solver.options) {
            bail!(
                "{} and {} run the same command ({}): name one of them",
                other.name,
                solver.name,
                solver.command_pattern()
            );
        }
        ensure!(
            other.folder != solver.folder,
            "{} and {} would share the log folder {}",
            other.name,
            solver.name,
            solver.folder
        );
    }
    Ok(())
}

/// The version line of a solver (its `--version` output, or the first line it prints).
pub(super) fn version(solver: &Solver, out: &Path) -> String {
    if solver.kind.is_relumip() {
        // The workspace's crates share one version number.
        return format!("relumip {}", env!("CARGO_PKG_VERSION"));
    }
    let scratch = out.join("work").join("version");
    if fresh_dir(&scratch).is_err() {
        return "version unknown".into();
    }
    let log = scratch.join("version.log");
    let cmd = solver.version_command(&scratch);
    let text = run_logged(cmd, &log, Duration::from_secs(30))
        .map(|_| read_log(&log))
        .unwrap_or_default();
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map_or("version unknown".into(), |l| {
            format!("{l} ({})", solver.program.display())
        })
}
