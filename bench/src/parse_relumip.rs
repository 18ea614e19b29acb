//! Reading what relumip's own commands write.
//!
//! - `relumip solve FILE --stats S.json`: the JSON fields `status` (`optimal`,
//!   `infeasible`, `unbounded`, `time_limit`, `node_limit`, `gap_limit`,
//!   `solution_limit`, `error`), `objective`, `best_bound`, `nodes` and
//!   `time_seconds` (read, solve and write).
//! - `relumip verify NET PROP`: the answer line on standard output (`sat`, `unsat`,
//!   `timeout` or `unknown`, alone on its line), and on standard error the lines
//!   `cases [..]: ... N nodes ...` (nodes summed) and `time X.XXXs`.

use crate::parse_highs::first_number;
use crate::{RunResult, RunStatus};
use serde_json::Value;

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.as_str() {
            "inf" => Some(f64::INFINITY),
            "-inf" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

/// Reads the statistics file of `relumip solve --stats`.
pub fn parse_stats_json(text: &str) -> RunResult {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return RunResult::error(format!("unreadable statistics file: {e}")),
    };
    let objective = number(&value["objective"]).filter(|x| x.is_finite());
    let bound = number(&value["best_bound"]).filter(|x| x.is_finite());
    let status_text = value["status"].as_str().unwrap_or("");
    let (status, message) = match status_text {
        "optimal" => (RunStatus::Optimal, None),
        "infeasible" => (RunStatus::Infeasible, None),
        "unbounded" => (RunStatus::Unbounded, None),
        "time_limit" | "interrupted" | "memory_limit" | "node_limit" | "gap_limit"
        | "solution_limit" => (RunStatus::stopped(objective.is_some()), None),
        other => (
            RunStatus::Error,
            Some(format!(
                "relumip status '{other}'{}",
                value["message"]
                    .as_str()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default()
            )),
        ),
    };
    RunResult {
        status,
        objective: if status.has_solution() {
            objective
        } else {
            None
        },
        bound: if matches!(status, RunStatus::Infeasible | RunStatus::Unbounded) {
            None
        } else {
            bound
        },
        nodes: value["nodes"].as_u64(),
        time: number(&value["time_seconds"]),
        message,
    }
}

/// Reads the output (standard output and error together) of `relumip verify`.
pub fn parse_verify_output(text: &str) -> RunResult {
    let mut answer = None;
    let mut nodes: Option<u64> = None;
    let mut time = None;
    let mut error = None;
    for line in text.lines() {
        let trimmed = line.trim();
        match trimmed {
            "sat" | "unsat" | "timeout" | "unknown" if answer.is_none() => {
                answer = Some(trimmed.to_string());
            }
            _ => {}
        }
        if let Some(rest) = trimmed.strip_prefix("time ") {
            time = first_number(rest.trim_end_matches('s'));
        }
        if trimmed.starts_with("cases [") {
            if let Some((before, _)) = trimmed.split_once(" nodes") {
                let n = before
                    .rsplit([' ', ','])
                    .next()
                    .and_then(|t| t.parse::<u64>().ok());
                if let Some(n) = n {
                    nodes = Some(nodes.unwrap_or(0) + n);
                }
            }
        }
        if let Some(rest) = trimmed.strip_prefix("error:") {
            error = Some(rest.trim().to_string());
        } else if let Some(rest) = trimmed.strip_prefix("unknown:") {
            error = Some(rest.trim().to_string());
        }
    }
    let status = match answer.as_deref() {
        Some("sat") => RunStatus::Sat,
        Some("unsat") => RunStatus::Unsat,
        Some("timeout") => RunStatus::Timeout,
        Some(_) => RunStatus::Error,
        None => {
            return RunResult::error(
                error.unwrap_or_else(|| "no answer line in the relumip verify output".into()),
            )
        }
    };
    RunResult {
        status,
        objective: None,
        bound: None,
        nodes: Some(nodes.unwrap_or(0)),
        time,
        message: if status == RunStatus::Error {
            error
        } else {
            None
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_file() {
        let r = parse_stats_json(
            r#"{"status":"optimal","objective":928.0,"best_bound":928.0,"nodes":1375,"time_seconds":0.02}"#,
        );
        assert_eq!(r.status, RunStatus::Optimal);
        assert_eq!(
            (r.objective, r.bound, r.nodes),
            (Some(928.0), Some(928.0), Some(1375))
        );
        assert_eq!(r.time, Some(0.02));
        let r = parse_stats_json(
            r#"{"status":"infeasible","objective":null,"best_bound":"inf","nodes":21,"time_seconds":0.1}"#,
        );
        assert_eq!(r.status, RunStatus::Infeasible);
        assert_eq!(r.bound, None);
        let r = parse_stats_json(
            r#"{"status":"time_limit","objective":null,"best_bound":-3.5,"nodes":9,"time_seconds":60.0}"#,
        );
        assert_eq!(r.status, RunStatus::Timeout);
        assert_eq!(r.bound, Some(-3.5));
        let r = parse_stats_json(
            r#"{"status":"solution_limit","objective":-0.1,"best_bound":-1,"nodes":2,"time_seconds":1}"#,
        );
        assert_eq!(r.status, RunStatus::Feasible);
        assert_eq!(parse_stats_json("{").status, RunStatus::Error);
        let r = parse_stats_json(r#"{"status":"error","message":"LP trouble"}"#);
        assert_eq!(r.status, RunStatus::Error);
        assert!(r.message.unwrap_or_default().contains("LP trouble"));
    }

    #[test]
    fn verify_output() {
        let out = "unsat\ncases [0]: infeasible (12 unstable neurons, 12 binaries, 37 nodes, bounds 0.100s, total 0.500s)\n\
                   cases [1]: bounds (0 unstable neurons, 0 binaries, 0 nodes, bounds 0.010s, total 0.010s)\ntime 0.612s\n";
        let r = parse_verify_output(out);
        assert_eq!(r.status, RunStatus::Unsat);
        assert_eq!(r.nodes, Some(37));
        assert_eq!(r.time, Some(0.612));
        let r = parse_verify_output("sat\ntime 0.000s\n");
        assert_eq!(r.status, RunStatus::Sat);
        let r = parse_verify_output("unknown\nunknown: the check failed\ntime 1.0s\n");
        assert_eq!(r.status, RunStatus::Error);
        assert_eq!(r.message.as_deref(), Some("the check failed"));
        let r = parse_verify_output("error: net.onnx: no such file\n");
        assert_eq!(r.status, RunStatus::Error);
        assert_eq!(r.message.as_deref(), Some("net.onnx: no such file"));
    }
}
