//! Ctrl-C (SIGINT) and SIGTERM end a run as its time limit would: the search stops,
//! the summary and every output file hold what was found, `verify` writes `timeout`
//! to its VNN-COMP result file, and `bench` writes the reports of the instances it
//! finished.
#![cfg(unix)]

mod common;

use common::text;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_relumip"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{name} failed");
}

/// Waits until `ready` holds (polling), at most `limit`.
fn wait_until(limit: Duration, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "the run never got under way");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Sends `name` to the child and returns its output; the run must end long
/// before its own time limit (the limits below are minutes).
fn stop_with(child: Child, name: &str) -> (Output, Duration) {
    signal(&child, name);
    let sent = Instant::now();
    let out = child.wait_with_output().expect("the run ends");
    (out, sent.elapsed())
}

#[test]
fn ctrl_c_ends_solve_with_its_incumbent_and_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let model = common::slow_relu_model(dir.path());
    let (sol, stats) = (dir.path().join("slow.sol"), dir.path().join("slow.json"));
    let child = spawn(&[
        "solve",
        model.to_str().expect("utf-8 path"),
        "--time-limit",
        "300",
        "--threads",
        "2",
        "--solution",
        sol.to_str().expect("utf-8 path"),
        "--stats",
        stats.to_str().expect("utf-8 path"),
    ]);
    // The forward-pass and input-split solutions come within the first second.
    std::thread::sleep(Duration::from_secs(3));
    let (out, took) = stop_with(child, "INT");
    assert!(took < Duration::from_secs(30), "stopped after {took:?}");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let log = text(&out.stdout);
    assert!(log.contains("Status            interrupted"), "{log}");
    assert!(log.contains("Solution check    feasible"), "{log}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats file"))
            .expect("valid JSON");
    assert_eq!(json["status"], "interrupted");
    let objective = json["objective"].as_f64().expect("an incumbent");
    let bound = json["best_bound"].as_f64().expect("a bound");
    assert!(bound <= objective + 1e-9, "bound {bound} above {objective}");
    let solution = std::fs::read_to_string(&sol).expect("solution file");
    assert_eq!(solution.lines().next(), Some("status interrupted"));
}

#[test]
fn sigterm_ends_verify_with_a_timeout_result() {
    // Property 2 on net 3_3 is not decided in a minute.
    let Some((net, property)) = common::undecided_acas_instance() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let result = dir.path().join("result.txt");
    let child = spawn(&[
        "verify",
        net.to_str().expect("utf-8 path"),
        property.to_str().expect("utf-8 path"),
        "--timeout",
        "300",
        "--threads",
        "2",
        "--result",
        result.to_str().expect("utf-8 path"),
    ]);
    std::thread::sleep(Duration::from_secs(5));
    let (out, took) = stop_with(child, "TERM");
    assert!(took < Duration::from_secs(30), "stopped after {took:?}");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let written = std::fs::read_to_string(&result).expect("result file");
    assert_eq!(written.trim(), "timeout");
}

#[test]
fn ctrl_c_ends_bench_with_the_reports_of_finished_instances() {
    let dir = tempfile::tempdir().expect("temp dir");
    let suite = dir.path().join("suite");
    std::fs::create_dir(&suite).expect("suite folder");
    std::fs::copy(
        common::root().join("instances/knapsack40x3.mps"),
        suite.join("a_knapsack.mps"),
    )
    .expect("copy");
    std::fs::rename(
        common::slow_relu_model(dir.path()),
        suite.join("b_slow.mps"),
    )
    .expect("move");
    let out_dir = dir.path().join("out");
    let child = spawn(&[
        "bench",
        suite.to_str().expect("utf-8 path"),
        "--solvers",
        "relumip",
        "--time-limit",
        "300",
        "--quiet",
        "--out",
        out_dir.to_str().expect("utf-8 path"),
    ]);
    let slow_log = out_dir.join("logs/relumip/b_slow.log");
    wait_until(Duration::from_secs(60), || slow_log.exists());
    std::thread::sleep(Duration::from_secs(1));
    let (out, took) = stop_with(child, "INT");
    assert!(took < Duration::from_secs(30), "stopped after {took:?}");
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let results = std::fs::read_to_string(out_dir.join("results.csv")).expect("results.csv");
    assert!(results.contains("a_knapsack"), "{results}");
    assert!(!results.contains("b_slow"), "{results}");
    assert!(out_dir.join("summary.md").exists());
}
