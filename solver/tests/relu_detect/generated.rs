//! Generated networks and the shipped instances: `gen relu` models are recovered
//! (their stable units compared loosely), adversarial and combined verification
//! MILPs are recovered exactly, models without the pattern give nothing.

use super::{assert_same_structure, common, through_mps};
use relumip_solver::bounds::interval_bounds;
use relumip_solver::formulate::{
    adversarial_milp, combined_verification_milp, Decision, Formulation,
};
use relumip_solver::generate::{facility_location, knapsack, relu_bigm, set_cover};
use relumip_solver::io::mps::read_mps;
use relumip_solver::model::detect_relu_structure;
use relumip_solver::nn::property::{Case, LinearConstraint};
use relumip_solver::nn::{Activation, Layer, Network};
use relumip_solver::rng::SplitMix64;
use relumip_solver::verify::pre_bounds;
use std::path::Path;
use std::time::Instant;

#[test]
fn generated_networks_are_recovered() {
    let shapes: [&[usize]; 5] = [
        &[2, 4, 2],
        &[5, 16, 16, 3],
        &[3, 8, 8, 8, 2],
        &[6, 30, 2],
        &[4, 3, 9, 3, 4],
    ];
    for (i, widths) in shapes.iter().enumerate() {
        for seed in [1, 2, 3] {
            let model = relu_bigm(widths, seed + 10 * i as u64);
            let truth = model.relu.clone().expect("annotated");
            let found = detect_relu_structure(&through_mps(&model));
            let what = format!("widths {widths:?} seed {seed}");
            if truth.num_unstable() == 0 {
                assert!(found.is_none(), "{what}: an LP has no structure to detect");
                continue;
            }
            let found = found.unwrap_or_else(|| panic!("{what}: not detected"));
            assert_same_structure(&found, &truth, true, &what);
        }
    }
}

#[test]
fn models_without_the_pattern_give_none() {
    for model in [
        knapsack(40, 3, 1),
        set_cover(60, 120, 2),
        facility_location(8, 25, 3),
    ] {
        assert!(detect_relu_structure(&model).is_none(), "{}", model.name);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../instances");
    for file in ["knapsack40x3.mps", "setcover60x120.mps", "facility8x25.mps"] {
        let model = read_mps(&root.join(file)).expect("instance reads");
        assert!(detect_relu_structure(&model).is_none(), "{file}");
    }
    let Some(dir) = common::benchmarks_dir() else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(dir.join("miplib-small"))
        .expect("miplib-small")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".mps"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let model = read_mps(&file).expect("MIPLIB file reads");
        let started = Instant::now();
        let found = detect_relu_structure(&model);
        println!(
            "{}: {} nonzeros, {}, {:.4}s",
            file.display(),
            model.size().nonzeros,
            if found.is_some() { "detected" } else { "none" },
            started.elapsed().as_secs_f64()
        );
        assert!(found.is_none(), "{}", file.display());
    }
}

#[test]
fn the_shipped_relu_instance_is_recovered() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../instances/relu5-16-16-3.mps");
    let model = read_mps(&file).expect("instance reads");
    let found = detect_relu_structure(&model).expect("detected");
    let mut truth = relu_bigm(&[5, 16, 16, 3], 4);
    let truth_structure = truth.relu.take().expect("annotated");
    assert_eq!(
        through_mps(&truth),
        model,
        "the file is `gen relu --seed 4`"
    );
    assert_same_structure(&found, &truth_structure, true, "relu5-16-16-3");
    assert_eq!(found.units.len(), 32);
    assert_eq!(found.num_unstable(), 32);
    assert_eq!(found.units.iter().filter(|u| u.layer == 0).count(), 16);
    assert_eq!(found.units.iter().filter(|u| u.layer == 1).count(), 16);
    assert_eq!(
        (found.inputs.len(), found.outputs.len(), found.num_layers()),
        (5, 3, 3)
    );
}

/// A random network with the given widths (identity output layer).
fn random_network(widths: &[usize], seed: u64) -> Network {
    let mut rng = SplitMix64::new(seed);
    let layers = (1..widths.len())
        .map(|k| {
            let rows: Vec<Vec<f64>> = (0..widths[k])
                .map(|_| (0..widths[k - 1]).map(|_| rng.uniform(-1.0, 1.0)).collect())
                .collect();
            let bias = (0..widths[k]).map(|_| rng.uniform(-0.3, 0.3)).collect();
            let act = if k + 1 == widths.len() {
                Activation::Identity
            } else {
                Activation::Relu
            };
            Layer::from_rows(&rows, bias, act).expect("valid layer")
        })
        .collect();
    Network::new(layers).expect("valid network")
}

/// The adversarial and combined verification MILPs (other rows and binaries around
/// the network) are recovered exactly too.
#[test]
fn adversarial_and_combined_milps_are_recovered() {
    let net = random_network(&[3, 12, 12, 3], 5);
    let (lower, upper) = (vec![-1.0; 3], vec![1.0; 3]);
    let bounds = pre_bounds(&interval_bounds(&net, &lower, &upper).expect("bounds"));
    let adversarial = adversarial_milp(
        &net,
        &[0.1, -0.2, 0.3],
        &lower,
        &upper,
        1,
        1.1,
        Decision::Argmax,
        Some(2.0),
        &bounds,
        Formulation::BigM,
    )
    .expect("adversarial MILP");
    let case = |output: usize| Case {
        input_lower: lower.clone(),
        input_upper: upper.clone(),
        input_constraints: vec![LinearConstraint {
            terms: vec![(0, 1.0), (1, 1.0)],
            rhs: 1.5,
        }],
        output_constraints: vec![LinearConstraint {
            terms: vec![(output, 1.0), (2, -1.0)],
            rhs: 0.0,
        }],
    };
    let combined =
        combined_verification_milp(&net, &[case(0), case(1)], &bounds, Formulation::BigM)
            .expect("combined MILP");
    for (what, milp) in [("adversarial", adversarial), ("combined", combined)] {
        let truth = milp.model.relu.clone().expect("annotated");
        assert!(truth.num_unstable() > 0, "{what}");
        let found = detect_relu_structure(&through_mps(&milp.model)).expect(what);
        assert_same_structure(&found, &truth, false, what);
    }
}
