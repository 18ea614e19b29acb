//! Pre-activation bounds: interval and symbolic bounds on an ACAS Xu-shaped network
//! (5 inputs, 6 x 50 ReLUs, 5 outputs) and an MNIST-shaped one (784 inputs, 6 x 500
//! ReLUs, 10 outputs), and LP tightening of a 5-50-50-50-5 network; all random
//! (He-scaled weights, seeded), over small input boxes.

use criterion::{criterion_group, criterion_main, Criterion};
use relumip_solver::bounds::{
    interval_bounds, lp_tighten, symbolic_bounds, LpTightenOptions, NetworkBounds,
};
use relumip_solver::nn::{Activation, Layer, Network};
use relumip_solver::rng::SplitMix64;
use std::time::Duration;

fn random_network(dims: &[usize], seed: u64) -> Network {
    let mut rng = SplitMix64::new(seed);
    let layers = dims
        .windows(2)
        .enumerate()
        .map(|(k, d)| {
            let scale = (6.0 / d[0] as f64).sqrt();
            let weights = (0..d[0] * d[1])
                .map(|_| rng.uniform(-scale, scale))
                .collect();
            let bias = (0..d[1]).map(|_| rng.uniform(-0.1, 0.1)).collect();
            let act = if k + 2 == dims.len() {
                Activation::Identity
            } else {
                Activation::Relu
            };
            Layer::new(weights, bias, d[0], act).expect("valid layer")
        })
        .collect();
    Network::new(layers).expect("valid network")
}

fn input_box(n: usize, radius: f64, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = SplitMix64::new(seed);
    let centre: Vec<f64> = (0..n).map(|_| rng.uniform(-0.5, 0.5)).collect();
    (
        centre.iter().map(|c| c - radius).collect(),
        centre.iter().map(|c| c + radius).collect(),
    )
}

fn bounds(c: &mut Criterion) {
    let mut group = c.benchmark_group("bounds");
    group.sample_size(10);
    for (name, dims, radius) in [
        ("acas_shape", vec![5, 50, 50, 50, 50, 50, 50, 5], 0.05),
        (
            "mnist_shape",
            vec![784, 500, 500, 500, 500, 500, 500, 10],
            0.01,
        ),
    ] {
        let net = random_network(&dims, 1);
        let (lower, upper) = input_box(dims[0], radius, 2);
        group.bench_function(format!("interval/{name}"), |b| {
            b.iter(|| interval_bounds(&net, &lower, &upper).expect("bounds"))
        });
        group.bench_function(format!("symbolic/{name}"), |b| {
            b.iter(|| symbolic_bounds(&net, &lower, &upper).expect("bounds"))
        });
    }
    let net = random_network(&[5, 50, 50, 50, 5], 3);
    let (lower, upper) = input_box(5, 0.1, 4);
    let start: NetworkBounds = symbolic_bounds(&net, &lower, &upper).expect("bounds");
    group.bench_function("lp_tighten/5-50-50-50-5", |b| {
        b.iter(|| {
            let mut tightened = start.clone();
            lp_tighten(
                &net,
                &lower,
                &upper,
                &mut tightened,
                Duration::from_secs(60),
                &LpTightenOptions::default(),
            )
            .expect("tightening")
        })
    });
    group.finish();
}

criterion_group!(benches, bounds);
criterion_main!(benches);
