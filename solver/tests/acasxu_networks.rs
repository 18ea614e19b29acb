//! The 45 ACAS Xu networks: ONNX and `.nnet` versions load and agree, and the
//! forward pass reproduces onnxruntime's reference outputs.

mod common;

use common::{benchmarks_dir, Rng};
use relumip_solver::io::nnet::{read_nnet, read_nnet_file, NnetNormalisation};
use relumip_solver::io::onnx::read_onnx;
use relumip_solver::nn::{Activation, Network};
use std::collections::HashMap;
use std::path::Path;

fn pairs() -> impl Iterator<Item = (usize, usize)> {
    (1..=5).flat_map(|a| (1..=9).map(move |b| (a, b)))
}

fn onnx_path(dir: &Path, a: usize, b: usize) -> std::path::PathBuf {
    dir.join(format!("acasxu/onnx/ACASXU_run2a_{a}_{b}_batch_2000.onnx"))
}

fn nnet_path(dir: &Path, a: usize, b: usize) -> std::path::PathBuf {
    dir.join(format!("acasxu/nnet/ACASXU_experimental_v2a_{a}_{b}.nnet"))
}

/// The ONNX network is the `.nnet` network *without* its normalisation (inputs
/// already normalised, outputs not de-normalised), with every weight and bias
/// rounded to float32: the values are identical bit for bit after that rounding.
/// In f64 arithmetic the two then agree to a few 1e-5 relative on the input box
/// (outputs below 1e-2 compared absolutely), well within the 1e-4 that the
/// onnxruntime reference outputs are checked to.
#[test]
fn onnx_equals_nnet_without_normalisation_rounded_to_f32() {
    let Some(dir) = benchmarks_dir() else { return };
    let mut rng = Rng::new(7);
    let mut worst = 0.0f64;
    for (a, b) in pairs() {
        let onnx = read_onnx(&onnx_path(&dir, a, b)).unwrap();
        let nnet = read_nnet(&nnet_path(&dir, a, b), NnetNormalisation::None).unwrap();
        assert_eq!((onnx.input_dim(), onnx.output_dim()), (5, 5));
        assert_eq!(onnx.layers().len(), 7);
        assert_eq!(onnx.num_relus(), 300);
        assert_eq!(onnx.layers().len(), nnet.layers().len());
        for (k, (lo, ln)) in onnx.layers().iter().zip(nnet.layers()).enumerate() {
            assert_eq!(lo.activation(), ln.activation(), "{a}_{b} layer {k}");
            let rounded = |v: &[f64]| v.iter().map(|&x| f64::from(x as f32)).collect::<Vec<_>>();
            assert_eq!(
                lo.weights(),
                rounded(ln.weights()),
                "{a}_{b} layer {k} weights"
            );
            assert_eq!(lo.bias(), rounded(ln.bias()), "{a}_{b} layer {k} bias");
        }
        assert_eq!(onnx.layers()[6].activation(), Activation::Identity);
        for _ in 0..20 {
            let x: Vec<f64> = (0..5).map(|_| rng.uniform(-0.5, 0.5)).collect();
            let (yo, yn) = (onnx.forward(&x), nnet.forward(&x));
            for (u, v) in yo.iter().zip(&yn) {
                worst = worst.max((u - v).abs() / v.abs().max(1e-2));
            }
        }
    }
    println!("worst relative ONNX/.nnet output difference: {worst:e}");
    assert!(worst < 1e-4, "{worst}");
}

/// Folding the normalisation gives the network on raw units:
/// `folded(mean + range * x) = onnx(x) * range_out + mean_out`.
#[test]
#[allow(clippy::approx_constant)] // the header values as written in the files
fn folded_nnet_maps_raw_units() {
    let Some(dir) = benchmarks_dir() else { return };
    let mut rng = Rng::new(11);
    for (a, b) in [(1, 1), (2, 9), (5, 3)] {
        let file = read_nnet_file(&nnet_path(&dir, a, b)).unwrap();
        assert_eq!(file.input_mean, vec![19791.091, 0.0, 0.0, 650.0, 600.0]);
        assert_eq!(
            file.input_range,
            vec![60261.0, 6.28318530718, 6.28318530718, 1100.0, 1200.0]
        );
        assert_eq!(
            (file.output_mean, file.output_range),
            (7.5188840201005975, 373.94992)
        );
        let folded = read_nnet(&nnet_path(&dir, a, b), NnetNormalisation::Fold).unwrap();
        let onnx = read_onnx(&onnx_path(&dir, a, b)).unwrap();
        for _ in 0..20 {
            let x: Vec<f64> = (0..5).map(|_| rng.uniform(-0.5, 0.5)).collect();
            let raw: Vec<f64> = x
                .iter()
                .zip(file.input_mean.iter().zip(&file.input_range))
                .map(|(v, (m, r))| m + r * v)
                .collect();
            let y_raw = folded.forward(&raw);
            let y = onnx.forward(&x);
            for (u, v) in y_raw.iter().zip(&y) {
                let expected = v * 373.94992 + 7.5188840201005975;
                assert!(
                    (u - expected).abs() < 1e-4 * expected.abs().max(1.0),
                    "{u} {expected}"
                );
            }
        }
    }
}

/// Every row of `reference_outputs.csv` (onnxruntime, float32) within 1e-4.
#[test]
fn forward_pass_matches_onnxruntime_reference_outputs() {
    let Some(dir) = benchmarks_dir() else { return };
    let text = std::fs::read_to_string(dir.join("acasxu/reference_outputs.csv")).unwrap();
    let mut nets: HashMap<String, Network> = HashMap::new();
    let mut rows = 0;
    let mut worst = 0.0f64;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 12, "{line}");
        assert_eq!(fields[6], "|");
        let net = nets
            .entry(fields[0].to_string())
            .or_insert_with(|| read_onnx(&dir.join("acasxu").join(fields[0])).unwrap());
        let parse = |s: &[&str]| {
            s.iter()
                .map(|v| v.parse::<f64>().unwrap())
                .collect::<Vec<_>>()
        };
        let (x, expected) = (parse(&fields[1..6]), parse(&fields[7..12]));
        for (u, v) in net.forward(&x).iter().zip(&expected) {
            worst = worst.max((u - v).abs());
        }
        rows += 1;
    }
    println!("{rows} reference rows, worst absolute difference {worst:e}");
    assert_eq!(rows, 450);
    assert_eq!(nets.len(), 45);
    assert!(worst < 1e-4, "{worst}");
}
