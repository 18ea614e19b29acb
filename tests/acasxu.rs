//! ACAS Xu instances answered in agreement with the VNN-COMP ground truth, every `sat`
//! with a counterexample re-checked here by a forward pass in `f64` and in exact
//! rational arithmetic, and the exported MPS of a
//! few instances solved by `relumip solve` with the same answer as `relumip verify`.

mod common;

use relumip_solver::exact::{approx, check_counterexample_exactly};
use relumip_solver::io::mps::read_mps;
use relumip_solver::io::onnx::read_onnx;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::nn::property::Property;
use relumip_solver::nn::Network;
use relumip_solver::search::{Schedule, Settings};
use relumip_solver::verify::Counterexample;
use relumip_solver::verify::{parse_result_file, verify, Answer, VerifyOptions};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// (network, property, ground truth) — quick instances of both kinds.
const INSTANCES: &[(&str, &str, &str)] = &[
    ("2_1", "prop_3", "unsat"),
    ("2_2", "prop_3", "unsat"),
    ("2_6", "prop_4", "unsat"),
    ("3_7", "prop_4", "unsat"),
    ("1_7", "prop_3", "sat"),
    ("1_8", "prop_4", "sat"),
    ("3_1", "prop_2", "sat"),
    ("2_9", "prop_8", "sat"),
    ("1_7", "prop_1", "unsat"),
    // Missed by the first attack, found by the attack inside a sub-box.
    ("1_4", "prop_2", "sat"),
    // Disjunctive (four cases over one box): refuted by input splits with
    // optimised slopes at the split nodes and the stall rule.
    ("1_1", "prop_5", "unsat"),
    // Thin counterexample regions, found by the late attack (restarts each followed
    // by a descent over linear regions) beside the search.
    ("5_3", "prop_2", "sat"),
    ("1_9", "prop_7", "sat"),
];

fn paths(dir: &Path, net: &str, prop: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    (
        dir.join(format!("acasxu/onnx/ACASXU_run2a_{net}_batch_2000.onnx")),
        dir.join(format!("acasxu/vnnlib/{prop}.vnnlib")),
    )
}

fn ground_truth(dir: &Path, net: &str, prop: &str) -> String {
    let text = std::fs::read_to_string(dir.join("acasxu/groundtruth.csv")).expect("ground truth");
    let key = format!("acasxu,onnx/ACASXU_run2a_{net}_batch_2000.onnx,vnnlib/{prop}.vnnlib,");
    let line = text
        .lines()
        .find(|l| l.starts_with(&key))
        .expect("instance in ground truth");
    line.split(',').nth(4).expect("answer column").to_string()
}

/// Re-checks a counterexample exactly: it must violate the property with no
/// tolerance at all.
fn assert_exact(label: &str, net: &Network, property: &Property, cex: &Counterexample) {
    let started = std::time::Instant::now();
    let check = check_counterexample_exactly(net, property, cex.case, &cex.input)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    eprintln!(
        "{label}: exact check {} ({:.3}s)",
        check.summary(),
        started.elapsed().as_secs_f64()
    );
    assert!(check.holds_exactly(), "{label}: {}", check.summary());
    for (exact, &y) in check.output.iter().zip(&cex.output) {
        assert!(
            (approx(exact) - y).abs() <= 1e-9,
            "{label}: f64 output {y} far from exact"
        );
    }
}

/// `verify`'s defaults with two threads, the given schedule and time limit.
fn two_threads(seconds: u64, schedule: Schedule) -> VerifyOptions {
    VerifyOptions {
        timeout: Some(Duration::from_secs(seconds)),
        search: Settings {
            threads: 2,
            schedule,
            ..Settings::default()
        },
        ..VerifyOptions::default()
    }
}

#[test]
fn answers_agree_with_ground_truth_and_counterexamples_check() {
    let Some(dir) = common::benchmarks() else {
        return;
    };
    for &(net_id, prop_id, expected) in INSTANCES {
        assert_eq!(
            ground_truth(&dir, net_id, prop_id),
            expected,
            "table out of date for {net_id} {prop_id}"
        );
        let (onnx, vnnlib) = paths(&dir, net_id, prop_id);
        let net = read_onnx(&onnx).expect("network");
        let property = read_vnnlib(&vnnlib).expect("property");
        let options = two_threads(60, Schedule::Opportunistic);
        let report = verify(&net, &property, &options).expect("verify");
        assert_eq!(
            report.answer.as_str(),
            expected,
            "{net_id} {prop_id}: {:?}",
            report.cases
        );
        if prop_id == "prop_1" {
            // Property 1 leaves about 260 unstable ReLUs: `auto` splits inputs.
            assert!(
                report
                    .cases
                    .iter()
                    .all(|c| c.outcome == "bounds" || c.input_splits > 0),
                "{net_id} {prop_id}: {:?}",
                report.cases
            );
        }
        if let Answer::Sat(cex) = &report.answer {
            let y = net.forward(&cex.input);
            let case = &property.cases[cex.case];
            assert!(
                case.contains_input(&cex.input, 1e-9),
                "{net_id} {prop_id}: input outside the box"
            );
            assert!(
                case.output_holds(&y, 1e-6),
                "{net_id} {prop_id}: output does not violate the property"
            );
            assert_eq!(property.violated_case(&cex.input, &y, 1e-6), Some(cex.case));
            assert_exact(&format!("{net_id} {prop_id}"), &net, &property, cex);
        }
    }
}

#[test]
fn exported_mps_solved_by_relumip_agrees_with_verify() {
    let Some(dir) = common::benchmarks() else {
        return;
    };
    let out = tempfile::tempdir().expect("temp dir");
    // 2_7 prop_3: the LP-tightened bounds alone prove it (the margin's lower bound
    // is positive), so the export must still write bounds that every reader takes.
    for &(net_id, prop_id, expected) in &[
        ("2_1", "prop_3", "unsat"),
        ("1_7", "prop_3", "sat"),
        ("2_7", "prop_3", "unsat"),
    ] {
        let (onnx, vnnlib) = paths(&dir, net_id, prop_id);
        let result = out.path().join("result.txt");
        let status = Command::new(env!("CARGO_BIN_EXE_relumip"))
            .args([
                "verify",
                onnx.to_str().expect("utf-8"),
                vnnlib.to_str().expect("utf-8"),
            ])
            .args([
                "--timeout",
                "60",
                "--quiet",
                "--exact-check",
                "--result",
                result.to_str().expect("utf-8"),
            ])
            .output()
            .expect("verify runs");
        let stdout = String::from_utf8_lossy(&status.stdout);
        assert!(status.status.success(), "{stdout}");
        let line = if expected == "sat" {
            "exact check: counterexample confirmed exactly"
        } else {
            "exact check: no counterexample to check"
        };
        assert!(stdout.contains(line), "{net_id} {prop_id}: {stdout}");
        let (word, values) =
            parse_result_file(&std::fs::read_to_string(&result).expect("result"), "result")
                .expect("valid");
        assert_eq!(word, expected);
        if expected == "sat" {
            assert_eq!(values.len(), 10, "five inputs and five outputs");
            let x: Vec<f64> = values[..5].iter().map(|v| v.1).collect();
            let net = read_onnx(&onnx).expect("network");
            let y = net.forward(&x);
            for (k, (name, v)) in values[5..].iter().enumerate() {
                assert_eq!(name, &format!("Y_{k}"));
                assert!(
                    (y[k] - v).abs() < 1e-9,
                    "reported output differs from the forward pass"
                );
            }
        }
        let export = Command::new(env!("CARGO_BIN_EXE_relumip"))
            .args([
                "export",
                onnx.to_str().expect("utf-8"),
                vnnlib.to_str().expect("utf-8"),
            ])
            .args(["--out", out.path().to_str().expect("utf-8")])
            .output()
            .expect("export runs");
        assert!(
            export.status.success(),
            "{}",
            String::from_utf8_lossy(&export.stderr)
        );
        let mps = out.path().join(format!(
            "ACASXU_run2a_{net_id}_batch_2000_{prop_id}_case0.mps"
        ));
        let model = read_mps(&mps).expect("exported MPS reads back");
        assert!(
            model.variables.iter().all(|v| v.lower <= v.upper),
            "{net_id} {prop_id}: crossing column bounds in the exported MPS"
        );
        let stats = out.path().join("stats.json");
        let solved = Command::new(env!("CARGO_BIN_EXE_relumip"))
            .args([
                "solve",
                mps.to_str().expect("utf-8"),
                "--quiet",
                "--time-limit",
                "60",
            ])
            .args(["--stats", stats.to_str().expect("utf-8")])
            .status()
            .expect("solve runs");
        assert!(solved.success());
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats")).expect("JSON");
        let status = json["status"].as_str().expect("status");
        let answer = if status == "infeasible" {
            "unsat"
        } else {
            "sat"
        };
        assert!(
            status == "infeasible" || status == "optimal",
            "{net_id} {prop_id}: {status}"
        );
        assert_eq!(
            answer, expected,
            "{net_id} {prop_id}: solve of the MPS says {status}"
        );
    }
}

#[test]
fn vnncomp_scripts_follow_the_tool_interface() {
    let Some(dir) = common::benchmarks() else {
        return;
    };
    let scripts = common::root().join("vnncomp_scripts");
    let (onnx, vnnlib) = paths(&dir, "1_8", "prop_4");
    let out = tempfile::tempdir().expect("temp dir");
    let result = out.path().join("out.txt");
    let prepare = Command::new(scripts.join("prepare_instance.sh"))
        .args([
            "v1",
            "acasxu",
            onnx.to_str().expect("utf-8"),
            vnnlib.to_str().expect("utf-8"),
        ])
        .status()
        .expect("prepare runs");
    assert!(prepare.success());
    let run = Command::new(scripts.join("run_instance.sh"))
        .args([
            "v1",
            "acasxu",
            onnx.to_str().expect("utf-8"),
            vnnlib.to_str().expect("utf-8"),
        ])
        .args([result.to_str().expect("utf-8"), "30"])
        .status()
        .expect("run_instance runs");
    assert!(run.success());
    let text = std::fs::read_to_string(&result).expect("result file");
    assert!(text.starts_with("sat\n((X_0 "), "{text}");
    let bad = Command::new(scripts.join("prepare_instance.sh"))
        .args([
            "v1",
            "acasxu",
            "/nonexistent.onnx",
            vnnlib.to_str().expect("utf-8"),
        ])
        .status()
        .expect("prepare runs");
    assert!(!bad.success());
}

#[test]
fn deterministic_verification_repeats_answer_and_node_count() {
    let Some(dir) = common::benchmarks() else {
        return;
    };
    // Decided by input splits (property 1) and by an attack inside a sub-box
    // (property 2 on net 1_4: the attack on the whole box misses it).
    for (net_id, prop_id, expected) in [("1_1", "prop_1", "unsat"), ("1_4", "prop_2", "sat")] {
        let (onnx, vnnlib) = paths(&dir, net_id, prop_id);
        let net = read_onnx(&onnx).expect("network");
        let property = read_vnnlib(&vnnlib).expect("property");
        let options = two_threads(120, Schedule::Deterministic);
        let runs: Vec<_> = (0..2)
            .map(|_| verify(&net, &property, &options).expect("verify"))
            .collect();
        let nodes = |r: &relumip_solver::verify::VerifyReport| -> Vec<u64> {
            r.cases.iter().map(|c| c.nodes).collect()
        };
        assert_eq!(runs[0].answer.as_str(), expected, "{net_id} {prop_id}");
        assert_eq!(runs[0].answer, runs[1].answer, "{net_id} {prop_id}");
        assert_eq!(nodes(&runs[0]), nodes(&runs[1]), "{net_id} {prop_id}");
        if let Answer::Sat(cex) = &runs[0].answer {
            let y = net.forward(&cex.input);
            assert!(property.cases[cex.case].output_holds(&y, 1e-6));
            assert_exact(&format!("{net_id} {prop_id}"), &net, &property, cex);
        }
    }
}
