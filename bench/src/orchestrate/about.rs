//! What the summary says about the run besides the results: the notes on the
//! settings, the date and the machine.

use super::{BenchOptions, Planned};
use crate::peers::Solver;
use relumip_solver::verify::BoundsMethod;
use time::macros::format_description;
use time::OffsetDateTime;

/// The notes of the summary: time limits, threads, gap and repeats, where the times
/// come from, the command line of every configuration of relumip, and for network
/// suites how the instances were exported and run.
pub(super) fn notes(
    options: &BenchOptions,
    plan: &[Planned<'_>],
    solvers: &[Solver],
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
    for s in solvers.iter().filter(|s| !s.options.is_empty()) {
        notes.push(format!("`{}` runs `{}`.", s.name, s.command_pattern()));
    }
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
pub(super) fn today() -> String {
    OffsetDateTime::now_utc()
        .date()
        .format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// The machine: its core count and CPU model (from `/proc/cpuinfo`, when present).
pub(super) fn machine() -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_an_iso_date() {
        let date = today();
        let parts: Vec<&str> = date.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [4, 2, 2],
            "{date}"
        );
        assert!(parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
        let month: u32 = parts[1].parse().expect("month");
        let day: u32 = parts[2].parse().expect("day");
        assert!(
            (1..=12).contains(&month) && (1..=31).contains(&day),
            "{date}"
        );
    }
}
