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

/// `gen network` and `gen robustness` write a network and a property that `verify`
/// reads: the ball of radius 0 is the point itself, robust by construction; a ball
/// covering the whole input range of a random network is not robust, and the
/// counterexample is printed; a bad range is a clear error.
#[test]
fn gen_writes_robustness_properties_that_verify_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name).to_str().expect("utf-8").to_string();
    let (net, point, ball) = (path("net.onnx"), path("point.vnnlib"), path("ball.vnnlib"));
    let out = relumip(&[
        "gen",
        "network",
        "--widths",
        "20,16,16,4",
        "--seed",
        "3",
        "-o",
        &net,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("20 inputs, 32 ReLUs in 2 hidden layers, 4 outputs"));
    for (eps, file, answer) in [("0", &point, "unsat"), ("1", &ball, "sat")] {
        let out = relumip(&[
            "gen",
            "robustness",
            "--network",
            &net,
            "--eps",
            eps,
            "--seed",
            "5",
            "-o",
            file,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("20 inputs, 3 cases"),
            "{}",
            text(&out.stdout)
        );
        let out = relumip(&[
            "verify",
            &net,
            file,
            "--timeout",
            "60",
            "--threads",
            "1",
            "--exact-check",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert_eq!(stdout.lines().next(), Some(answer), "eps {eps}: {stdout}");
        let exact = if answer == "sat" {
            "exact check: counterexample confirmed exactly"
        } else {
            "exact check: no counterexample to check"
        };
        assert!(stdout.contains(exact), "eps {eps}: {stdout}");
    }
    let out = relumip(&[
        "gen",
        "robustness",
        "--network",
        &net,
        "--eps",
        "0.1",
        "--clip",
        "1,0",
        "-o",
        &ball,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("expected LO,HI with finite LO <= HI"));
}

/// Runs `relumip solve FILE ARGS... --stats` and returns stdout, stderr, exit code
/// and the statistics (null when the run failed).
fn solve_with_stats(
    file: &Path,
    args: &[&str],
) -> (String, String, Option<i32>, serde_json::Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    let stats = dir.path().join("stats.json");
    let mut all = vec![
        "solve",
        file.to_str().expect("utf-8"),
        "--threads",
        "1",
        "--deterministic",
        "--stats",
        stats.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    let out = relumip(&all);
    let json = std::fs::read_to_string(&stats)
        .map(|t| serde_json::from_str(&t).expect("JSON"))
        .unwrap_or(serde_json::Value::Null);
    (
        text(&out.stdout),
        text(&out.stderr),
        out.status.code(),
        json,
    )
}

#[test]
fn solve_takes_the_relu_structure_from_the_sidecar_or_detects_it() {
    let Some(bench) = common::benchmarks() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let acas = bench.join("acasxu");
    let out = relumip(&[
        "export",
        acas.join("onnx/ACASXU_run2a_2_3_batch_2000.onnx")
            .to_str()
            .expect("utf-8"),
        acas.join("vnnlib/prop_4.vnnlib").to_str().expect("utf-8"),
        "--bounds",
        "symbolic",
        "--out",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mps = dir
        .path()
        .join("ACASXU_run2a_2_3_batch_2000_prop_4_case0.mps");
    let sidecar = mps.with_extension("json");
    let limit = ["--node-limit", "1"];
    let counts = "ReLU structure: 300 units in 6 layers (60 unstable), 5 inputs";
    // Default: the sidecar beside the file.
    let (log, err, code, stats) = solve_with_stats(&mps, &limit);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        log.contains(&format!("{counts} (from sidecar {})", sidecar.display())),
        "{log}"
    );
    assert_eq!(stats["relu_source"], "sidecar");
    assert_eq!(stats["relu_units"], 300);
    assert_eq!(stats["relu_unstable"], 60);
    assert_eq!(stats["relu_layers"], 6);
    assert_eq!(stats["relu_inputs"], 5);
    // Without it: detection finds the same structure.
    let aside = dir.path().join("aside.json");
    std::fs::rename(&sidecar, &aside).expect("moves");
    let (log, _, code, stats) = solve_with_stats(&mps, &limit);
    assert_eq!(code, Some(0));
    assert!(log.contains(&format!("{counts} (detected in ")), "{log}");
    assert_eq!(stats["relu_source"], "detected");
    assert!(stats["time_relu_detection"]
        .as_f64()
        .is_some_and(|t| t >= 0.0));
    // A named sidecar, and off.
    let (log, _, _, _) = solve_with_stats(
        &mps,
        &[
            "--relu",
            aside.to_str().expect("utf-8"),
            "--node-limit",
            "1",
        ],
    );
    assert!(
        log.contains("(from sidecar") && log.contains("aside.json"),
        "{log}"
    );
    let (log, _, _, stats) = solve_with_stats(&mps, &["--relu", "off", "--node-limit", "1"]);
    assert!(log.contains("ReLU structure: off"), "{log}");
    assert_eq!(stats["relu_source"], "off");
    // A broken sidecar is an error naming it, beside the file or named.
    std::fs::write(&sidecar, "{\"relu\": {\"units\": 3}}").expect("writes");
    let (_, err, code, _) = solve_with_stats(&mps, &limit);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("prop_4_case0.json:1"), "{err}");
    let mut broken: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&aside).expect("reads")).expect("JSON");
    broken["relu"]["units"][0]["indicator"] = serde_json::json!(0);
    std::fs::write(&aside, broken.to_string()).expect("writes");
    let (_, err, code, _) = solve_with_stats(&mps, &["--relu", aside.to_str().expect("utf-8")]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("aside.json") && err.contains("does not fit the model"),
        "{err}"
    );
}

#[test]
fn solve_detects_the_structure_of_a_generated_network_and_keeps_its_answer() {
    let instance = common::root().join("instances/relu5-16-16-3.mps");
    let (log, err, code, stats) = solve_with_stats(&instance, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        log.contains("ReLU structure: 32 units in 2 layers (32 unstable), 5 inputs (detected in "),
        "{log}"
    );
    assert_eq!(stats["relu_source"], "detected");
    let (log_off, _, code, stats_off) = solve_with_stats(&instance, &["--relu", "off"]);
    assert_eq!(code, Some(0));
    assert!(log_off.contains("ReLU structure: off"));
    assert_eq!(stats["status"], "optimal");
    assert_eq!(stats_off["status"], "optimal");
    let (a, b) = (
        stats["objective"].as_f64().expect("objective"),
        stats_off["objective"].as_f64().expect("objective"),
    );
    assert!(
        (a - b).abs() <= 1e-6 && (a + 0.545752).abs() <= 1e-6,
        "{a} vs {b}"
    );
    let knapsack = common::root().join("instances/knapsack40x3.mps");
    let (log, _, _, stats) = solve_with_stats(&knapsack, &[]);
    assert!(log.contains("ReLU structure: none found"), "{log}");
    assert_eq!(stats["relu_source"], "none");
    assert_eq!(stats["relu_units"], 0);
}

/// A memory limit below what the process already uses stops the search at once with
/// status `memory_limit`; the statistics say so and the run still ends normally.
#[test]
fn memory_limit_stops_solve_with_its_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let model = common::slow_relu_model(dir.path());
    let stats = dir.path().join("relu.json");
    let out = relumip(&[
        "solve",
        model.to_str().expect("utf-8 path"),
        "--memory-limit",
        "1",
        "--time-limit",
        "300",
        "--stats",
        stats.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Status            memory_limit"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats file"))
            .expect("valid JSON");
    assert_eq!(json["status"], "memory_limit");
}

/// A long `verify` prints a progress line per finished search and periodic lines of
/// the running search on stderr (ACAS Xu 3_3 property 2 is not decided in 4 s).
#[test]
fn long_verify_prints_progress_lines() {
    let Some((net, property)) = common::undecided_acas_instance() else {
        return;
    };
    let out = relumip(&[
        "verify",
        net.to_str().expect("utf-8 path"),
        property.to_str().expect("utf-8 path"),
        "--timeout",
        "4",
        "--threads",
        "2",
        "--log-interval",
        "0.5",
    ]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().next(), Some("timeout"));
    assert!(
        text(&out.stderr)
            .lines()
            .any(|l| l.starts_with('[') && l.contains("search: ") && l.contains(" nodes, ")),
        "no line of the running search:
{}",
        text(&out.stderr)
    );
    let log = text(&out.stderr);
    assert!(
        log.lines()
            .any(|l| l.starts_with('[') && l.contains("searches in this round")),
        "no progress line:\n{log}"
    );
}

/// The paragraph of `option` in a command's `--help`.
fn help_paragraph(command: &str, option: &str) -> String {
    let out = relumip(&[command, "--help"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    let start = help
        .lines()
        .position(|l| l.trim_start().starts_with(option))
        .unwrap_or_else(|| panic!("{command} --help lacks {option}:\n{help}"));
    let lines: Vec<&str> = help.lines().collect();
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.trim_start().starts_with('-'))
        .map_or(lines.len(), |k| start + 1 + k);
    lines[start..end].join(" ")
}

/// Every command that can run long states its default time limit in `--help`.
#[test]
fn help_states_the_default_time_limit_of_every_long_command() {
    for (command, option, default) in [
        ("solve", "--time-limit", "[default: none]"),
        ("sparse", "--time-limit", "[default: 300]"),
        ("train", "--time-limit", "[default: 300]"),
        ("adversarial", "--time-limit", "[default: 300]"),
        ("verify", "--timeout", "[default: 300]"),
        ("bench", "--time-limit", "else 60]"),
    ] {
        let paragraph = help_paragraph(command, option);
        assert!(
            paragraph.contains(default),
            "{command} {option}: {paragraph}"
        );
    }
}

/// Without `--time-limit` the default limit is applied, as the logs state; `inf`
/// asks for none.
#[test]
fn default_time_limits_are_applied() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name).to_str().expect("utf-8").to_string();
    // solve: none.
    let knapsack = common::root().join("instances/knapsack40x3.mps");
    let out = relumip(&["solve", knapsack.to_str().expect("utf-8"), "--threads", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("time limit none"),
        "{}",
        text(&out.stdout)
    );
    // sparse: 300 s, or none with inf.
    let regression = path("fit.csv");
    std::fs::write(&regression, "0,0\n1,1\n2,2\n3,3\n").expect("write data");
    for (extra, expected) in [
        (None, "time limit 300.0s"),
        (Some("inf"), "time limit none"),
    ] {
        let mut args = vec!["sparse", &regression, "--hidden", "1", "--threads", "1"];
        if let Some(limit) = extra {
            args.extend(["--time-limit", limit]);
        }
        let out = relumip(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains(expected),
            "{}",
            text(&out.stdout)
        );
    }
    // train: 300 s for the whole training.
    let classes = path("classes.csv");
    let rows: String = (0..20)
        .map(|i| format!("{},{},{}\n", i as f64 / 20.0, (i % 3) as f64, i % 2))
        .collect();
    std::fs::write(&classes, rows).expect("write data");
    let out = relumip(&[
        "train", &classes, "--method", "adam", "--layers", "2", "--epochs", "1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Time limit: 300.0s"),
        "{}",
        text(&out.stdout)
    );
    // verify and adversarial: 300 s, stated on stderr.
    let (net, prop, input) = (path("net.onnx"), path("prop.vnnlib"), path("x.txt"));
    let out = relumip(&[
        "gen", "network", "--widths", "2,4,2", "--seed", "1", "-o", &net,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = relumip(&[
        "gen",
        "robustness",
        "--network",
        &net,
        "--eps",
        "0",
        "-o",
        &prop,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = relumip(&["verify", &net, &prop, "--threads", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("time limit 300.0s"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(&input, "0.5,0.5\n").expect("write input");
    let out = relumip(&[
        "adversarial",
        &net,
        "--input",
        &input,
        "--target",
        "1",
        "--max-distance",
        "1",
        "--threads",
        "1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("time limit 300.0s"),
        "{}",
        text(&out.stderr)
    );
    // adversarial's search log (distance found, bound) goes to stderr, the answer to
    // stdout.
    assert!(
        text(&out.stderr).contains("Best bound"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).starts_with("distance "),
        "{}",
        text(&out.stdout)
    );
    assert!(!text(&out.stdout).contains("Best bound"));
}

/// `solve --exact-check` re-checks the solution in rational arithmetic and says so.
#[test]
fn solve_exact_check_prints_its_verdict() {
    let instance = common::root().join("instances/knapsack40x3.mps");
    let out = relumip(&[
        "solve",
        instance.to_str().expect("utf-8"),
        "--threads",
        "1",
        "--quiet",
        "--exact-check",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("exact check: feasible within tolerances (max violation 0.0e0, exact value), integral, exactly feasible"),
        "{stdout}"
    );
}
