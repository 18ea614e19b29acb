//! `relumip bench` end to end: relumip alone on the shipped instances, a wrong known
//! answer flagged at the top of the summary, the peers when they are on PATH, and a
//! small network suite from the shared ACAS Xu folder when it is present.

mod common;

use common::{relumip, text};
use relumip_bench::peers::find_on_path;
use std::path::Path;

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
