//! The peers' log parsers against real logs recorded from HiGHS 1.15.1 and CBC
//! (cbcbox build of CBC master) with the commands that `relumip bench` runs; see
//! `tests/data/README.md`.

use relumip_bench::parse_cbc::parse_cbc_log;
use relumip_bench::parse_highs::parse_highs_log;
use relumip_bench::{RunResult, RunStatus};

fn log(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expect(
    r: &RunResult,
    status: RunStatus,
    objective: Option<f64>,
    bound: Option<f64>,
    nodes: u64,
    time: f64,
) {
    assert_eq!(r.status, status, "{r:?}");
    assert_eq!(r.objective, objective, "{r:?}");
    assert_eq!(r.bound, bound, "{r:?}");
    assert_eq!(r.nodes, Some(nodes), "{r:?}");
    assert_eq!(r.time, Some(time), "{r:?}");
}

#[test]
fn highs_logs() {
    use RunStatus as S;
    let p = |name| parse_highs_log(&log(name));
    expect(
        &p("highs-p0033-optimal.log"),
        S::Optimal,
        Some(3089.0),
        Some(3089.0),
        1,
        0.05,
    );
    expect(
        &p("highs-infeasible-mip0.log"),
        S::Infeasible,
        None,
        None,
        7,
        0.17,
    );
    // Maximisation stopped by the time limit: bound above the incumbent.
    expect(
        &p("highs-knapsack40x3-timelimit.log"),
        S::Feasible,
        Some(926.0),
        Some(936.0),
        0,
        0.05,
    );
    expect(
        &p("highs-acas-timelimit-nosolution.log"),
        S::Timeout,
        None,
        Some(-2335.86026844),
        0,
        3.19,
    );
    // mip_max_improving_sols = 1: a verification MILP's first solution (sat).
    expect(
        &p("highs-acas-first-solution.log"),
        S::Feasible,
        Some(-0.00135859648483),
        Some(-0.00148724847239),
        0,
        0.47,
    );
    expect(
        &p("highs-lp-optimal.log"),
        S::Optimal,
        Some(2.5),
        Some(2.5),
        0,
        0.0,
    );
    // Inconsistent column bounds (LP-tightened bounds that prove the case): no time.
    let r = p("highs-acas-inconsistent-bounds.log");
    assert_eq!((r.status, r.nodes, r.time), (S::Infeasible, Some(0), None));
    assert_eq!(
        parse_highs_log("Running HiGHS\nsegfault\n").status,
        S::Error
    );
}

#[test]
fn cbc_logs() {
    use RunStatus as S;
    let p = |name| parse_cbc_log(&log(name));
    expect(
        &p("cbc-p0033-optimal.log"),
        S::Optimal,
        Some(3089.0),
        Some(3089.0),
        0,
        0.108071,
    );
    expect(
        &p("cbc-infeasible-mip0.log"),
        S::Infeasible,
        None,
        None,
        4,
        0.024148,
    );
    expect(
        &p("cbc-knapsack40x3-timelimit.log"),
        S::Feasible,
        Some(928.0),
        Some(934.901),
        0,
        0.0523131,
    );
    expect(
        &p("cbc-acas-timelimit-nosolution.log"),
        S::Timeout,
        None,
        Some(-2987.84),
        0,
        3.04156,
    );
    expect(
        &p("cbc-acas-first-solution.log"),
        S::Feasible,
        Some(-0.00135926540881),
        Some(-0.0015019),
        0,
        0.143755,
    );
    let lp = p("cbc-lp-optimal.log");
    assert_eq!(
        (lp.status, lp.objective, lp.nodes),
        (S::Optimal, Some(2.5), Some(0))
    );
    // An infeasible root LP: no `Result` block.
    let r = p("cbc-acas-lp-infeasible.log");
    assert_eq!(
        (r.status, r.objective, r.nodes),
        (S::Infeasible, None, Some(0))
    );
    assert_eq!(r.time, Some(0.056566));
    assert_eq!(parse_cbc_log("CBC\nKilled\n").status, S::Error);
}
