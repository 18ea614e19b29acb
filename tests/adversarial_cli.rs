//! `relumip adversarial` end to end on small two-input networks: the written input is
//! classified as the target with the margin, its L1 distance is the one printed, and
//! no point of a fine grid over the search box does better (brute force).

use relumip_solver::io::onnx::{write_onnx, OnnxPrecision, OnnxWriteOptions};
use relumip_solver::nn::{Activation, Layer, Network};
use relumip_solver::rng::SplitMix64;
use std::process::Command;

const MARGIN: f64 = 1.2;
const RADIUS: f64 = 2.0;

fn random_network(rng: &mut SplitMix64) -> Network {
    let hidden = Layer::from_rows(
        &(0..6)
            .map(|_| vec![rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)])
            .collect::<Vec<_>>(),
        (0..6).map(|_| rng.uniform(-0.5, 0.5)).collect(),
        Activation::Relu,
    )
    .expect("layer");
    let output = Layer::from_rows(
        &(0..3)
            .map(|_| (0..6).map(|_| rng.uniform(-1.0, 1.0)).collect())
            .collect::<Vec<_>>(),
        (0..3).map(|_| rng.uniform(0.5, 1.5)).collect(),
        Activation::Identity,
    )
    .expect("layer");
    Network::new(vec![hidden, output]).expect("network")
}

/// The target is the largest output by the margin (outputs of the class test are
/// compared with a small slack for the solver's tolerances).
fn classified_as(y: &[f64], target: usize, slack: f64) -> bool {
    (0..y.len()).all(|j| j == target || y[target] >= MARGIN * y[j] - slack)
}

#[test]
fn adversarial_inputs_are_valid_and_no_grid_point_is_closer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut checked = 0;
    for seed in 0..12u64 {
        let mut rng = SplitMix64::new(seed);
        let net = random_network(&mut rng);
        let x = [rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)];
        let y = net.forward(&x);
        let class = (0..3)
            .max_by(|&a, &b| y[a].total_cmp(&y[b]))
            .expect("class");
        let target = (class + 1 + seed as usize % 2) % 3;
        let onnx = dir.path().join(format!("net{seed}.onnx"));
        let options = OnnxWriteOptions {
            precision: OnnxPrecision::Float64,
            ..OnnxWriteOptions::default()
        };
        write_onnx(&net, &onnx, &options).expect("write onnx");
        let input = dir.path().join(format!("x{seed}.txt"));
        std::fs::write(&input, format!("{},{}\n", x[0], x[1])).expect("write input");
        let adv = dir.path().join(format!("adv{seed}.txt"));
        let out = Command::new(env!("CARGO_BIN_EXE_relumip"))
            .args(["adversarial", onnx.to_str().expect("utf-8"), "--input"])
            .arg(&input)
            .args(["--target", &target.to_string(), "--max-distance"])
            .arg(RADIUS.to_string())
            .arg("--output")
            .arg(&adv)
            .args(["--threads", "1", "--quiet", "--exact-check"])
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "seed {seed}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Brute force over a grid of the box around x: the closest valid point.
        let steps = 400;
        let h = 2.0 * RADIUS / steps as f64;
        let mut best_grid = f64::INFINITY;
        for i in 0..=steps {
            for j in 0..=steps {
                let p = [x[0] - RADIUS + i as f64 * h, x[1] - RADIUS + j as f64 * h];
                let d = (p[0] - x[0]).abs() + (p[1] - x[1]).abs();
                if d <= RADIUS && d < best_grid && classified_as(&net.forward(&p), target, 0.0) {
                    best_grid = d;
                }
            }
        }
        let distance = stdout
            .lines()
            .find_map(|l| l.strip_prefix("distance "))
            .map(|v| v.trim().parse::<f64>().expect("distance value"));
        let Some(distance) = distance else {
            // No adversarial input within the radius: the grid finds none either.
            assert!(
                best_grid.is_infinite(),
                "seed {seed}: none reported, grid found {best_grid}\n{stdout}"
            );
            continue;
        };
        assert!(stdout.contains("optimal"), "seed {seed}: {stdout}");
        assert!(
            stdout.contains("exact check: adversarial input confirmed exactly")
                || stdout
                    .contains("exact check: adversarial input holds only within the tolerance"),
            "seed {seed}: {stdout}"
        );
        let text = std::fs::read_to_string(&adv).expect("adversarial input written");
        let p: Vec<f64> = text
            .trim()
            .split(',')
            .map(|v| v.trim().parse().expect("number"))
            .collect();
        let d = (p[0] - x[0]).abs() + (p[1] - x[1]).abs();
        assert!(
            (d - distance).abs() < 1e-6,
            "seed {seed}: {d} vs {distance}"
        );
        assert!(
            classified_as(&net.forward(&p), target, 1e-6),
            "seed {seed}: {p:?} is not classified as {target}"
        );
        assert!(
            distance <= best_grid + 1e-6,
            "seed {seed}: distance {distance}, a grid point has {best_grid}"
        );
        checked += 1;
    }
    assert!(
        checked >= 6,
        "too few networks with an adversarial input: {checked}"
    );
}
