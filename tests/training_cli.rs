//! The training commands end to end: `gen planted`, `sparse` (with `eval` of the
//! network it writes), `train --method layerwise|adam|prune` on small data with small
//! limits (accuracies recomputed from the ONNX file they write), and clear errors
//! for malformed CSV files.

mod common;

use common::{relumip, text};
use relumip_solver::data::read_csv;
use relumip_solver::io::read_network;
use relumip_solver::train::metrics::accuracy;
use std::path::{Path, PathBuf};

/// A layer-wise run small enough for a test: 4 hidden units, batches of 40, two
/// rounds, 0.2 s per MILP, 20 s in all.
const QUICK_LAYERWISE: [&str; 12] = [
    "--method",
    "layerwise",
    "--layers",
    "4",
    "--batch",
    "40",
    "--max-rounds",
    "2",
    "--milp-time-limit",
    "0.2",
    "--time-limit",
    "20",
];

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The shared data sets (`datasets/` of the benchmark folder); `None` (with a
/// message) when absent.
fn datasets() -> Option<PathBuf> {
    let dir = common::benchmarks()?.join("datasets");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: no datasets folder in {}", dir.display());
        None
    }
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("report written"))
        .expect("valid JSON")
}

#[test]
fn gen_planted_then_sparse_fits_and_writes_a_loadable_network() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    let out = relumip(&[
        "gen",
        "planted",
        "--samples",
        "14",
        "--inputs",
        "3",
        "--hidden",
        "2",
        "--nonzeros",
        "3",
        "--seed",
        "5",
        "--output",
        s(&prefix),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = dir.path().join("p.csv");
    let teacher = read_network(&dir.path().join("p.onnx"), false).unwrap();
    let data = read_csv(&csv).unwrap();
    assert_eq!((data.len(), data.num_features()), (14, 3));
    for (x, y) in data.features.iter().zip(&data.targets) {
        assert_eq!(teacher.forward(x)[0], *y);
    }

    let result = dir.path().join("fit");
    let out = relumip(&[
        "sparse",
        s(&csv),
        "--hidden",
        "2",
        "--time-limit",
        "60",
        "--output",
        s(&result),
    ]);
    let log = text(&out.stdout);
    assert!(out.status.success(), "{}\n{}", log, text(&out.stderr));
    assert!(log.contains("Status            optimal"), "{log}");
    assert!(
        log.contains("Nonzeros") && log.contains("Gap               0.00%"),
        "{log}"
    );
    let report = json(&dir.path().join("fit.json"));
    assert_eq!(report["status"], "optimal");
    let nonzeros = report["nonzeros"].as_u64().unwrap();
    assert!(nonzeros <= 3, "{nonzeros}");
    assert!(report["max_residual"].as_f64().unwrap() < 1e-6);

    // `relumip eval` on the written network reproduces the targets.
    let inputs = dir.path().join("inputs.txt");
    let lines: Vec<String> = data
        .features
        .iter()
        .map(|x| {
            x.iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    std::fs::write(&inputs, lines.join("\n")).unwrap();
    let out = relumip(&[
        "eval",
        s(&dir.path().join("fit.onnx")),
        "--input",
        s(&inputs),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (line, y) in text(&out.stdout).lines().zip(&data.targets) {
        let v: f64 = line.trim().parse().unwrap();
        assert!((v - y).abs() < 1e-6, "{v} vs {y}");
    }

    let mps = dir.path().join("fit.mps");
    let out = relumip(&["sparse", s(&csv), "--hidden", "2", "--export", s(&mps)]);
    assert!(out.status.success());
    let out = relumip(&[
        "solve",
        s(&mps),
        "--threads",
        "1",
        "--quiet",
        "--stats",
        s(&dir.path().join("s.json")),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        json(&dir.path().join("s.json"))["objective"].as_f64(),
        report["objective"].as_f64()
    );
}

/// Runs `train` and checks the report against the ONNX file: the network reads raw
/// features, and its accuracy on the whole file is consistent with the reported
/// train and test accuracies.
fn train_and_check(data: &Path, dir: &Path, name: &str, extra: &[&str]) -> serde_json::Value {
    let prefix = dir.join(name);
    let mut args = vec!["train", s(data), "--output", s(&prefix), "--quiet"];
    args.extend_from_slice(extra);
    let out = relumip(&args);
    let log = text(&out.stdout);
    assert!(out.status.success(), "{log}\n{}", text(&out.stderr));
    assert!(
        log.contains("Train accuracy") && log.contains("Test accuracy"),
        "{log}"
    );
    let report = json(&dir.join(format!("{name}.json")));
    let (train, test) = (
        report["train_accuracy"].as_f64().unwrap(),
        report["test_accuracy"].as_f64().unwrap(),
    );
    assert!((0.0..=1.0).contains(&train) && (0.0..=1.0).contains(&test));
    let net = read_network(&dir.join(format!("{name}.onnx")), false).unwrap();
    let all = read_csv(data).unwrap();
    let (labels, classes) = all.class_labels().unwrap();
    assert_eq!(net.output_dim(), classes);
    let (n_train, n_test) = (
        report["train_samples"].as_f64().unwrap(),
        report["test_samples"].as_f64().unwrap(),
    );
    let overall = accuracy(&net, &all.features, &labels);
    let expected = (train * n_train + test * n_test) / (n_train + n_test);
    assert!((overall - expected).abs() < 1e-9, "{overall} vs {expected}");
    report
}

#[test]
fn train_layerwise_adam_and_prune_on_iris() {
    let Some(sets) = datasets() else { return };
    let iris = sets.join("iris.csv");
    let dir = tempfile::tempdir().unwrap();
    let adam = train_and_check(
        &iris,
        dir.path(),
        "adam",
        &[
            "--method",
            "adam",
            "--layers",
            "6",
            "--epochs",
            "200",
            "--batch",
            "16",
            "--learning-rate",
            "0.01",
        ],
    );
    assert!(adam["test_accuracy"].as_f64().unwrap() >= 0.8, "{adam}");
    let lw = train_and_check(&iris, dir.path(), "lw", &QUICK_LAYERWISE);
    assert!(lw["details"]["milps"].as_u64().unwrap() > 0, "{lw}");
    assert!(lw["train_accuracy"].as_f64().unwrap() >= 0.6, "{lw}");
    let pr = train_and_check(
        &iris,
        dir.path(),
        "pr",
        &[
            "--method",
            "prune",
            "--layers",
            "3",
            "--milp-samples",
            "15",
            "--time-limit",
            "3",
        ],
    );
    let d = &pr["details"];
    assert_eq!(d["milp_samples"], 15);
    assert!(d["weight_sparsity"].as_f64().unwrap() >= 0.0 && d["total_weights"] == 3 * 4 + 3 * 3);
    assert!(d["pruned_neurons"].as_u64().unwrap() <= 3);
}

#[test]
fn prune_refuses_two_hidden_layers() {
    let Some(sets) = datasets() else { return };
    let out = relumip(&[
        "train",
        s(&sets.join("iris.csv")),
        "--method",
        "prune",
        "--layers",
        "3,3",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("one hidden layer"));
}

#[test]
fn malformed_csv_files_give_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("ragged.csv", "1,2,0\n3,4,1\n5,1\n", ":3: ragged row"),
        (
            "word.csv",
            "1,2,0\n3,abc,1\n",
            ":2: column 2: expected a number, found 'abc'",
        ),
        ("empty.csv", "", ":1: empty file"),
        ("header_only.csv", "3,2,a,b\n", ":2: no data rows"),
    ];
    for (name, content, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        for args in [
            vec!["train", s(&path), "--method", "adam", "--layers", "2"],
            vec!["sparse", s(&path), "--hidden", "1"],
        ] {
            let out = relumip(&args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name}: {err}");
            assert!(
                err.contains(&format!("{}{expected}", path.display())),
                "{name}: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    // Regression targets are not class labels.
    let path = dir.path().join("real.csv");
    std::fs::write(&path, "1,2,0.5\n3,4,1\n").unwrap();
    let out = relumip(&["train", s(&path), "--method", "adam", "--layers", "2"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a class index"));
}

/// Layer-wise training prints a progress line (epoch, batch, rounds, training
/// accuracy, time) after its first batch and then every few seconds.
#[test]
fn layerwise_training_prints_progress() {
    let Some(sets) = datasets() else { return };
    let out = relumip(&[
        "train",
        s(&sets.join("iris.csv")),
        "--method",
        "layerwise",
        "--layers",
        "4",
        "--batch",
        "40",
        "--max-rounds",
        "1",
        "--milp-time-limit",
        "0.2",
        "--time-limit",
        "10",
    ]);
    let log = text(&out.stdout);
    assert!(out.status.success(), "{log}\n{}", text(&out.stderr));
    let line = log
        .lines()
        .find(|l| l.starts_with("Epoch 1 batch    1 of "))
        .unwrap_or_else(|| panic!("no progress line:\n{log}"));
    let accuracy: f64 = line
        .split("training accuracy ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no accuracy in '{line}'"));
    assert!((0.0..=1.0).contains(&accuracy), "{line}");
}

/// With its defaults, layer-wise training starts from an Adam-trained network of
/// the same layers and undoes every batch that lowers the training accuracy: it
/// ends at least as accurate on the training set as its warm start, and the
/// report says what the warm start reached. `--init random` starts as the seed does.
#[test]
fn layerwise_starts_from_adam_by_default() {
    let Some(sets) = datasets() else { return };
    let iris = sets.join("iris.csv");
    let dir = tempfile::tempdir().unwrap();
    let warm = train_and_check(&iris, dir.path(), "warm", &QUICK_LAYERWISE);
    let start = &warm["details"]["warm_start"];
    assert_eq!(start["method"], "adam", "{warm}");
    let start_train = start["train_accuracy"].as_f64().unwrap();
    assert!(start_train >= 0.8, "{warm}");
    assert!(
        warm["train_accuracy"].as_f64().unwrap() >= start_train - 1e-12,
        "{warm}"
    );
    let mut random = QUICK_LAYERWISE.to_vec();
    random.extend(["--init", "random"]);
    let cold = train_and_check(&iris, dir.path(), "cold", &random);
    assert!(cold["details"]["warm_start"].is_null(), "{cold}");
    assert!(cold["details"]["milps"].as_u64().unwrap() > 0, "{cold}");
}

/// The pruning MILP's warm start removes hidden units and weights while that lowers
/// the MILP's objective: on iris with 8 hidden units, at least one unit goes, and
/// the network still classifies most of the test part.
#[test]
fn prune_removes_hidden_units_on_iris() {
    let Some(sets) = datasets() else { return };
    let dir = tempfile::tempdir().unwrap();
    let report = train_and_check(
        &sets.join("iris.csv"),
        dir.path(),
        "pruned",
        &[
            "--method",
            "prune",
            "--layers",
            "8",
            "--time-limit",
            "5",
            "--threads",
            "1",
        ],
    );
    let d = &report["details"];
    assert!(d["pruned_neurons"].as_u64().unwrap() >= 1, "{report}");
    assert!(d["zero_weights"].as_u64().unwrap() >= 8, "{report}");
    assert!(
        report["test_accuracy"].as_f64().unwrap() >= 0.85,
        "{report}"
    );
}

/// The gradient start of the sparsity MILP: on a planted 40 x 5 x 3 instance with
/// tolerance 0.05 the search alone finds no network in 20 s; the start gives one
/// with at most the planted number of nonzeros, checked by a forward pass.
#[test]
fn sparse_finds_a_planted_network_from_gradient_descent() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    let out = relumip(&[
        "gen",
        "planted",
        "--samples",
        "40",
        "--inputs",
        "5",
        "--hidden",
        "3",
        "--seed",
        "1",
        "--output",
        s(&prefix),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result = dir.path().join("fit");
    let out = relumip(&[
        "sparse",
        s(&dir.path().join("p.csv")),
        "--hidden",
        "3",
        "--tolerance",
        "0.05",
        "--time-limit",
        "6",
        "--threads",
        "1",
        "--output",
        s(&result),
    ]);
    let log = text(&out.stdout);
    assert!(out.status.success(), "{}\n{}", log, text(&out.stderr));
    let report = json(&dir.path().join("fit.json"));
    let nonzeros = report["nonzeros"].as_u64().unwrap_or(u64::MAX);
    assert!(nonzeros <= 3, "{report}");
    assert!(
        report["max_residual"].as_f64().unwrap() <= 0.05 + 1e-5,
        "{report}"
    );
}
