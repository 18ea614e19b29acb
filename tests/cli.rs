//! End-to-end tests of the `relumip` binary: exit status, log, solution and
//! statistics files, and clear errors for bad input and usage.

mod common;

use common::{relumip, text};
use std::path::Path;

#[test]
fn solve_writes_log_solution_and_statistics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sol = dir.path().join("knapsack.sol");
    let stats = dir.path().join("knapsack.json");
    let instance = common::root().join("instances/knapsack40x3.mps");
    let out = relumip(&[
        "solve",
        instance.to_str().expect("utf-8 path"),
        "--threads",
        "2",
        "--solution",
        sol.to_str().expect("utf-8 path"),
        "--stats",
        stats.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let log = text(&out.stdout);
    for expected in [
        "3 rows, 40 columns (40 binary, 0 integer, 0 continuous), 120 nonzeros",
        "Nodes",
        "Best bound",
        "Status            optimal",
        "Objective         928",
        "Solution check    feasible",
    ] {
        assert!(log.contains(expected), "log lacks '{expected}':\n{log}");
    }
    let solution = std::fs::read_to_string(&sol).expect("solution file");
    let mut lines = solution.lines();
    assert_eq!(lines.next(), Some("status optimal"));
    assert_eq!(lines.next(), Some("objective 928.0"));
    let values: Vec<(String, f64)> = lines
        .map(|l| {
            let (name, value) = l.split_once(' ').expect("name value");
            (name.to_string(), value.parse().expect("number"))
        })
        .collect();
    assert_eq!(values.len(), 40);
    assert!(values
        .iter()
        .all(|(n, v)| n.starts_with('x') && (*v == 0.0 || *v == 1.0)));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats file"))
            .expect("valid JSON");
    assert_eq!(json["status"], "optimal");
    assert_eq!(json["objective"], 928.0);
    assert_eq!(json["best_bound"], 928.0);
    assert_eq!(json["gap"], 0.0);
    assert_eq!(json["threads"], 2);
    for key in [
        "nodes",
        "lp_iterations",
        "time_seconds",
        "time_lp",
        "time_branching",
        "time_read",
    ] {
        assert!(json[key].is_number(), "missing number {key} in {json}");
    }
}

#[test]
fn infeasible_and_limits_end_normally() {
    let Some(bench) = common::benchmarks() else {
        return;
    };
    let infeasible = bench.join("miplib-small/infeasible-mip1.mps");
    let dir = tempfile::tempdir().expect("temp dir");
    let stats = dir.path().join("s.json");
    let out = relumip(&[
        "solve",
        infeasible.to_str().expect("utf-8"),
        "--stats",
        stats.to_str().expect("utf-8"),
        "--quiet",
    ]);
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "--quiet printed: {}",
        text(&out.stdout)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats")).expect("JSON");
    assert_eq!(json["status"], "infeasible");
    let hard = bench.join("miplib-small/p0548.mps");
    let out = relumip(&[
        "solve",
        hard.to_str().expect("utf-8"),
        "--node-limit",
        "50",
        "--stats",
        stats.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Status            node_limit"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats")).expect("JSON");
    assert_eq!(json["status"], "node_limit");
    assert!(json["nodes"].as_u64().is_some_and(|n| n <= 50));
}

#[test]
fn bad_input_gives_a_clear_error_and_nonzero_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.mps");
    std::fs::write(
        &bad,
        "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n    x c2 1\nENDATA\n",
    )
    .expect("write");
    let out = relumip(&["solve", bad.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.mps:6") && err.contains("unknown row 'c2'"),
        "stderr: {err}"
    );
    let out = relumip(&["solve", "/nonexistent/model.mps"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/model.mps"));
}

#[test]
fn bad_usage_exits_with_status_two() {
    let out = relumip(&["solve", "x.mps", "--branching", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nonsense"));
    let out = relumip(&["solve"]);
    assert_eq!(out.status.code(), Some(2));
    let instance = common::root().join("instances/knapsack40x3.mps");
    let out = relumip(&[
        "solve",
        instance.to_str().expect("utf-8"),
        "--time-limit",
        "-3",
    ]);
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn gen_writes_a_model_that_solve_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("k.mps");
    let out = relumip(&[
        "gen",
        "knapsack",
        "--items",
        "12",
        "--dimensions",
        "2",
        "--seed",
        "7",
        "-o",
        path.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(Path::new(&path).exists());
    let out = relumip(&[
        "solve",
        path.to_str().expect("utf-8"),
        "--deterministic",
        "--threads",
        "2",
    ]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Status            optimal"));
}
