//! Random fully connected ReLU networks, seeded: the network behind `gen relu`'s
//! MILPs and the random networks of robustness benchmarks.

use crate::error::{Error, Result};
use crate::nn::{Activation, Layer, Network};
use crate::rng::SplitMix64;

/// A random network with layer widths `widths` (input first, output last): ReLU
/// hidden layers and an affine output layer. Each weight is uniform in
/// `[-s, s]` with `s = sqrt(3 / fan_in)` (unit variance per unit of fan-in), each bias
/// uniform in `[-0.2, 0.2]`, all rounded to 4 decimals so that files written from
/// the network are exact. Draws go neuron by neuron (weights, then bias).
///
/// Fails with [`Error::Invalid`] for fewer than two widths or a zero width.
pub fn random_network(widths: &[usize], seed: u64) -> Result<Network> {
    if widths.len() < 2 || widths.contains(&0) {
        return Err(Error::Invalid(format!(
            "a random network needs at least an input and an output layer of positive width, got {widths:?}"
        )));
    }
    let mut rng = SplitMix64::new(seed);
    let round = |v: f64| (v * 1e4).round() / 1e4;
    let depth = widths.len() - 1;
    let mut layers = Vec::with_capacity(depth);
    for (k, pair) in widths.windows(2).enumerate() {
        let (fan_in, width) = (pair[0], pair[1]);
        let scale = (3.0 / fan_in as f64).sqrt();
        let mut weights = Vec::with_capacity(fan_in * width);
        let mut bias = Vec::with_capacity(width);
        for _ in 0..width {
            weights.extend((0..fan_in).map(|_| round(rng.uniform(-scale, scale))));
            bias.push(round(rng.uniform(-0.2, 0.2)));
        }
        let activation = if k + 1 == depth {
            Activation::Identity
        } else {
            Activation::Relu
        };
        layers.push(Layer::new(weights, bias, fan_in, activation)?);
    }
    Network::new(layers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_activations_and_seeds() {
        let net = random_network(&[5, 7, 6, 3], 4).expect("valid widths");
        assert_eq!((net.input_dim(), net.output_dim()), (5, 3));
        assert_eq!(net.layers().len(), 3);
        assert_eq!(net.num_relus(), 13);
        assert_eq!(
            net.layers()[2].activation(),
            Activation::Identity,
            "affine output layer"
        );
        let scale = (3.0f64 / 5.0).sqrt();
        assert!(net.layers()[0].weights().iter().all(|w| w.abs() <= scale));
        assert_eq!(net, random_network(&[5, 7, 6, 3], 4).expect("valid"));
        assert_ne!(net, random_network(&[5, 7, 6, 3], 5).expect("valid"));
        assert!(random_network(&[5], 1).is_err());
        assert!(random_network(&[5, 0, 2], 1).is_err());
    }
}
