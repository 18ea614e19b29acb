//! Row-activity bound propagation of the branch-and-bound (`propagation`): a full
//! pass from the root bounds, and the incremental pass after a branching that fixes
//! one binary (the work done at every node), on a ReLU big-M MILP and a facility
//! location MILP.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use relumip_solver::generate::{facility_location, relu_bigm};
use relumip_solver::lp::LpProblem;
use relumip_solver::model::Model;
use relumip_solver::propagation::{propagate, LocalDomain, RowStructure};
use std::sync::Arc;

/// The propagation structure, the root bounds and the binary columns of a model.
struct Setup {
    structure: RowStructure,
    lower: Arc<Vec<f64>>,
    upper: Arc<Vec<f64>>,
    binaries: Vec<usize>,
}

fn setup(model: &Model) -> Setup {
    let problem = LpProblem::relaxation(model);
    let integral: Vec<bool> = model
        .variables
        .iter()
        .map(|v| v.kind.is_integral())
        .collect();
    let binaries = (0..model.num_cols())
        .filter(|&j| integral[j] && problem.col_lower[j] == 0.0 && problem.col_upper[j] == 1.0)
        .collect();
    let lower = Arc::new(problem.col_lower.clone());
    let upper = Arc::new(problem.col_upper.clone());
    Setup {
        structure: RowStructure::new(&problem, integral),
        lower,
        upper,
        binaries,
    }
}

fn propagation(c: &mut Criterion) {
    let models = [relu_bigm(&[5, 30, 30, 2], 3), facility_location(10, 30, 2)];
    let mut group = c.benchmark_group("propagation");
    for model in &models {
        let Setup {
            structure,
            lower,
            upper,
            binaries,
        } = setup(model);
        group.bench_function(format!("{}/root", model.name), |b| {
            b.iter(|| {
                let mut dom = LocalDomain::new(lower.clone(), upper.clone());
                black_box(propagate(&structure, &mut dom, None))
            })
        });
        // Fix each binary in turn to 0 and to 1 and propagate from it.
        group.bench_function(format!("{}/after_fixing", model.name), |b| {
            let mut k = 0usize;
            b.iter(|| {
                let j = binaries[(k / 2) % binaries.len().max(1)];
                let value = (k % 2) as f64;
                k += 1;
                let mut dom = LocalDomain::new(lower.clone(), upper.clone());
                dom.set(j, value, value);
                black_box(propagate(&structure, &mut dom, Some(&[j])))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, propagation);
criterion_main!(benches);
