//! Reading the log that the `highs` command prints (HiGHS 1.x, checked on 1.15.1).
//!
//! For a MIP, only the `Solving report` block at the end is read, one line each:
//!
//! ```text
//!   Status            Optimal            (or Infeasible, Time limit reached, ...)
//!   Primal bound      3089               (objective of the best solution; inf if none)
//!   Dual bound        3089               (best bound; -inf/inf if none)
//!   Timing            0.03               (total seconds of the run)
//!   Nodes             1
//! ```
//!
//! For a model without integers HiGHS prints no such block; then the lines
//! `Model status        : Optimal`, `Objective value     :  2.5e+00` and
//! `HiGHS run time      :          0.00` are read (nodes 0; the bound of an optimal LP
//! is its objective). Bounds and objectives are in the model's sense (HiGHS reports
//! maximisation problems as they are stated). A model whose column bounds are
//! inconsistent stops at once with
//! `Model has 1 significant inconsistent bound(s): infeasible` (infeasible, nodes 0,
//! no time: the harness then takes the wall-clock time).

use crate::{RunResult, RunStatus};

/// The text after `key` (and whitespace or a colon) when `line` starts with it.
pub(crate) fn value_after<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.trim_start().strip_prefix(key)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    Some(rest.trim())
}

/// The first whitespace-separated token of `text` as a number (`inf`, `-inf`, `+inf`
/// accepted).
pub(crate) fn first_number(text: &str) -> Option<f64> {
    let token = text.split_whitespace().next()?;
    let token = token.trim_end_matches([',', '%']);
    match token {
        "inf" | "+inf" | "Inf" | "+Inf" => Some(f64::INFINITY),
        "-inf" | "-Inf" => Some(f64::NEG_INFINITY),
        _ => token.parse::<f64>().ok().filter(|v| !v.is_nan()),
    }
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// Maps a HiGHS model status to a run status, given whether a solution exists.
fn status_from(text: &str, has_solution: bool) -> (RunStatus, Option<String>) {
    let lower = text.to_ascii_lowercase();
    match lower.as_str() {
        "optimal" => (RunStatus::Optimal, None),
        "infeasible" => (RunStatus::Infeasible, None),
        "unbounded" => (RunStatus::Unbounded, None),
        s if s.contains("limit") || s.contains("interrupt") || s.contains("objective") => {
            (RunStatus::stopped(has_solution), None)
        }
        _ => (
            RunStatus::Error,
            Some(format!("HiGHS model status '{text}'")),
        ),
    }
}

/// Reads a HiGHS log. A log without a status line gives [`RunStatus::Error`].
pub fn parse_highs_log(log: &str) -> RunResult {
    let mut status_text = None;
    let mut objective = None;
    let mut bound = None;
    let mut time = None;
    let mut nodes = None;
    let mut in_report = false;
    for line in log.lines() {
        if line.trim() == "Solving report" {
            in_report = true;
            continue;
        }
        if in_report {
            if let Some(v) = value_after(line, "Status") {
                status_text = Some(v.to_string());
            } else if let Some(v) = value_after(line, "Primal bound") {
                objective = finite(first_number(v));
            } else if let Some(v) = value_after(line, "Dual bound") {
                bound = finite(first_number(v));
            } else if let Some(v) = value_after(line, "Timing") {
                time = time.or(first_number(v));
            } else if let Some(v) = value_after(line, "Nodes") {
                nodes = first_number(v).filter(|n| *n >= 0.0).map(|n| n as u64);
            }
        } else if line.starts_with("Model has") && line.trim_end().ends_with(": infeasible") {
            // Inconsistent column bounds: HiGHS stops before solving.
            status_text = Some("Infeasible".to_string());
            nodes = Some(0);
        } else if let Some(v) = value_after(line, "Model status") {
            status_text = Some(v.to_string());
            nodes = Some(0);
        } else if let Some(v) = value_after(line, "Objective value") {
            objective = finite(first_number(v));
        } else if let Some(v) = value_after(line, "HiGHS run time") {
            time = first_number(v);
        }
    }
    let Some(text) = status_text else {
        return RunResult::error("no status line in the HiGHS log");
    };
    let (status, message) = status_from(&text, objective.is_some());
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
