//! Helpers shared by the integration tests.

#![allow(dead_code)]

use relumip_solver::io::solu::{read_solu, KnownAnswer};
use relumip_solver::search::{SolveResult, Status};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared benchmark folder (`RELUMIP_BENCHMARKS` or `../shared/benchmarks`), or
/// `None` with a message when it is absent.
pub fn benchmarks() -> Option<PathBuf> {
    let dir = std::env::var_os("RELUMIP_BENCHMARKS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/benchmarks"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: benchmark folder {} not found (set RELUMIP_BENCHMARKS)",
            dir.display()
        );
        None
    }
}

/// Known answers of a `.solu` file.
pub fn known_answers(path: &std::path::Path) -> BTreeMap<String, KnownAnswer> {
    read_solu(path).unwrap_or_else(|e| panic!("{e}"))
}

/// Instance name of a file: the file name without `.mps` / `.mps.gz`.
pub fn instance_name(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.trim_end_matches(".gz")
        .trim_end_matches(".mps")
        .to_string()
}

/// Asserts that a finished run agrees with the known answer.
pub fn assert_agrees(name: &str, result: &SolveResult, known: KnownAnswer) {
    match known {
        KnownAnswer::Optimal(value) => {
            assert_eq!(
                result.status,
                Status::Optimal,
                "{name}: status {:?} ({:?})",
                result.status,
                result.message
            );
            let obj = result.objective.expect("optimal run has an objective");
            assert!(
                (obj - value).abs() <= 1e-6 * value.abs().max(1.0),
                "{name}: objective {obj} but the known optimum is {value}"
            );
        }
        KnownAnswer::Infeasible => assert_eq!(result.status, Status::Infeasible, "{name}"),
        other => panic!("{name}: no usable known answer ({other:?})"),
    }
}

/// Asserts that a run stopped by a limit is consistent with the known optimum: the
/// incumbent is no better and the bound no worse than it.
pub fn assert_consistent(name: &str, result: &SolveResult, known: KnownAnswer, maximize: bool) {
    let KnownAnswer::Optimal(value) = known else {
        return;
    };
    let tol = 1e-6 * value.abs().max(1.0);
    let sign = if maximize { -1.0 } else { 1.0 };
    if let Some(obj) = result.objective {
        assert!(
            sign * obj >= sign * value - tol,
            "{name}: incumbent {obj} beats the optimum {value}"
        );
    }
    assert!(
        sign * result.best_bound <= sign * value + tol,
        "{name}: bound {} cuts off the optimum {value}",
        result.best_bound
    );
}

/// Runs the `relumip` binary with `args` and returns what it printed and its status.
pub fn relumip(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_relumip"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Printed bytes as text (lossy).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A generated network MILP that no configuration closes in minutes (three hidden
/// layers of 40 units, eight inputs), written as `dir/slow.mps`.
pub fn slow_relu_model(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("slow.mps");
    let out = relumip(&[
        "gen",
        "relu",
        "--widths",
        "8,40,40,40,2",
        "--seed",
        "1",
        "-o",
        path.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "gen: {}", text(&out.stderr));
    path
}

/// The network and property files of ACAS Xu net 3_3 property 2 (undecided for
/// minutes), or `None` (with a message) when the shared benchmarks lack them.
pub fn undecided_acas_instance() -> Option<(PathBuf, PathBuf)> {
    let Some(acas) = benchmarks().map(|b| b.join("acasxu")) else {
        eprintln!("skipped: the shared benchmarks are absent");
        return None;
    };
    let net = acas.join("onnx/ACASXU_run2a_3_3_batch_2000.onnx");
    let property = acas.join("vnnlib/prop_2.vnnlib");
    if !net.exists() || !property.exists() {
        eprintln!(
            "skipped: {} or {} is absent",
            net.display(),
            property.display()
        );
        return None;
    }
    Some((net, property))
}
