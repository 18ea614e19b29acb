//! The solvers of a run: those asked for that can run, and their version lines.

use super::fresh_dir;
use crate::peers::{find_on_path, read_log, run_logged, Solver, SolverKind};
use anyhow::Result;
use std::path::Path;
use std::time::Duration;

/// The solvers asked for (or the defaults), those not found on `PATH` skipped.
pub(super) fn choose_solvers(
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
