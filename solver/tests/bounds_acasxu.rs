//! Bounds on ACAS Xu networks over the input boxes of their properties: interval,
//! symbolic and LP-tightened bounds contain every sampled pre-activation and are
//! ordered by tightness.

mod common;

use common::{benchmarks_dir, Rng};
use relumip_solver::bounds::{
    interval_bounds, lp_tighten, symbolic_bounds, LpTightenOptions, NetworkBounds,
};
use relumip_solver::io::onnx::read_onnx;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::nn::property::Property;
use relumip_solver::nn::Network;
use std::path::Path;
use std::time::{Duration, Instant};

/// Uniform samples of the box, and its 32 corners.
fn samples(rng: &mut Rng, lower: &[f64], upper: &[f64], count: usize) -> Vec<Vec<f64>> {
    let n = lower.len();
    let mut points: Vec<Vec<f64>> = (0..count)
        .map(|_| (0..n).map(|j| rng.uniform(lower[j], upper[j])).collect())
        .collect();
    for mask in 0..1usize << n {
        points.push(
            (0..n)
                .map(|j| {
                    if mask >> j & 1 == 1 {
                        upper[j]
                    } else {
                        lower[j]
                    }
                })
                .collect(),
        );
    }
    points
}

fn assert_sound(net: &Network, bounds: &NetworkBounds, points: &[Vec<f64>], what: &str) {
    for x in points {
        if let Some((k, i, v)) = bounds.first_violation(&net.forward_all_layers(x)) {
            panic!(
                "{what}: layer {k} neuron {i} value {v} outside [{}, {}] at {x:?}",
                bounds.pre_lower(k)[i],
                bounds.pre_upper(k)[i]
            );
        }
    }
}

fn network(dir: &Path, a: usize, b: usize) -> Network {
    read_onnx(&dir.join(format!("acasxu/onnx/ACASXU_run2a_{a}_{b}_batch_2000.onnx"))).unwrap()
}

fn property(dir: &Path, p: usize) -> Property {
    read_vnnlib(&dir.join(format!("acasxu/vnnlib/prop_{p}.vnnlib"))).unwrap()
}

/// IBP and symbolic bounds on all 45 networks over the boxes of properties 1-4.
#[test]
fn interval_and_symbolic_bounds_are_sound_on_all_networks() {
    let Some(dir) = benchmarks_dir() else { return };
    let mut rng = Rng::new(5);
    let props: Vec<Property> = (1..=4).map(|p| property(&dir, p)).collect();
    let mut unstable = [0usize; 2];
    for a in 1..=5 {
        for b in 1..=9 {
            let net = network(&dir, a, b);
            for (p, prop) in props.iter().enumerate() {
                for case in &prop.cases {
                    let (lower, upper) = (&case.input_lower, &case.input_upper);
                    let name = format!("net {a}_{b} prop {}", p + 1);
                    let ibp = interval_bounds(&net, lower, upper).unwrap();
                    let sym = symbolic_bounds(&net, lower, upper).unwrap();
                    let points = samples(&mut rng, lower, upper, 200);
                    assert_sound(&net, &ibp, &points, &format!("{name} IBP"));
                    assert_sound(&net, &sym, &points, &format!("{name} symbolic"));
                    assert!(sym.is_within(&ibp), "{name}");
                    unstable[0] += ibp.relu_counts().unstable;
                    unstable[1] += sym.relu_counts().unstable;
                }
            }
        }
    }
    eprintln!(
        "unstable ReLUs over 180 instances: IBP {}, symbolic {}",
        unstable[0], unstable[1]
    );
    assert!(unstable[1] < unstable[0]);
}

/// All three methods on a few instances: with the full LP on the small boxes of
/// properties 3 and 4, with a short budget (stopping part-way) on the wide boxes
/// of properties 1 and 2.
#[test]
fn acasxu_bounds_are_sound_and_ordered() {
    let Some(dir) = benchmarks_dir() else { return };
    let mut rng = Rng::new(11);
    let instances = [
        (1, 1, 1, 1.0),
        (1, 1, 3, 60.0),
        (2, 1, 2, 1.0),
        (2, 1, 3, 60.0),
        (3, 3, 4, 60.0),
        (4, 5, 4, 60.0),
    ];
    for (a, b, p, budget) in instances {
        let net = network(&dir, a, b);
        for case in &property(&dir, p).cases {
            let (lower, upper) = (&case.input_lower, &case.input_upper);
            let name = format!("net {a}_{b} prop {p}");
            let t = Instant::now();
            let ibp = interval_bounds(&net, lower, upper).unwrap();
            let t_ibp = t.elapsed();
            let t = Instant::now();
            let sym = symbolic_bounds(&net, lower, upper).unwrap();
            let t_sym = t.elapsed();
            let mut lp = sym.clone();
            let report = lp_tighten(
                &net,
                lower,
                upper,
                &mut lp,
                Duration::from_secs_f64(budget),
                &LpTightenOptions::default(),
            )
            .unwrap();
            eprintln!(
                "{name}: unstable IBP {} ({:.2} ms), symbolic {} ({:.2} ms), LP {} \
                 ({:.0} ms, {} LPs, {} iterations, {} failures, completed {})",
                ibp.relu_counts().unstable,
                t_ibp.as_secs_f64() * 1e3,
                sym.relu_counts().unstable,
                t_sym.as_secs_f64() * 1e3,
                lp.relu_counts().unstable,
                report.elapsed.as_secs_f64() * 1e3,
                report.lps_solved,
                report.lp_iterations,
                report.lp_failures,
                report.completed
            );
            if budget > 10.0 {
                assert!(report.completed, "{name}");
            } else {
                // The budget is honoured (within one LP solve and some slack).
                assert!(report.elapsed.as_secs_f64() < budget + 2.0, "{name}");
            }
            assert!(report.lp_failures <= 2, "{name}");
            let points = samples(&mut rng, lower, upper, 3000);
            assert_sound(&net, &ibp, &points, &format!("{name} IBP"));
            assert_sound(&net, &sym, &points, &format!("{name} symbolic"));
            assert_sound(&net, &lp, &points, &format!("{name} LP"));
            assert!(sym.is_within(&ibp), "{name}");
            assert!(lp.is_within(&sym), "{name}");
            assert_eq!(lp.relu_counts().unstable, report.unstable_after);
            assert!(report.unstable_after <= sym.relu_counts().unstable);
            assert!(sym.relu_counts().unstable <= ibp.relu_counts().unstable);
        }
    }
}
