//! LP warm re-solve after a bound change, the inner loop of branch-and-bound.
//!
//! The LP is the relaxation of a ReLU big-M MILP (a random 5-50-50-50-5 network, about
//! 1000 columns and 1400 rows). Each iteration fixes one indicator binary, re-solves
//! warm, restores the bound and re-solves again, for every LP engine.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use relumip_solver::generate::relu_bigm;
use relumip_solver::lp::{LpBackend, LpLimits, LpProblem, LpStatus};
use relumip_solver::model::VarKind;

fn warm_resolve(c: &mut Criterion) {
    let model = relu_bigm(&[5, 50, 50, 50, 5], 1);
    let problem = LpProblem::relaxation(&model);
    let binaries: Vec<usize> = (0..model.num_cols())
        .filter(|&j| model.variables[j].kind == VarKind::Binary)
        .collect();
    let mut group = c.benchmark_group("lp_warm_resolve");
    group.sample_size(20);
    for &backend in LpBackend::ALL {
        group.bench_function(format!("{}/cold_root", backend.name()), |b| {
            b.iter_batched(
                || backend.create(&problem),
                |mut lp| assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal),
                BatchSize::LargeInput,
            )
        });
        let mut lp = backend.create(&problem);
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal);
        let mut k = 0;
        group.bench_function(format!("{}/fix_and_restore", backend.name()), |b| {
            b.iter(|| {
                let j = binaries[k % binaries.len()];
                let value = (k / binaries.len() % 2) as f64;
                k += 1;
                lp.set_col_bounds(j, value, value);
                lp.solve(&LpLimits::default());
                lp.set_col_bounds(j, 0.0, 1.0);
                lp.solve(&LpLimits::default());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, warm_resolve);
criterion_main!(benches);
