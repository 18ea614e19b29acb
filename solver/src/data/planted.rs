//! Regression data from a planted sparse teacher network.
//!
//! The teacher is `f(x) = sum_i v_i max(0, w_i.x + b_i)` with one hidden layer of
//! `hidden` neurons, exactly `nonzeros` nonzero first-layer weights (every neuron gets
//! one before any gets a second, when there are enough), outer weights `v_i` in
//! `{-1, +1}` and no output bias. Nonzero weights have magnitude in `[0.25, 1]` and a
//! random sign, biases lie in `[-0.5, 0.5]`, all rounded to two decimals; inputs are
//! uniform in `[-1, 1]`, rounded to four decimals. Targets are computed in `f64` from
//! these values, so the teacher fits its data exactly and `|w|, |b| <= 1`.

use super::split::shuffle;
use super::Dataset;
use crate::error::{Error, Result};
use crate::nn::{Activation, Layer, Network};
use crate::rng::SplitMix64;

/// Sizes and seed of a planted instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlantedSpec {
    /// Number of samples.
    pub samples: usize,
    /// Number of inputs (features).
    pub inputs: usize,
    /// Width of the teacher's hidden layer.
    pub hidden: usize,
    /// Number of nonzero first-layer weights of the teacher.
    pub nonzeros: usize,
    /// Random seed.
    pub seed: u64,
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

/// Generates the data set and its teacher network.
///
/// Fails with [`Error::Invalid`] when a size is zero or `nonzeros` exceeds
/// `hidden * inputs`.
pub fn planted(spec: &PlantedSpec) -> Result<(Dataset, Network)> {
    let PlantedSpec {
        samples,
        inputs,
        hidden,
        nonzeros,
        seed,
    } = *spec;
    if samples == 0 || inputs == 0 || hidden == 0 || nonzeros == 0 {
        return Err(Error::Invalid(
            "samples, inputs, hidden and nonzeros must all be positive".into(),
        ));
    }
    if nonzeros > hidden * inputs {
        return Err(Error::Invalid(format!(
            "{nonzeros} nonzeros do not fit in {hidden} x {inputs} first-layer weights"
        )));
    }
    let mut rng = SplitMix64::new(seed);
    // Positions: one per neuron first (as far as the count allows), then the rest.
    let mut chosen = vec![false; hidden * inputs];
    let mut neurons: Vec<usize> = (0..hidden).collect();
    shuffle(&mut neurons, &mut rng);
    for &i in neurons.iter().take(nonzeros) {
        let j = (rng.next_u64() % inputs as u64) as usize;
        chosen[i * inputs + j] = true;
    }
    let mut rest: Vec<usize> = (0..hidden * inputs).filter(|&k| !chosen[k]).collect();
    shuffle(&mut rest, &mut rng);
    let placed = chosen.iter().filter(|&&c| c).count();
    for &k in rest.iter().take(nonzeros - placed) {
        chosen[k] = true;
    }
    let mut weights = vec![0.0; hidden * inputs];
    for (w, &c) in weights.iter_mut().zip(&chosen) {
        if c {
            let magnitude = round_to(rng.uniform(0.25, 1.0), 2);
            *w = if rng.next_u64() % 2 == 0 {
                magnitude
            } else {
                -magnitude
            };
        }
    }
    let bias: Vec<f64> = (0..hidden)
        .map(|_| round_to(rng.uniform(-0.5, 0.5), 2))
        .collect();
    let outer: Vec<f64> = (0..hidden)
        .map(|_| if rng.next_u64() % 2 == 0 { 1.0 } else { -1.0 })
        .collect();
    let net = Network::new(vec![
        Layer::new(weights, bias, inputs, Activation::Relu)?,
        Layer::new(outer, vec![0.0], hidden, Activation::Identity)?,
    ])?;
    let features: Vec<Vec<f64>> = (0..samples)
        .map(|_| {
            (0..inputs)
                .map(|_| round_to(rng.uniform(-1.0, 1.0), 4))
                .collect()
        })
        .collect();
    let targets = features.iter().map(|x| net.forward(x)[0]).collect();
    let data = Dataset {
        features,
        targets,
        class_names: Vec::new(),
        source: format!(
            "planted(samples={samples}, inputs={inputs}, hidden={hidden}, nonzeros={nonzeros}, seed={seed})"
        ),
    };
    Ok((data, net))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planted_teacher_has_the_asked_nonzeros_and_fits() {
        let spec = PlantedSpec {
            samples: 20,
            inputs: 4,
            hidden: 3,
            nonzeros: 5,
            seed: 3,
        };
        let (data, net) = planted(&spec).unwrap();
        let first = &net.layers()[0];
        assert_eq!(first.weights().iter().filter(|w| **w != 0.0).count(), 5);
        for i in 0..3 {
            assert!(
                first.row(i).iter().any(|w| *w != 0.0),
                "neuron {i} is empty"
            );
        }
        assert!(net.layers()[1].weights().iter().all(|v| v.abs() == 1.0));
        for (x, y) in data.features.iter().zip(&data.targets) {
            assert_eq!(net.forward(x)[0], *y);
        }
        assert_eq!(planted(&spec).unwrap().0, data);
        assert!(planted(&PlantedSpec {
            nonzeros: 13,
            ..spec
        })
        .is_err());
        assert!(planted(&PlantedSpec { samples: 0, ..spec }).is_err());
    }
}
