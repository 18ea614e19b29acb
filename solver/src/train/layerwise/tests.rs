//! Tests of the single-neuron and single-sample solves.

use super::*;

fn settings() -> Settings {
    Settings {
        threads: 1,
        ..Settings::default()
    }
}

#[test]
fn hidden_neuron_milp_finds_an_exact_fit() {
    // Targets relu(0.5 x0 - 0.25 x1 + 0.1): the optimum loss is 0.
    let xs: Vec<Vec<f64>> = (0..12)
        .map(|k| vec![(k as f64 * 0.37).sin() * 2.0, (k as f64 * 0.91).cos() * 2.0])
        .collect();
    let ts: Vec<f64> = xs
        .iter()
        .map(|x| (0.5 * x[0] - 0.25 * x[1] + 0.1).max(0.0))
        .collect();
    let (found, _) = fit_hidden_neuron(
        &xs,
        &ts,
        &WeightBox::unit(2),
        (&[0.0, 0.0], -1.0),
        &settings(),
        Duration::from_secs(20),
    )
    .unwrap();
    let (w, c) = found.expect("an improvement");
    let loss: f64 = xs
        .iter()
        .zip(&ts)
        .map(|(x, t)| ((c + dot(&w, x)).max(0.0) - t).abs())
        .sum();
    assert!(loss < 1e-5, "loss {loss}");
}

#[test]
fn input_adjustment_stays_in_the_bounds_and_improves() {
    let params = Params {
        widths: vec![2, 2, 2],
        weights: vec![vec![1.0, 0.0, 0.0, 1.0], vec![1.0, -1.0, -1.0, 1.0]],
        biases: vec![vec![0.0, 0.0], vec![0.0, 0.0]],
    };
    // Output layer: inputs (1, 1) give scores (0, 0); target class 0.
    let (x, milp, _) = adjust_inputs(
        &params,
        1,
        &[1.0, 1.0],
        &[1.0, 0.0],
        &settings(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert!(!milp);
    assert!(
        (x[0] - 1.2).abs() < 1e-9 && (x[1] - 0.8).abs() < 1e-9,
        "{x:?}"
    );
    let b = WeightBox::around(&[0.5], -1.0);
    assert!((b.lo[0] - 0.19).abs() < 1e-12 && (b.hi[0] - 0.81).abs() < 1e-12);
    assert!((b.bias.0 + 1.0).abs() < 1e-12 && (b.bias.1 + 0.39).abs() < 1e-12);
}
