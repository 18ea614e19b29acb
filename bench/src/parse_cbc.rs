//! Reading the log that the `cbc` command prints (CBC 2.10 and the cbcbox build).
//!
//! For a MIP, the block after the `Result - ...` line is read:
//!
//! ```text
//! Result - Optimal solution found       (or Problem proven infeasible, Stopped on
//!                                         time limit, Stopped on solution limit, ...)
//! Objective value:                3089  (absent when no solution was found)
//! Lower bound:                    -2958.4   (Upper bound: for maximisation; printed
//!                                             only when the search stopped early)
//! Enumerated nodes:               0
//! Total time (Wallclock seconds): 0.0559   (CPU seconds): 0.051
//! ```
//!
//! The time is the wall-clock figure of `Total time (Wallclock seconds)` (else of
//! `Time (Wallclock seconds)`). For an optimal run, the bound is the objective. A model
//! without integers prints no `Result` line; then a line `... Optimal — Obj: 2.5 ...`
//! gives an optimal run, and a line that says infeasibility was proved (or
//! `Problem is infeasible - ... seconds`, an infeasible root LP) gives an
//! infeasible one. CBC prints objectives and bounds in the model's sense.

use crate::parse_highs::{first_number, value_after};
use crate::{RunResult, RunStatus};

fn status_from(text: &str, has_solution: bool) -> (RunStatus, Option<String>) {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("optimal") {
        (RunStatus::Optimal, None)
    } else if lower.contains("unbounded") {
        (RunStatus::Unbounded, None)
    } else if lower.contains("infeasible") {
        (RunStatus::Infeasible, None)
    } else if lower.starts_with("stopped") {
        (RunStatus::stopped(has_solution), None)
    } else {
        (RunStatus::Error, Some(format!("CBC result '{text}'")))
    }
}

/// Reads a CBC log. A log without a result gives [`RunStatus::Error`].
pub fn parse_cbc_log(log: &str) -> RunResult {
    let mut result_text = None;
    let mut objective = None;
    let mut bound = None;
    let mut nodes = None;
    let mut time = None;
    let mut lp_status = None;
    for line in log.lines() {
        if let Some(v) = value_after(line, "Result -") {
            result_text = Some(v.to_string());
        } else if result_text.is_some() {
            if let Some(v) = value_after(line, "Objective value") {
                objective = first_number(v).filter(|x| x.is_finite());
            } else if let Some(v) =
                value_after(line, "Lower bound").or_else(|| value_after(line, "Upper bound"))
            {
                bound = first_number(v).filter(|x| x.is_finite());
            } else if let Some(v) = value_after(line, "Enumerated nodes") {
                nodes = first_number(v).filter(|n| *n >= 0.0).map(|n| n as u64);
            }
        } else if let Some((_, rest)) = line.split_once("Optimal — Obj:") {
            lp_status = Some((RunStatus::Optimal, first_number(rest)));
        } else if line.starts_with("Problem is infeasible")
            || (line.contains("nfeasib") && (line.contains("proved") || line.contains("proven")))
        {
            lp_status = Some((RunStatus::Infeasible, None));
        }
        if let Some(v) = value_after(line, "Total time (Wallclock seconds)") {
            time = first_number(v);
        } else if let Some(v) = value_after(line, "Time (Wallclock seconds)") {
            time = time.or(first_number(v));
        }
    }
    let (status, message) = match (&result_text, lp_status) {
        (Some(text), _) => status_from(text, objective.is_some()),
        (None, Some((status, value))) => {
            objective = value.filter(|v| v.is_finite());
            nodes = Some(0);
            (status, None)
        }
        (None, None) => return RunResult::error("no result line in the CBC log"),
    };
    RunResult {
        status,
        objective,
        bound,
        nodes,
        time,
        message,
    }
    .normalised()
}
