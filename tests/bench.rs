//! `relumip bench` end to end: relumip alone on the shipped instances, a wrong known
//! answer flagged at the top of the summary, the peers when they are on PATH,
//! configurations of relumip as solvers of their own (every key of the table mapped
//! to options the commands accept), and a small network suite from the shared ACAS
//! Xu folder when it is present.

mod common;

use common::{relumip, text};
use relumip_bench::config::keys::KEYS;
use relumip_bench::config::{CliOptions, Setting, SolverSpec};
use relumip_bench::peers::{find_on_path, SolverKind};
use std::path::{Path, PathBuf};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The data rows of results.csv, split into fields (no field here holds a comma).
fn rows(out: &Path) -> Vec<Vec<String>> {
    read(&out.join("results.csv"))
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn assert_plots(out: &Path) {
    for name in ["profile.svg", "cactus.svg"] {
        let svg = read(&out.join(name));
        assert!(svg.contains("<svg") && svg.contains("relumip"), "{name}");
    }
    for name in ["profile.png", "cactus.png"] {
        let png = std::fs::read(out.join(name)).expect("png");
        assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
        assert!(png.len() > 10_000, "{name} has content");
    }
}

#[test]
fn relumip_alone_on_the_shipped_instances() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let instances = common::root().join("instances");
    let o = relumip(&[
        "bench",
        instances.to_str().expect("utf-8"),
        "--solvers",
        "relumip",
        "--time-limit",
        "60",
        "--out",
        out.to_str().expect("utf-8"),
        "--repeat",
        "2",
    ]);
    assert!(o.status.success(), "stderr: {}", text(&o.stderr));
    let rows = rows(&out);
    assert_eq!(rows.len(), 8, "4 instances x 2 runs");
    for r in &rows {
        assert_eq!(r[1], "relumip");
        assert_eq!(r[3], "optimal", "{r:?}");
        assert_eq!(r[11], "ok", "{r:?}");
        assert!(out.join(&r[13]).is_file(), "log {}", r[13]);
    }
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names[..2], ["facility8x25", "facility8x25"]);
    let summary = read(&out.join("summary.md"));
    assert!(summary.contains("None: every answer agrees"), "{summary}");
    assert!(
        summary.contains("| relumip | 4/4 | 0 | 0 | 0 |"),
        "{summary}"
    );
    assert!(
        summary.contains("| knapsack40x3 | opt 928 | optimal 928 |"),
        "{summary}"
    );
    assert_plots(&out);
    // The summary table is printed too.
    assert!(text(&o.stdout).contains("## Summary"));
}

#[test]
fn a_wrong_known_answer_is_flagged_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let suite = dir.path().join("suite");
    std::fs::create_dir(&suite).expect("mkdir");
    std::fs::copy(
        common::root().join("instances/setcover60x120.mps"),
        suite.join("setcover60x120.mps"),
    )
    .expect("copy");
    std::fs::write(suite.join("wrong.solu"), "=opt= setcover60x120 21\n").expect("solu");
    let out = dir.path().join("out");
    let o = relumip(&[
        "bench",
        suite.to_str().expect("utf-8"),
        "--solvers",
        "relumip,scipp",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(!o.status.success(), "an unknown solver is a usage error");
    assert!(text(&o.stderr).contains("unknown solver 'scipp'"));
    let o = relumip(&[
        "bench",
        suite.to_str().expect("utf-8"),
        "--solvers",
        "relumip",
        "--out",
        out.to_str().expect("utf-8"),
        "--quiet",
    ]);
    assert!(o.status.success(), "stderr: {}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("1 wrong answer(s)"),
        "{}",
        text(&o.stderr)
    );
    let summary = read(&out.join("summary.md"));
    let first = summary.find("**wrong** `setcover60x120`").expect("flagged");
    assert!(first < summary.find("## Summary").unwrap_or(0));
    assert!(summary.contains("| relumip | 0/1 | 1 |"), "{summary}");
    assert_eq!(rows(&out)[0][11], "wrong");
}

#[test]
fn peers_on_the_same_files_when_present() {
    let peers: Vec<&str> = ["highs", "cbc"]
        .into_iter()
        .filter(|p| find_on_path(p).is_some())
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let instances = common::root().join("instances");
    let solvers = "relumip,highs,cbc";
    let o = relumip(&[
        "bench",
        instances.to_str().expect("utf-8"),
        "--solvers",
        solvers,
        "--filter",
        "^(knapsack|setcover)",
        "--time-limit",
        "60",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "stderr: {}", text(&o.stderr));
    let summary = read(&out.join("summary.md"));
    // A missing peer is reported and skipped, never an error.
    for p in ["highs", "cbc"] {
        if !peers.contains(&p) {
            assert!(summary.contains(&format!("Not run: {p}")), "{summary}");
            eprintln!("{p} not on PATH: checked that it is skipped");
        }
    }
    let rows = rows(&out);
    assert_eq!(rows.len(), 2 * (1 + peers.len()));
    for r in &rows {
        assert_eq!(r[3], "optimal", "{r:?}");
        assert_eq!(r[11], "ok", "{r:?}");
    }
    assert!(summary.contains("None: every answer agrees"), "{summary}");
}

#[test]
fn network_suite_from_acas_xu() {
    let Some(bench) = common::benchmarks() else {
        return;
    };
    let acas = bench.join("acasxu");
    // Net 1_7 property 3 (sat, found by the attack and by the MILPs at once) and net
    // 1_1 property 1 (unsat) through a copy of the instance list.
    let list = read(&acas.join("instances.csv"));
    let dir = tempfile::tempdir().expect("temp dir");
    let suite = dir.path().join("acas");
    std::fs::create_dir(&suite).expect("mkdir");
    let mut csv = String::new();
    for line in list
        .lines()
        .filter(|l| l.contains("run2a_1_7_") && l.contains("prop_3."))
    {
        let f: Vec<&str> = line.split(',').collect();
        csv.push_str(&format!(
            "{},{},{}\n",
            acas.join(f[0]).display(),
            acas.join(f[1]).display(),
            f[2]
        ));
    }
    std::fs::write(suite.join("instances.csv"), &csv).expect("csv");
    std::fs::copy(acas.join("groundtruth.csv"), suite.join("groundtruth.csv")).expect("copy");
    let out = dir.path().join("out");
    let o = relumip(&[
        "bench",
        suite.to_str().expect("utf-8"),
        "--solvers",
        "relumip-verify,relumip",
        "--time-limit",
        "30",
        "--bounds-budget",
        "2",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "stderr: {}", text(&o.stderr));
    let rows = rows(&out);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!(r[0], "ACASXU_run2a_1_7_batch_2000_prop_3");
        assert_eq!(r[10], "sat", "{r:?}");
        assert_eq!(r[3], "sat", "{r:?}");
        assert_eq!(r[11], "ok", "{r:?}");
    }
    assert!(out
        .join("mps/ACASXU_run2a_1_7_batch_2000_prop_3/case0.mps")
        .is_file());
    let summary = read(&out.join("summary.md"));
    assert!(
        summary.contains("| relumip-verify | 1/1 | 0 |"),
        "{summary}"
    );
}

#[test]
fn configurations_of_relumip_are_solvers_of_their_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let instances = common::root().join("instances");
    let o = relumip(&[
        "bench",
        instances.to_str().expect("utf-8"),
        "--solvers",
        "relumip[branching=pseudocost],relumip[branching=most-fractional]",
        "--time-limit",
        "20",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "stderr: {}", text(&o.stderr));
    let known = common::known_answers(&instances.join("instances.solu"));
    let rows = rows(&out);
    assert_eq!(
        rows.len(),
        2 * known.len(),
        "every instance, both configurations"
    );
    for (solver, folder) in [
        (
            "relumip[branching=pseudocost]",
            "relumip-branching=pseudocost",
        ),
        (
            "relumip[branching=most-fractional]",
            "relumip-branching=most-fractional",
        ),
    ] {
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == solver).collect();
        assert_eq!(mine.len(), known.len(), "{solver}");
        for r in mine {
            assert!(known.contains_key(&r[0]), "{r:?}");
            assert_eq!(r[3], "optimal", "{r:?}");
            assert_eq!(r[11], "ok", "{r:?}: the known answer");
            assert!(
                r[13].starts_with(&format!("logs/{folder}/")),
                "log {}",
                r[13]
            );
            assert!(out.join(&r[13]).is_file(), "log {}", r[13]);
        }
    }
    let summary = read(&out.join("summary.md"));
    assert!(summary.contains("None: every answer agrees"), "{summary}");
    for solver in [
        "relumip[branching=pseudocost]",
        "relumip[branching=most-fractional]",
    ] {
        assert!(
            summary.contains(&format!("| {solver} | 4/4 | 0 | 0 | 0 |")),
            "{summary}"
        );
    }
    assert!(
        summary.contains(
            "`relumip[branching=most-fractional]` runs `relumip solve MODEL --time-limit L --threads N --gap G --stats S.json [--first-solution] --branching most-fractional`."
        ),
        "{summary}"
    );
    assert!(
        summary.contains("Ratios are to relumip[branching=pseudocost]."),
        "{summary}"
    );
    assert_plots(&out);
}

#[test]
fn a_bad_configuration_is_refused_before_any_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let instances = common::root().join("instances");
    for (solvers, message) in [
        (
            "relumip[branching=babsr],relumip[colour=red]",
            "'relumip[colour=red]': unknown key 'colour' (keys: branching,",
        ),
        (
            "relumip[branching=fastest]",
            "unknown value 'fastest' for branching (auto, reliability,",
        ),
        (
            "relumip[seed=1,lp=dual],highs,relumip[lp=dual;seed=1]",
            "are the same solver",
        ),
        ("relumip[seed=0", "'[' without ']'"),
        // Both come to `relumip solve` without options.
        (
            "relumip,relumip[deterministic=false]",
            "run the same command",
        ),
    ] {
        let o = relumip(&[
            "bench",
            instances.to_str().expect("utf-8"),
            "--solvers",
            solvers,
            "--out",
            out.to_str().expect("utf-8"),
        ]);
        assert!(!o.status.success(), "{solvers}");
        assert!(
            text(&o.stderr).contains(message),
            "{solvers}: {}",
            text(&o.stderr)
        );
        assert!(!out.exists(), "{solvers}: nothing is run or written");
    }
}

/// Every key of the table, with every kind of value, becomes options that the help
/// of `relumip solve` / `relumip verify` lists and that the command accepts.
#[test]
fn every_key_maps_to_options_the_commands_accept() {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_relumip"));
    let cli = CliOptions::probe(&binary).expect("help of solve and verify");
    let help = |command: &str| text(&relumip(&[command, "--help"]).stdout);
    let (solve_help, verify_help) = (help("solve"), help("verify"));
    let mut checked = 0;
    for key in &KEYS {
        for kind in [SolverKind::Relumip, SolverKind::RelumipVerify] {
            if key.verify_only && kind == SolverKind::Relumip {
                continue;
            }
            for value in key.examples() {
                let spec = SolverSpec {
                    kind,
                    settings: vec![Setting {
                        key: key.name,
                        value: value.clone(),
                    }],
                };
                let args = match cli.arguments(&spec) {
                    Ok(args) => args,
                    Err(e) => {
                        // Cut families need a relumip with --cuts.
                        assert!(
                            key.name == "cuts" && !cli.offers(kind, "--cuts"),
                            "{}: {e:#}",
                            spec.name()
                        );
                        continue;
                    }
                };
                let (command, help, files): (_, _, &[&str]) = match kind {
                    SolverKind::RelumipVerify => (
                        "verify",
                        &verify_help,
                        &["/nonexistent/n.onnx", "/nonexistent/p.vnnlib"],
                    ),
                    _ => ("solve", &solve_help, &["/nonexistent/m.mps"]),
                };
                for option in args.iter().filter(|a| a.starts_with("--")) {
                    assert!(
                        help.contains(&format!(" {option} "))
                            || help.contains(&format!(" {option}\n")),
                        "{}: {option} is not in `relumip {command} --help`",
                        spec.name()
                    );
                }
                // The options parse: the command fails on the missing file, not on
                // its arguments (clap's usage errors exit with status 2).
                let mut words = vec![command];
                words.extend_from_slice(files);
                words.extend(args.iter().map(String::as_str));
                let o = relumip(&words);
                let stderr = text(&o.stderr);
                assert_eq!(
                    o.status.code(),
                    Some(1),
                    "{}: relumip {}: {stderr}",
                    spec.name(),
                    words.join(" ")
                );
                assert!(!stderr.contains("Usage:"), "{}: {stderr}", spec.name());
                checked += 1;
            }
        }
    }
    assert!(checked >= 50, "{checked} command lines checked");
}
