//! Node throughput of the branch-and-bound: a fixed number of nodes on a ReLU big-M
//! MILP and on a facility location MILP, with 1 and 2 threads. Root cuts are off and
//! the rule is pseudocost branching, so that the figure is the cost of processing
//! nodes (propagation, warm LP, heuristics, branching), not of the root.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use relumip_solver::generate::{facility_location, relu_bigm};
use relumip_solver::search::{solve, NoProgress, Schedule, Settings};

const NODES: u64 = 2000;

fn throughput(c: &mut Criterion) {
    let models = [relu_bigm(&[5, 30, 30, 2], 3), facility_location(10, 30, 2)];
    let mut group = c.benchmark_group("node_throughput");
    group.sample_size(10);
    group.throughput(Throughput::Elements(NODES));
    for model in &models {
        for threads in [1, 2] {
            let settings = Settings {
                threads,
                node_limit: Some(NODES),
                schedule: Schedule::Deterministic,
                cuts: relumip_solver::cuts::CutFamilies::none(),
                branching: relumip_solver::branch::RuleKind::Pseudocost,
                ..Settings::default()
            };
            group.bench_function(format!("{}/threads{threads}", model.name), |b| {
                b.iter(|| solve(model, &settings, &NoProgress).expect("valid model"))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
