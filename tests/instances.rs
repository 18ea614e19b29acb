//! The shipped instances are solved to their known optima with 1 and 2 threads and in
//! deterministic mode, and deterministic runs repeat exactly.

mod common;

use relumip_solver::io::mps::read_mps;
use relumip_solver::search::{solve, NoProgress, Progress, ProgressSink, Schedule, Settings};
use std::sync::Mutex;

/// Records every progress event without its time.
#[derive(Default)]
struct Recorder(Mutex<Vec<String>>);

impl ProgressSink for Recorder {
    fn progress(&self, p: &Progress) {
        let line = format!(
            "{:?} {} {} {} {:?} {} {}",
            p.kind, p.nodes, p.open, p.lp_iterations, p.incumbent, p.bound, p.gap
        );
        self.0.lock().expect("recorder lock").push(line);
    }
}

fn configurations() -> Vec<Settings> {
    vec![
        Settings {
            threads: 1,
            ..Settings::default()
        },
        Settings {
            threads: 2,
            ..Settings::default()
        },
        Settings {
            threads: 2,
            schedule: Schedule::Deterministic,
            ..Settings::default()
        },
    ]
}

#[test]
fn shipped_instances_reach_their_known_optima() {
    let dir = common::root().join("instances");
    let answers = common::known_answers(&dir.join("instances.solu"));
    assert_eq!(answers.len(), 4);
    for (name, known) in &answers {
        let model = read_mps(&dir.join(format!("{name}.mps"))).unwrap_or_else(|e| panic!("{e}"));
        for settings in configurations() {
            let result = solve(&model, &settings, &NoProgress).expect("valid model");
            common::assert_agrees(name, &result, *known);
        }
    }
}

#[test]
fn deterministic_runs_repeat_node_counts_and_solutions() {
    let dir = common::root().join("instances");
    for name in ["relu5-16-16-3", "knapsack40x3"] {
        let model = read_mps(&dir.join(format!("{name}.mps"))).unwrap_or_else(|e| panic!("{e}"));
        for threads in [1, 2] {
            let settings = Settings {
                threads,
                schedule: Schedule::Deterministic,
                ..Settings::default()
            };
            let (log1, log2) = (Recorder::default(), Recorder::default());
            let first = solve(&model, &settings, &log1).expect("valid model");
            let second = solve(&model, &settings, &log2).expect("valid model");
            let (log1, log2) = (
                log1.0.into_inner().expect("lock"),
                log2.0.into_inner().expect("lock"),
            );
            assert!(!log1.is_empty());
            assert_eq!(log1, log2, "{name} threads {threads}: log lines differ");
            assert_eq!(
                first.stats.nodes, second.stats.nodes,
                "{name} threads {threads}"
            );
            assert_eq!(
                first.stats.lp_iterations, second.stats.lp_iterations,
                "{name} threads {threads}"
            );
            assert_eq!(first.solution, second.solution, "{name} threads {threads}");
        }
    }
}
